import { describe, expect, it } from 'vitest';
import { runPlatformRoundTrip } from '../../examples/platform-round-trip';

describe('examples/platform-round-trip.ts', () => {
  it('answers, replays the same key, dead-letters poison, refuses the expired request and delays the rate-limited one', async () => {
    const lines: string[] = [];
    await runPlatformRoundTrip((line) => lines.push(line));
    expect(lines).toEqual(
      expect.arrayContaining([
        'order shipped: sms.sent via twilio, 0.0075 USD',
        'same key again: sms.sent via twilio, 0.0075 USD',
        '  same message: true, provider calls: 1',
        '  dead-letter queue: INVALID_REQUEST',
        'no destination: sms.failed VALIDATION_ERROR/INVALID_REQUEST',
        'waited 2 min, ttl 60 s: sms.failed TIMEOUT/REQUEST_EXPIRED',
        'second message within a second: sms.sent via twilio, 0.0075 USD',
      ]),
    );
    expect(lines.find((line) => line.startsWith('  worker:'))).toMatch(/^ {2}worker: rate-limited, retry in \d+ ms$/);
    expect(lines.at(-1)).toBe('provider calls: 2');
    expect(lines).toHaveLength(9);
  });
});
