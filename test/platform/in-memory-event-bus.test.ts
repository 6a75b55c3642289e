import { afterAll, describe, expect, it } from 'vitest';
import { createInMemoryEventBus } from '../../src/platform/in-memory-event-bus';
import { runEventBusContract } from '../../src/testing';

/**
 * The contract's handlers that throw on purpose fail with "handler bug"; they are collected instead of
 * printed as process warnings, and any other handler error fails the file, so a real one stands out.
 */
const handlerErrors: unknown[] = [];

runEventBusContract({ describe, it, name: 'memory', createBus: () => createInMemoryEventBus({ onHandlerError: (error) => void handlerErrors.push(error) }) });

afterAll(() => {
  const unexpected = handlerErrors.filter((error) => !(error instanceof Error && error.message === 'handler bug'));
  expect(unexpected).toEqual([]);
  expect(handlerErrors.length).toBeGreaterThan(0);
});
