import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import { createMeteredEventPublisher } from '../../src/observability/create-metered-event-publisher';
import { SMSService } from '../../src/service/sms-service';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import { signWebhookRequest } from '../../src/testing/sign-webhook-request';
import { createWebhookHandler } from '../../src/webhooks/create-webhook-handler';

const providers: MeterProvider[] = [];
afterEach(async () => {
  for (const provider of providers.splice(0)) await provider.shutdown();
});

function metered() {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ readers: [reader] });
  providers.push(provider);
  const inner = createInMemoryEventPublisher();
  const events = createMeteredEventPublisher({ publisher: inner, meter: provider.getMeter('sms') });
  /** Every data point of every metric, as [metric, attributes, value]. */
  const points = async () => {
    await reader.forceFlush();
    const collected: ResourceMetrics[] = exporter.getMetrics();
    const last = collected.at(-1);
    return (last?.scopeMetrics ?? []).flatMap((scope) =>
      scope.metrics.flatMap((metric) => metric.dataPoints.map((point) => [metric.descriptor.name, point.attributes, typeof point.value === 'number' ? point.value : (point.value as { count: number; sum: number })] as const)),
    );
  };
  return { events, inner, points };
}

describe('createMeteredEventPublisher', () => {
  it("records the host's metrics from what a service publishes, with bounded labels only, and passes every event on", async () => {
    const { events, inner, points } = metered();
    const seen: string[] = [];
    inner.subscribe('*', (event) => void seen.push(event.type));
    const sms = new SMSService({
      providers: [createFakeProvider({ id: 'twilio', outcomes: [{ type: 'rate-limit', retryAfterMs: 1 }, 'accept', { type: 'reject', providerCode: '21211', reason: 'INVALID_PHONE_NUMBER', code: 'VALIDATION_ERROR' }] })],
      events,
      retry: { attempts: 2, initialDelayMs: 1, maxDelayMs: 1 },
    });
    await sms.send({ to: '+14155552671', body: 'Hello', tenantId: 'org-1' });
    await sms.send({ to: '+14155552672', body: '😀'.repeat(71), tenantId: 'org-2' }).catch(() => undefined);
    expect(seen).toEqual(['sms.retrying', 'sms.sent', 'sms.failed']);
    const recorded = await points();
    expect(recorded.filter(([name]) => name === 'sms_messages_sent')).toEqual([
      ['sms_messages_sent', { status: 'success', error_code: '', provider: 'twilio' }, 1],
      ['sms_messages_sent', { status: 'failed', error_code: 'VALIDATION_ERROR', provider: 'twilio' }, 1],
    ]);
    expect(recorded.find(([name]) => name === 'sms_send_retries')).toEqual(['sms_send_retries', { provider: 'twilio', error_code: 'RATE_LIMITED' }, 1]);
    expect(recorded.find(([name]) => name === 'sms_cost_micros')).toEqual(['sms_cost_micros', { provider: 'twilio', currency: 'USD' }, 7_500]);
    expect(recorded.find(([name]) => name === 'sms_message_segments')?.[2]).toMatchObject({ count: 1, sum: 1 });
    // No tenant, number or id in any label.
    expect(JSON.stringify(recorded.map(([, attributes]) => attributes))).not.toMatch(/org-|\+1415|[0-9a-f]{8}-/);
  });

  it('counts delivery statuses and inbound segments from the webhook handler', async () => {
    const { events, points } = metered();
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], events });
    const sent = await sms.send({ to: '+14155552671', body: 'Hi' });
    const handler = createWebhookHandler({ service: sms, providers: { twilio: { authToken: 'token' } } });
    const status = signWebhookRequest({ provider: 'twilio', url: 'https://hooks.example.com/sms', body: new URLSearchParams({ MessageSid: sent.providerMessageId, MessageStatus: 'delivered', To: '+14155552671', From: '+14155550100' }).toString(), secret: 'token' });
    expect((await handler(status.request)).status).toBe(200);
    const inbound = signWebhookRequest({ provider: 'twilio', url: 'https://hooks.example.com/sms', body: new URLSearchParams({ MessageSid: 'SM0000000000000000000000000000000a', From: '+14155552671', To: '+14155550100', Body: 'Thanks, see you', NumMedia: '0' }).toString(), secret: 'token' });
    expect((await handler(inbound.request)).status).toBeLessThan(300);
    const recorded = await points();
    expect(recorded.find(([name]) => name === 'sms_delivery_status')).toEqual(['sms_delivery_status', { status: 'delivered', provider: 'twilio' }, 1]);
    expect(recorded.filter(([name]) => name === 'sms_message_segments').map(([, attributes]) => attributes)).toEqual([{ direction: 'outbound' }, { direction: 'inbound' }]);
  });
});
