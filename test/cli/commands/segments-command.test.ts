import { describe, expect, it } from 'vitest';
import { runCommand } from '../support/run-command';

describe('tools-core segments', () => {
  it('counts an argument, joined by spaces', async () => {
    const { code, lines } = await runCommand(['segments', 'Hello', 'world']);
    expect(code).toBe(0);
    expect(lines).toEqual(['encoding   GSM-7', 'segments   1', 'characters 11 (160 per segment, 149 left in the last one)']);
  });

  it('reads standard input, dropping one trailing newline, and names the characters that force UCS-2', async () => {
    const { code, lines } = await runCommand(['segments', '--json'], { stdin: 'Olá 😀\n' });
    expect(code).toBe(0);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ encoding: 'UCS-2', segments: 1, units: 6, unitsPerSegment: 70, remainingInLastSegment: 64, nonGsmCharacters: ['á', '😀'] });
    expect((await runCommand(['segments'], { stdin: '😀' })).lines[0]).toBe('encoding   UCS-2 (because of 😀)');
  });

  it('counts a long body in segments of 153', async () => {
    const { lines } = await runCommand(['segments', '--json', 'a'.repeat(161)]);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ segments: 2, unitsPerSegment: 153 });
  });

  it('exits 2 with no text or an unknown flag, naming the fix', async () => {
    const empty = await runCommand(['segments']);
    expect(empty.code).toBe(2);
    expect(JSON.parse(empty.lines[0] ?? '').message).toMatch(/No text: pass it as an argument or on standard input/);
    const unknown = await runCommand(['segments', '--jsn', 'x']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.lines[0] ?? '').message).toMatch(/Unknown option '--jsn'.*Run tools-core segments --help\./);
  });

  it('prints its help', async () => {
    const { code, lines } = await runCommand(['segments', '--help']);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^Usage: tools-core segments/);
  });
});
