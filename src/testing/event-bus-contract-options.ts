import type { EventBus } from '../platform/event-bus';
import type { ContractTestApi } from './contract-test-api';

/** What `runEventBusContract` needs: your runner's `describe`/`it`, a name and a bus factory. */
export interface EventBusContractOptions extends ContractTestApi {
  /** Name shown in the suite title, e.g. `memory` or `rabbitmq`. */
  name: string;
  /**
   * Makes a bus for one test. Tests use queue names of their own, but bindings are per bus: on a shared
   * broker give each bus its own exchange, so one test's messages never reach another's queues.
   */
  createBus: () => EventBus | Promise<EventBus>;
  /** Requests of the bulk test. Default 1000. */
  bulkRequests?: number;
  /** Longest wait for something the bus should deliver, in ms. Default 10 000. */
  timeoutMs?: number;
}
