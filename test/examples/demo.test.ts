import { describe, expect, it } from 'vitest';
import { runDemo } from '../../examples/demo';

describe('examples/demo.ts (npm run demo)', () => {
  it('sends the three samples, fails over once, refuses the bad number and prints the events', async () => {
    const lines: string[] = [];
    await runDemo((line) => lines.push(line));
    const output = lines.join('\n');
    expect(output).toContain('GSM-7 | GSM-7 | 59 | 1 | 0.0075 | 0.0040');
    expect(output).toMatch(/UCS-2 with emoji \| UCS-2 \| \d+ \| 1 \|/);
    expect(output).toMatch(/multi-segment \| GSM-7 \| \d+ \| 2 \| 0\.0150 \| 0\.0080/);
    expect(output).toContain('[twilio:not_sent -> telnyx:sent]');
    expect(output).toMatch(/refused: VALIDATION_ERROR\/INVALID_NUMBER: to: /);
    expect(output).toContain('Events published (4)');
    expect(lines.filter((line) => line.startsWith('sms.sent success'))).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('sms.failed failed'))).toHaveLength(1);
  });
});
