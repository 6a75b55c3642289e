// The `logger` option where the library reports: the service, the webhook handler, the buses and the worker.
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../src/logging/logger';
import { createInMemoryEventBus } from '../../src/platform/in-memory-event-bus';
import { createSmsWorker } from '../../src/platform/create-sms-worker';
import { SMSService } from '../../src/service/sms-service';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import { createWebhookHandler } from '../../src/webhooks/create-webhook-handler';
import { createSmsClient } from '../../src/platform/create-sms-client';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import { signWebhookRequest } from '../../src/testing/sign-webhook-request';

function recordingLogger() {
  const entries: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void entries.push({ level, fields, message });
  const logger: Logger = { info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, entries };
}

describe('the logger option', () => {
  it('takes the service’s background failures and failing subscribers, with the error as err', async () => {
    const { logger, entries } = recordingLogger();
    const failing = new Error('disk full');
    let writes = 0;
    const store = { save: async () => { writes += 1; if (writes > 1) throw failing; }, get: async () => undefined, findByProviderMessageId: async () => undefined };
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], store, logger });
    // The write-ahead lands; the outcome write fails, is retried in the background, then reported.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const result = await sms.send({ to: '+14155552671', body: 'Hi' });
    await vi.advanceTimersByTimeAsync(3_600);
    vi.useRealTimers();
    expect(entries).toContainEqual({ level: 'warn', fields: { code: 'TOOLS_CORE_BACKGROUND', stage: 'store', messageId: result.id, err: failing }, message: `tools-core could not record message ${result.id}: disk full` });
  });

  it('takes the webhook handler’s failures', async () => {
    const { logger, entries } = recordingLogger();
    const failing = new Error('connection terminated');
    const store = { save: async () => Promise.reject(failing), get: async () => undefined, findByProviderMessageId: async () => undefined };
    const { request, providers } = signWebhookRequest({
      provider: 'twilio',
      url: 'https://hooks.example.com/sms',
      body: new URLSearchParams({ MessageSid: 'SM1', From: '+14155552671', To: '+14155550199', Body: 'Hello' }).toString(),
      secret: 'twilio-auth-token',
    });
    const handler = createWebhookHandler({ store, events: createInMemoryEventPublisher(), providers, logger });
    expect((await handler(request)).status).toBe(500);
    expect(entries).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ code: 'TOOLS_CORE_WEBHOOK', stage: 'store', provider: 'twilio', err: failing }) }));
  });

  it('takes the worker’s decisions at their level, and a failing bus subscriber', async () => {
    const { logger, entries } = recordingLogger();
    const bus = createInMemoryEventBus({ logger });
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })] });
    const worker = createSmsWorker({ service: sms, bus, logger });
    await worker.start();
    const client = createSmsClient({ bus });
    await client.request({ tenantId: 'org-1', to: '+14155552671', body: 'Hi' });
    await worker.stop();
    expect(entries.map((entry) => `${entry.level} ${entry.message}`)).toEqual(expect.arrayContaining(['info worker.started', 'info request.sent', 'info worker.stopped']));
    expect(JSON.stringify(entries)).not.toContain('+14155552671');
    await client.close();
  });

  it('is refused when it is not a logger', () => {
    expect(() => new SMSService({ providers: [createFakeProvider()], logger: {} as Logger })).toThrow(/^options\.logger: has no info, warn, error methods/);
  });
});
