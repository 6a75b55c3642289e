/**
 * The EventBus contract suite (bus semantics, then worker and client round trips, including 1,000
 * concurrent requests) on a real RabbitMQ at 127.0.0.1:5672: the same suite the in-memory bus passes.
 */
import { afterAll, describe, it } from 'vitest';
import { runEventBusContract } from '../../../src/testing';
import { BusFactory, rabbitmqIsReachable } from '../../support/services/platform-rabbitmq-support';

const reachable = await rabbitmqIsReachable();
const buses = new BusFactory();

afterAll(async () => {
  if (reachable) await buses.cleanUp();
}, 60_000);

describe.skipIf(!reachable)('RabbitMQ bus (127.0.0.1:5672)', () => {
  runEventBusContract({ describe, it, name: 'rabbitmq', createBus: () => buses.create(), timeoutMs: 20_000 });
});
