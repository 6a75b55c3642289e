import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING } from '../../../src/providers/default-pricing';
import { runCommand } from '../support/run-command';

describe('tools-core cost', () => {
  it('prices a body at every provider with a list price', async () => {
    const { code, lines } = await runCommand(['cost', 'Hello']);
    expect(code).toBe(0);
    expect(lines[0]).toBe('1 segment (GSM-7)');
    expect(lines.slice(1)).toEqual(Object.entries(DEFAULT_PRICING).map(([provider, price]) => `${provider.padEnd(10)} ${price?.perSegment} ${price?.currency}`));
  });

  it('prices every segment, at one provider, as JSON', async () => {
    const { lines } = await runCommand(['cost', '--provider', 'twilio', '--json'], { stdin: `${'a'.repeat(161)}\n` });
    expect(JSON.parse(lines[0] ?? '')).toEqual({ encoding: 'GSM-7', segments: 2, prices: [{ provider: 'twilio', amount: '0.0150', currency: 'USD' }] });
  });

  it('refuses a provider without a price, naming it (exit 2)', async () => {
    const { code, lines } = await runCommand(['cost', '--provider', 'acme', 'Hi']);
    expect(code).toBe(2);
    expect(JSON.parse(lines[0] ?? '').message).toMatch(/acme/);
  });
});
