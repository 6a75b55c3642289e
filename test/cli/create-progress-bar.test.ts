import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io';
import { createProgressBar } from '../../src/cli/create-progress-bar';

function io(stderrIsTTY: boolean) {
  const written: string[] = [];
  const value: CliIo = { env: {}, write: () => undefined, writeError: (text) => written.push(text), stderrIsTTY, stopRequested: new Promise(() => undefined) };
  return { value, written };
}

describe('createProgressBar', () => {
  it('draws nothing when stderr is not a terminal or the input is small', () => {
    const pipe = io(false);
    const bar = createProgressBar(5000, pipe.value);
    bar.tick();
    bar.done();
    expect(pipe.written).toEqual([]);
    const small = io(true);
    createProgressBar(999, small.value).tick();
    expect(small.written).toEqual([]);
  });

  it('redraws only when the percentage changes, and clears at the end', () => {
    const terminal = io(true);
    const bar = createProgressBar(1000, terminal.value);
    for (let item = 0; item < 20; item += 1) bar.tick();
    expect(terminal.written).toEqual([`\r${'░'.repeat(30)}   0% 0/1000`, `\r${'░'.repeat(30)}   1% 10/1000`, `\r█${'░'.repeat(29)}   2% 20/1000`]);
    for (let item = 20; item < 1000; item += 1) bar.tick();
    expect(terminal.written.at(-1)).toBe(`\r${'█'.repeat(30)} 100% 1000/1000`);
    expect(terminal.written).toHaveLength(101);
    bar.done();
    expect(terminal.written.at(-1)).toBe(`\r${' '.repeat(60)}\r`);
  });
});
