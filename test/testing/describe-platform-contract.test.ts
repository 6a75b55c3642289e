import { describe, expect, it } from 'vitest';
import type { BusMessage, EventBus } from '../../src/platform/event-bus';
import { createInMemoryEventBus } from '../../src/platform/in-memory-event-bus';
import { waitUntil } from '../../src/testing/collect-deliveries';
import { describePlatformContract } from '../../src/testing/describe-platform-contract';
import { collectContract, failingTests, pick } from '../support/collect-contract';

const until = (what: string, condition: () => boolean) => waitUntil(what, condition, 3000);
const contract = (createBus: () => EventBus) => collectContract((api) => describePlatformContract({ ...api, name: 'under test', createBus, bulkRequests: 3, timeoutMs: 3000 }, until));
const PLATFORM = 'EventBus contract: under test, platform worker and client > ';
const SENT = 'answers a request with sms.sent carrying its correlation_id and request_id';
const EXPIRED = 'refuses an expired request with sms.failed TIMEOUT/REQUEST_EXPIRED and sends nothing';

describe('describePlatformContract', () => {
  it('registers the platform round trips under one suite', () => {
    const names = contract(() => createInMemoryEventBus()).map((test) => test.name);
    expect(names).toHaveLength(7);
    expect(names.every((name) => name.startsWith(PLATFORM))).toBe(true);
    expect(names).toContain(`${PLATFORM}answers 3 concurrent requests exactly once each, with exactly 3 provider calls`);
  });

  it('passes the sent, bulk and expired round trips over the in-memory bus', async () => {
    expect(await failingTests(pick(contract(() => createInMemoryEventBus()), SENT, 'answers 3 concurrent requests exactly once each, with exactly 3 provider calls', EXPIRED))).toEqual([]);
  });

  it('catches a bus that alters the answers it carries', async () => {
    const tampering = (): EventBus => {
      const inner = createInMemoryEventBus();
      const alter = (message: BusMessage): BusMessage => (message.type === 'sms.sent' ? ({ ...message, data: { ...(message as unknown as { data: object }).data, cost: null } } as BusMessage) : message);
      return { publish: (message, options) => inner.publish(alter(message), options), subscribe: (options, handler) => inner.subscribe(options, handler), close: () => inner.close() };
    };
    expect(await failingTests(pick(contract(tampering), SENT, EXPIRED))).toEqual([`${PLATFORM}${SENT}`]);
  });
});
