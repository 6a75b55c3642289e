import { describe, expect, it } from 'vitest';
import type { EventBus } from '../../src/platform/event-bus';
import { createInMemoryEventBus } from '../../src/platform/in-memory-event-bus';
import { runEventBusContract } from '../../src/testing/run-event-bus-contract';
import { collectContract, failingTests, pick } from '../support/collect-contract';

// The contract's handlers that throw on purpose would otherwise print process warnings.
const memoryBus = () => createInMemoryEventBus({ onHandlerError: () => undefined });
const contract = (createBus: () => EventBus) => collectContract((api) => runEventBusContract({ ...api, name: 'under test', createBus, bulkRequests: 5, timeoutMs: 3000 }));
const BUS = 'EventBus contract: under test > ';
const PLATFORM = 'EventBus contract: under test, platform worker and client > ';

describe('runEventBusContract', () => {
  it('registers the bus cases, then the platform round trips sized by bulkRequests', () => {
    const names = contract(memoryBus).map((test) => test.name);
    expect(names.filter((name) => name.startsWith(BUS))).toHaveLength(14);
    expect(names.filter((name) => name.startsWith(PLATFORM))).toHaveLength(7);
    expect(names).toContain(`${PLATFORM}answers 5 concurrent requests exactly once each, with exactly 5 provider calls`);
    expect(names.indexOf(`${BUS}refuses to publish once closed (BUS_CLOSED)`)).toBeLessThan(names.findIndex((name) => name.startsWith(PLATFORM)));
  });

  it('passes every bus case for the in-memory bus', async () => {
    const busCases = contract(memoryBus).filter((test) => test.name.startsWith(BUS));
    expect(await failingTests(busCases)).toEqual([]);
  });

  it('catches a bus that ignores mandatory, and one that keeps publishing once closed', async () => {
    const ignoringMandatory = (): EventBus => {
      const inner = memoryBus();
      return { publish: (message) => inner.publish(message), subscribe: (options, handler) => inner.subscribe(options, handler), close: () => inner.close() };
    };
    expect(await failingTests(pick(contract(ignoringMandatory), 'refuses a mandatory message that no queue is bound for (BUS_UNROUTABLE)', 'an ack is final: the message never comes back'))).toEqual([
      `${BUS}refuses a mandatory message that no queue is bound for (BUS_UNROUTABLE)`,
    ]);

    const neverClosing = (): EventBus => {
      const inner = memoryBus();
      return { publish: (message, options) => inner.publish(message, options), subscribe: (options, handler) => inner.subscribe(options, handler), close: () => Promise.resolve() };
    };
    expect(await failingTests(pick(contract(neverClosing), 'refuses to publish once closed (BUS_CLOSED)'))).toEqual([`${BUS}refuses to publish once closed (BUS_CLOSED)`]);
  });
});
