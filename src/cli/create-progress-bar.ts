import type { CliIo } from './cli-io';

/** Inputs below this size finish before a bar would help. */
const MINIMUM_ITEMS = 1_000;
const WIDTH = 30;

/**
 * A progress bar on standard error for `total` items, drawn only when standard error is a terminal and the
 * input is large; `tick()` after each item, `done()` at the end clears it. Standard output stays clean
 * for pipes.
 *
 * @example
 * const progress = createProgressBar(lines.length, io);
 * for (const line of lines) { work(line); progress.tick(); }
 * progress.done();
 */
export function createProgressBar(total: number, io: CliIo): { tick(): void; done(): void } {
  const write = io.writeError;
  if (write === undefined || io.stderrIsTTY !== true || total < MINIMUM_ITEMS) return { tick: () => undefined, done: () => undefined };
  let count = 0;
  let drawnPercent = -1;
  const draw = (): void => {
    const percent = Math.floor((count / total) * 100);
    if (percent === drawnPercent) return;
    drawnPercent = percent;
    const filled = Math.round((percent / 100) * WIDTH);
    write(`\r${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${String(percent).padStart(3)}% ${count}/${total}`);
  };
  draw();
  return {
    tick() {
      count += 1;
      draw();
    },
    done() {
      write(`\r${' '.repeat(WIDTH + 30)}\r`);
    },
  };
}
