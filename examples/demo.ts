/**
 * The main job on the embedded defaults: no server, no network, no credentials.
 * Sends a few messages through fake Twilio and Telnyx providers, shows encoding, segments and cost per
 * provider, shows a refused number with its error code, and prints every event published.
 *
 * Run: npm run demo
 */
import { pathToFileURL } from 'node:url';
import { createInMemoryEventPublisher, SMSService, SmsError, calculateSegments, estimateCost, type SmsEvent } from '@ocelot-platform/tools-core';
import { createFakeProvider } from '@ocelot-platform/tools-core/testing';

const samples = [
  { label: 'GSM-7', body: 'Your verification code is 482913. It expires in 10 minutes.' },
  { label: 'UCS-2 with emoji', body: 'Votre commande est prête 🎉 Passez la prendre à 18h.' },
  { label: 'multi-segment', body: 'Reminder: your appointment is tomorrow at 09:30 [room 4]. '.repeat(4).trim() },
];

export async function runDemo(write: (line: string) => void = console.log): Promise<void> {
  const events = createInMemoryEventPublisher();
  const published: SmsEvent[] = [];
  events.subscribe('*', (event) => void published.push(event));

  // Twilio first, Telnyx as failover: the fake Twilio is unreachable on its first call.
  const twilio = createFakeProvider({ id: 'twilio', outcomes: ['accept', 'accept', 'fail-before-send'] });
  const telnyx = createFakeProvider({ id: 'telnyx' });
  const sms = new SMSService({ providers: [twilio, telnyx], events });

  write('Segments and cost per provider');
  write(['message', 'encoding', 'units', 'segments', 'twilio USD', 'telnyx USD'].join(' | '));
  for (const sample of samples) {
    const analysis = calculateSegments(sample.body);
    write(
      [
        sample.label,
        analysis.encoding,
        analysis.units,
        analysis.segments,
        estimateCost(analysis.segments, { provider: 'twilio' }).amount,
        estimateCost(analysis.segments, { provider: 'telnyx' }).amount,
      ].join(' | '),
    );
  }

  write('');
  write('Sending');
  for (const [index, sample] of samples.entries()) {
    const result = await sms.send({ to: '+14155552671', body: sample.body, tenantId: 'org-demo', correlationId: `demo-${index + 1}` });
    const route = result.attempts.map((attempt) => `${attempt.provider}:${attempt.outcome}`).join(' -> ');
    write(`sent ${sample.label}: ${result.provider} ${result.providerMessageId}, ${result.segments} segment(s), ${result.cost?.amount} ${result.cost?.currency} [${route}]`);
  }

  try {
    await sms.send({ to: '+1 555 010 0199', body: 'This number does not exist', tenantId: 'org-demo', correlationId: 'demo-4' });
  } catch (error) {
    if (!SmsError.isInstance(error)) throw error;
    write(`refused: ${error.code}/${error.reason}: ${error.message}`);
  }

  write('');
  write(`Events published (${published.length})`);
  for (const event of published) {
    if (event.type === 'sms.sent' || event.type === 'sms.failed' || event.type === 'sms.retrying') {
      const data = event.data;
      write(`${event.type} ${event.status} correlation=${event.correlation_id} provider=${data.provider} cost=${data.cost} error=${data.error?.code ?? 'none'}`);
    } else {
      write(`${event.type} tenant=${event.tenant_id} ${JSON.stringify(event.data)}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runDemo();
}
