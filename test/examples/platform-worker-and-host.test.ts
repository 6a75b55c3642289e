import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { notifyShipped } from '../../examples/platform-host';
import { startPlatformWorker } from '../../examples/platform-worker';
import { createInMemoryIdempotencyStore } from '../../src/idempotency/in-memory-idempotency-store';
import { createInMemoryEventBus } from '../../src/platform/in-memory-event-bus';
import { nock, recordRequests } from '../support/intercept-http';
import * as twilio from '../providers/twilio/support/twilio-fixtures';

const env = { TWILIO_ACCOUNT_SID: twilio.ACCOUNT_SID, TWILIO_AUTH_TOKEN: twilio.AUTH_TOKEN, TWILIO_PHONE_NUMBER: twilio.FROM };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('examples/platform-worker.ts and examples/platform-host.ts (on the in-memory bus, Twilio answered by nock)', () => {
  it('the host’s notification is sent once through Twilio, also when the host sends it again', async () => {
    const scope = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(201, twilio.twilioMessage());
    const requests = recordRequests(scope);
    const bus = createInMemoryEventBus();
    const logs: string[] = [];
    const worker = await startPlatformWorker({ bus, store: createInMemoryIdempotencyStore(), env, log: (line) => logs.push(line) });
    try {
      expect(await notifyShipped(bus, '+14155552671', '42')).toBe(`sent via twilio as ${twilio.MESSAGE_SID} (1 segment, 0.0075 USD)`);
      expect(await notifyShipped(bus, '+14155552671', '42')).toBe(`sent via twilio as ${twilio.MESSAGE_SID} (1 segment, 0.0075 USD)`);
      expect(requests).toHaveLength(1);
      expect(logs.map((line) => JSON.parse(line).event)).toEqual(['worker.started', 'request.sent', 'request.sent']);
    } finally {
      await worker.stop();
      await bus.close();
    }
  });

  it('reports a refusal by Twilio as the answer, not as a thrown error', async () => {
    nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(400, twilio.twilioErrorBody(21211, 400, "The 'To' number is not a valid phone number."));
    const bus = createInMemoryEventBus();
    const worker = await startPlatformWorker({ bus, store: createInMemoryIdempotencyStore(), env, log: () => undefined });
    try {
      expect(await notifyShipped(bus, '+14155552671', '43')).toBe('failed: VALIDATION_ERROR/INVALID_RECIPIENT');
    } finally {
      await worker.stop();
      await bus.close();
    }
  });
});
