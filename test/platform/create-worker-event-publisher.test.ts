import { describe, expect, it, vi } from 'vitest';
import { createResultEvent } from '../../src/events/create-result-event';
import type { SmsEvent } from '../../src/events/sms-event';
import { createWorkerEventPublisher } from '../../src/platform/create-worker-event-publisher';

const sent = createResultEvent({
  eventId: 'e-1',
  messageId: 'm-1',
  correlationId: 'c-1',
  tenantId: 'org-1',
  timestamp: 0,
  to: '+14155552671',
  from: undefined,
  provider: 'twilio',
  providerMessageId: 'SM1',
  cost: null,
  segments: 1,
  encoding: 'GSM-7',
  metadata: {},
  error: undefined,
});
const quotaWarning: SmsEvent = {
  type: 'sms.quota_warning',
  schema_version: 1,
  event_id: 'e-2',
  tenant_id: 'org-1',
  timestamp: '1970-01-01T00:00:00.000Z',
  data: { window: 'hourly', limit: 10, used: 8, remaining: 2, threshold: 0.8, reset_at: null },
};

describe('createWorkerEventPublisher', () => {
  it('forwards progress events without waiting for the broker, and reports a failure', async () => {
    let release: () => void = () => undefined;
    const bus = { publish: vi.fn(() => new Promise<void>((_, reject) => (release = () => reject(new Error('broker down'))))) };
    const onError = vi.fn();
    const events = createWorkerEventPublisher({ bus, onError });
    await events.publish(quotaWarning);
    expect(bus.publish).toHaveBeenCalledWith(quotaWarning);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'broker down' }), quotaWarning);
  });

  it('publishes the terminal events of direct sends on the bus and waits for the confirm', async () => {
    let confirm: () => void = () => undefined;
    const bus = { publish: vi.fn(() => new Promise<void>((resolve) => (confirm = resolve))) };
    let settled = false;
    const publishing = createWorkerEventPublisher({ bus })
      .publish(sent)
      .then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(bus.publish).toHaveBeenCalledWith(sent);
    expect(settled).toBe(false);
    confirm();
    await publishing;
    expect(settled).toBe(true);
  });
});
