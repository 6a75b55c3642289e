/**
 * A plain timing loop: runs `task` repeatedly for at least `minimumMs` after a warm-up and reports
 * operations per second. Awaiting only when the task returns a promise keeps sync tasks cheap.
 */
export interface Measurement {
  readonly name: string;
  readonly operations: number;
  readonly elapsedMs: number;
  readonly operationsPerSecond: number;
  readonly microsecondsPerOperation: number;
}

export async function measure(name: string, task: () => unknown, minimumMs = 1000): Promise<Measurement> {
  const warmUpEnd = performance.now() + minimumMs / 4;
  while (performance.now() < warmUpEnd) await runBatch(task, 100);
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minimumMs) {
    await runBatch(task, 100);
    operations += 100;
    elapsed = performance.now() - start;
  }
  return {
    name,
    operations,
    elapsedMs: elapsed,
    operationsPerSecond: (operations / elapsed) * 1000,
    microsecondsPerOperation: (elapsed * 1000) / operations,
  };
}

async function runBatch(task: () => unknown, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const result = task();
    if (result instanceof Promise) await result;
  }
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
