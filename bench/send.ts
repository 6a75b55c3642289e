/**
 * `send()` throughput through the full standalone pipeline (validation, E.164, segments, cost, store,
 * events) with a fake provider, beside the bare fake provider call measured in the same run.
 * Target: at least 20 000 sends/s on one core. Also a long-running process's case, message and
 * idempotency stores full so every send evicts, against the same sends on fresh stores.
 */
import { pathToFileURL } from 'node:url';
import { calculateSegments, createInMemoryIdempotencyStore, createInMemoryMessageStore, SMSService, validatePhoneNumber } from '../src';
import { createFakeProvider } from '../src/testing';
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

  // Stores full: every send evicts the oldest message record and idempotency record.
  const keyed = (label: string) => {
    let sequence = 0;
    return () => ({ ...request(), idempotencyKey: `${label}-${(sequence += 1)}` });
  };
  const storesFor = (messages: number, records: number) => ({ store: createInMemoryMessageStore({ maxMessages: messages }), idempotency: { store: createInMemoryIdempotencyStore({ maxRecords: records }) } });
  // Room for everything the measurement sends: these never evict.
  const fresh = new SMSService({ providers: [provider], ...storesFor(1_000_000, 1_000_000) });
  const filled = new SMSService({ providers: [provider], ...storesFor(10_000, 50_000) });
  const fill = keyed('fill');
  for (let sent = 0; sent < 55_000; sent += 1) {
    if (provider.calls.length > 10_000) provider.reset();
    await filled.send(fill());
  }
  const freshRequest = keyed('fresh');
  const fullRequest = keyed('full');
  const onFresh = await measure('send with a key, stores with room', () => {
    if (provider.calls.length > 10_000) provider.reset();
    return fresh.send(freshRequest());
  });
  const onFull = await measure('send with a key, stores full (each send evicts)', () => {
    if (provider.calls.length > 10_000) provider.reset();
    return filled.send(fullRequest());
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
  console.log('\nA long-running process: 10,000 message records and 50,000 idempotency records held, the oldest evicted by every send');
  console.table(
    [onFresh, onFull].map((result) => ({
      task: result.name,
      'ops/s': formatNumber(result.operationsPerSecond),
      'µs/op': formatNumber(result.microsecondsPerOperation, 2),
      'vs stores with room': `${formatNumber(result.operationsPerSecond / onFresh.operationsPerSecond, 2)}x`,
    })),
  );
  await reportOversizedBodies(sms);
  const verdict = full.operationsPerSecond >= 20_000 ? 'meets' : 'MISSES';
  console.log(`full pipeline ${verdict} the 20,000 sends/s target (${formatNumber(full.operationsPerSecond)} sends/s)`);
}

/**
 * A 100 MB body is refused by its length before any scan (target: under 5 ms). Beside it, what the
 * previous path spent before refusing it: counting the whole body's segments.
 */
async function reportOversizedBodies(sms: SMSService): Promise<void> {
  const megabytes = 100;
  const cases = [
    ['GSM-7 text', 'a'.repeat(megabytes * 1024 * 1024)],
    ['emoji (UCS-2)', '😀'.repeat((megabytes * 1024 * 1024) / 2)],
  ] as const;
  const rows = [];
  for (const [name, body] of cases) {
    const refusals: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      const reason = await sms.send({ to: '+14155552671', body }).then(
        () => 'sent',
        (error: { reason?: string }) => error.reason,
      );
      refusals.push(performance.now() - start);
      if (reason !== 'BODY_TOO_LONG') throw new Error(`a ${megabytes} MB body was not refused as too long: ${String(reason)}`);
    }
    const start = performance.now();
    calculateSegments(body);
    const scan = performance.now() - start;
    const median = refusals.sort((a, b) => a - b)[2] ?? Number.NaN;
    rows.push({
      body: `${megabytes} MB of ${name}`,
      'refused in (median of 5, ms)': formatNumber(median, 3),
      'counting its segments (ms)': formatNumber(scan, 1),
      'vs counting': `${formatNumber(scan / median, 0)}x faster`,
      'under 5 ms': median < 5 ? 'yes' : 'NO',
    });
  }
  console.log(`\nOversized bodies: refused by length before any scan (target: under 5 ms)`);
  console.table(rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runSendBenchmark();
}
