import { describe, expect, it } from 'vitest';
import { runCommand } from '../support/run-command';

describe('tools-core validate', () => {
  it('prints one verdict per argument and exits 1 when any is invalid', async () => {
    const { code, lines } = await runCommand(['validate', '+14155552671', '555-0100']);
    expect(code).toBe(1);
    expect(lines[0]).toBe('valid    +14155552671 → +14155552671 (US, FIXED_LINE_OR_MOBILE)');
    expect(lines[1]).toMatch(/^invalid {2}555-0100: Phone number .* Fix: /);
  });

  it('reads one number per line from standard input, skipping blank lines; exit 0 when all are valid', async () => {
    const { code, lines } = await runCommand(['validate', '--json'], { stdin: '+447911123456\n\n+14155552671\n' });
    expect(code).toBe(0);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ input: '+447911123456', valid: true, e164: '+447911123456' }),
      expect.objectContaining({ input: '+14155552671', valid: true, country: 'US' }),
    ]);
  });

  it('reads national numbers with --country, and refuses a malformed country (exit 2)', async () => {
    expect((await runCommand(['validate', '--country', 'GB', '07911 123456'])).lines[0]).toMatch(/→ \+447911123456/);
    const bad = await runCommand(['validate', '--country', 'uk', '07911 123456']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.lines[0] ?? '').message).toMatch(/--country: "uk" is not an ISO 3166-1 alpha-2 code\. Fix: /);
  });

  it('draws a progress bar on a terminal for a large input, never on standard output', async () => {
    const numbers = Array.from({ length: 1_500 }, (_, index) => `+1415555${String(index % 10_000).padStart(4, '0')}`).join('\n');
    const onTerminal = await runCommand(['validate'], { stdin: numbers, stderrIsTTY: true });
    expect(onTerminal.lines).toHaveLength(1_500);
    expect(onTerminal.errors.join('')).toMatch(/100% 1500\/1500/);
    const piped = await runCommand(['validate'], { stdin: numbers, stderrIsTTY: false });
    expect(piped.errors).toEqual([]);
  });

  it('exits 2 without numbers', async () => {
    expect((await runCommand(['validate'])).code).toBe(2);
  });
});
