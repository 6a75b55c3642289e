import { describe, expect, it } from 'vitest';
import type { QuotaEvent } from '../../src/events/quota-event';
import { SMS_EVENT_SCHEMA_VERSION } from '../../src/events/sms-event';
import type { Logger } from '../../src/logging/logger';
import { QuotaNotifier, reportQuotaEvent } from '../../src/limits/quota-notifier';

function recordingLogger(): Logger & { warnings: Array<{ fields: Record<string, unknown>; message: string }> } {
  const warnings: Array<{ fields: Record<string, unknown>; message: string }> = [];
  return { warnings, info: () => undefined, error: () => undefined, warn: (fields, message) => warnings.push({ fields, message }) };
}

function setup(onEvent?: (event: QuotaEvent) => void | Promise<void>) {
  let now = Date.UTC(2026, 0, 1);
  let id = 0;
  const logger = recordingLogger();
  const clock = { now: () => now };
  const notifier = new QuotaNotifier({ onEvent, clock, generateId: () => `event-${(id += 1)}`, logger });
  return { notifier, logger, advance: (ms: number) => (now += ms) };
}

describe('QuotaNotifier', () => {
  it('reports one degraded notice when an outage starts and one recovered notice when it ends', () => {
    const events: QuotaEvent[] = [];
    const { notifier, advance } = setup((event) => void events.push(event));
    notifier.observeStore('quotas', undefined);
    notifier.observeStore('quotas', new Error('ECONNREFUSED'));
    notifier.observeStore('quotas', new Error('ECONNREFUSED again'));
    advance(5000);
    notifier.observeStore('quotas', undefined);
    notifier.observeStore('quotas', undefined);
    expect(events).toEqual([
      { schema_version: SMS_EVENT_SCHEMA_VERSION, event_id: 'event-1', tenant_id: null, timestamp: '2026-01-01T00:00:00.000Z', type: 'sms.quota_degraded', data: { component: 'quotas', error: 'ECONNREFUSED' } },
      { schema_version: SMS_EVENT_SCHEMA_VERSION, event_id: 'event-2', tenant_id: null, timestamp: '2026-01-01T00:00:05.000Z', type: 'sms.quota_recovered', data: { component: 'quotas', degraded_ms: 5000 } },
    ]);
  });

  it('tracks quotas and pacing separately', () => {
    const events: QuotaEvent[] = [];
    const { notifier } = setup((event) => void events.push(event));
    notifier.observeStore('quotas', new Error('a'));
    notifier.observeStore('pacing', new Error('b'));
    notifier.observeStore('pacing', undefined);
    expect(events.map((event) => [event.type, (event.data as { component: string }).component])).toEqual([
      ['sms.quota_degraded', 'quotas'],
      ['sms.quota_degraded', 'pacing'],
      ['sms.quota_recovered', 'pacing'],
    ]);
  });

  it('sends warnings for a tenant only to a handler', () => {
    const data = { window: 'hourly' as const, limit: 10, used: 8, remaining: 2, threshold: 0.8, reset_at: null };
    const silent = setup();
    silent.notifier.warn('org-1', data);
    expect(silent.logger.warnings).toEqual([]);
    const events: QuotaEvent[] = [];
    const { notifier } = setup((event) => void events.push(event));
    notifier.warn('org-1', data);
    expect(events[0]).toMatchObject({ type: 'sms.quota_warning', tenant_id: 'org-1', data });
  });

  it('logs outages without a handler', () => {
    const { notifier, logger } = setup();
    notifier.observeStore('pacing', new Error('down'));
    expect(logger.warnings).toEqual([
      { fields: { code: 'TOOLS_CORE_QUOTA_DEGRADED', component: 'pacing' }, message: 'tools-core pacing limit store failed (down); the per-process insurance limiter decides until it answers again.' },
    ]);
  });

  it('reports a throwing or rejecting handler on the logger, never throwing', async () => {
    const throwing = setup(() => {
      throw new Error('handler broke');
    });
    expect(() => throwing.notifier.observeStore('quotas', new Error('x'))).not.toThrow();
    expect(throwing.logger.warnings[0]).toMatchObject({ fields: { code: 'TOOLS_CORE_EVENT_HANDLER', eventType: 'sms.quota_degraded' }, message: 'A sms.quota_degraded handler failed: handler broke' });
    const rejecting = setup(() => Promise.reject(new Error('async broke')));
    rejecting.notifier.observeStore('quotas', new Error('x'));
    await Promise.resolve();
    await Promise.resolve();
    expect(rejecting.logger.warnings[0]?.message).toBe('A sms.quota_degraded handler failed: async broke');
  });
});

describe('reportQuotaEvent', () => {
  it('logs recoveries with their duration and ignores warnings', () => {
    const logger = recordingLogger();
    const envelope = { schema_version: SMS_EVENT_SCHEMA_VERSION, event_id: 'e', tenant_id: null, timestamp: '' } as const;
    reportQuotaEvent({ ...envelope, type: 'sms.quota_recovered', data: { component: 'quotas', degraded_ms: 1234 } }, logger);
    reportQuotaEvent({ ...envelope, tenant_id: 'org', type: 'sms.quota_warning', data: { window: 'daily', limit: 1, used: 1, remaining: 0, threshold: 0.5, reset_at: null } }, logger);
    expect(logger.warnings).toEqual([
      { fields: { code: 'TOOLS_CORE_QUOTA_RECOVERED', component: 'quotas', degradedMs: 1234 }, message: 'tools-core quotas limit store answers again after 1234 ms.' },
    ]);
  });
});
