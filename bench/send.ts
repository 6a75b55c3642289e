/**
 * `send()` throughput through the full standalone pipeline (validation, E.164, segments, cost, store,
 * events) with a fake provider, beside the bare fake provider call measured in the same run.
 * Target: at least 20 000 sends/s on one core.
 */
import { pathToFileURL } from 'node:url';
import { SMSService, validatePhoneNumber } from '../src/index';
import { createFakeProvider } from '../src/testing/index';
import { formatNumber, measure } from './measure';

const bodies = [
  'Your verification code is 482913. It expires in 10 minutes.',
  'Votre commande est prête 🎉 Passez la prendre à 18h.',
  'Reminder: your appointment is tomorrow at 09:30 [room 4]. '.repeat(3),
];

export async function runSendBenchmark(): Promise<void> {
  const provider = createFakeProvider({ id: 'twilio' });
  const sms = new SMSService({ providers: [provider] });
  let index = 0;
  const request = () => ({ to: '+14155552671', body: bodies[index++ % bodies.length] as string, tenantId: 'org-1' });
  const analysed = { messageId: 'm', to: '+14155552671', body: bodies[0] as string, mediaUrls: [], encoding: 'GSM-7' as const, segments: 1 };

  // The fake keeps every call for assertions; forget them between batches so memory stays flat.
  const bare = await measure('fake provider send (bare)', () => {
    if (provider.calls.length > 10_000) provider.reset();
    return provider.send(analysed);
  });
  const full = await measure('SMSService.send (full pipeline)', () => {
    if (provider.calls.length > 10_000) provider.reset();
    return sms.send(request());
  });

  const phoneUs = await measure('validatePhoneNumber (US number)', () => validatePhoneNumber('+14155552671'), 500);
  const phoneGb = await measure('validatePhoneNumber (GB mobile)', () => validatePhoneNumber('+447400123456'), 500);

  console.log('\nsend() throughput, one core, fake provider (target: >= 20,000 sends/s)');
  console.table(
    [bare, full].map((result) => ({
      task: result.name,
      'ops/s': formatNumber(result.operationsPerSecond),
      'µs/op': formatNumber(result.microsecondsPerOperation, 2),
      'vs bare provider': `${formatNumber(result.operationsPerSecond / bare.operationsPerSecond, 3)}x`,
    })),
  );
  console.log('\nE.164 validation on the send path (libphonenumber-js/max), share of one full send');
  console.table(
    [phoneUs, phoneGb].map((result) => ({
      task: result.name,
      'ops/s': formatNumber(result.operationsPerSecond),
      'µs/op': formatNumber(result.microsecondsPerOperation, 2),
      'share of a full send': `${formatNumber((result.microsecondsPerOperation / full.microsecondsPerOperation) * 100, 0)}%`,
    })),
  );
  const verdict = full.operationsPerSecond >= 20_000 ? 'meets' : 'MISSES';
  console.log(`full pipeline ${verdict} the 20,000 sends/s target (${formatNumber(full.operationsPerSecond)} sends/s)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runSendBenchmark();
}
