/**
 * Cost of importing the built root entry (dist/), measured in fresh Node processes beside a bare Node
 * start and the two runtime dependencies it loads (zod, libphonenumber-js/max). Needs `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatNumber } from './measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = 15;

function importProbe(specifier: string | undefined): string {
  const load = specifier === undefined ? '' : `await import(${JSON.stringify(specifier)});`;
  return `const start = performance.now(); ${load} const ms = performance.now() - start; globalThis.gc?.(); console.log(JSON.stringify({ ms, heap: process.memoryUsage().heapUsed }));`;
}

function sample(specifier: string | undefined): { ms: number; heapMb: number } {
  const results = Array.from({ length: runs }, () => {
    const output = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', importProbe(specifier)], { cwd: root, encoding: 'utf8' });
    return JSON.parse(output) as { ms: number; heap: number };
  });
  const median = (values: number[]) => values.sort((left, right) => left - right)[Math.floor(values.length / 2)] as number;
  return { ms: median(results.map((result) => result.ms)), heapMb: median(results.map((result) => result.heap)) / 1024 / 1024 };
}

export async function runImportCostBenchmark(): Promise<void> {
  const entry = pathToFileURL(`${root}dist/index.js`).href;
  if (!existsSync(fileURLToPath(entry))) throw new Error('dist/index.js is missing: run `npm run build` first.');
  const rows = [
    { module: 'node (nothing imported)', ...sample(undefined) },
    { module: 'zod', ...sample('zod') },
    { module: 'libphonenumber-js/max', ...sample('libphonenumber-js/max') },
    { module: '@ocelot-platform/tools-core (dist)', ...sample(entry) },
  ];
  const ours = rows[3] as (typeof rows)[number];
  console.log(`\nImport cost of the root entry, median of ${runs} fresh processes`);
  console.table(
    rows.map((row) => ({
      module: row.module,
      'import ms': formatNumber(row.ms, 1),
      'heap MB after import': formatNumber(row.heapMb, 1),
      'ours / this': row.ms > 0.05 ? `${formatNumber(ours.ms / row.ms, 2)}x` : '-',
    })),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runImportCostBenchmark();
}
