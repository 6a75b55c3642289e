import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * Importing the root entry must not load any provider SDK or server client (issue: "keep import cost
 * small"). esbuild resolves the same graph Node would; walking only its static edges (import
 * statements and require calls, not `import()`) gives every file that loads with the entry. SDKs and
 * clients may appear behind `import()` only: they load on first use.
 */
const optionalPeers = ['twilio', 'telnyx', 'ioredis', 'redis', 'amqplib', 'pg'];

async function graphOf(entry: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    external: optionalPeers,
  });
  return result.metafile;
}

/** Files and external packages reached from `entry` through static edges only. */
function staticallyLoaded(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    for (const edge of metafile.inputs[file]?.imports ?? []) {
      if (edge.kind === 'dynamic-import' || seen.has(edge.path)) continue;
      seen.add(edge.path);
      if (!edge.external) queue.push(edge.path);
    }
  }
  return seen;
}

function dynamicallyLoaded(metafile: Metafile): Set<string> {
  return new Set(Object.values(metafile.inputs).flatMap((input) => input.imports.filter((edge) => edge.kind === 'dynamic-import').map((edge) => edge.path)));
}

describe('import graph', () => {
  it('the root entry loads no provider SDK or server client; those wait behind import()', async () => {
    const metafile = await graphOf('src/index.ts');
    const loaded = staticallyLoaded(metafile, 'src/index.ts');
    expect(loaded.size).toBeGreaterThan(10);
    expect([...loaded].filter((path) => optionalPeers.includes(path) || /node_modules\/(axios|nock)\//.test(path))).toEqual([]);
    expect([...loaded].some((path) => path.includes('node_modules/libphonenumber-js/'))).toBe(true);
    // The adapters reachable from the root (SMSService.fromEnv) load their SDKs lazily.
    expect([...dynamicallyLoaded(metafile)]).toEqual(expect.arrayContaining(['twilio', 'telnyx']));
  });

  it('the testing entry loads no provider SDK and no test framework', async () => {
    const metafile = await graphOf('src/testing/index.ts');
    const loaded = [...staticallyLoaded(metafile, 'src/testing/index.ts')];
    expect(loaded.filter((path) => optionalPeers.includes(path) || /node_modules\/(vitest|jest)\//.test(path))).toEqual([]);
  });

  it('the twilio and telnyx entries import their SDK only behind import()', async () => {
    for (const [entry, sdk] of [
      ['src/providers/twilio/index.ts', 'twilio'],
      ['src/providers/telnyx/index.ts', 'telnyx'],
    ] as const) {
      const metafile = await graphOf(entry);
      expect(staticallyLoaded(metafile, entry).has(sdk)).toBe(false);
      expect(dynamicallyLoaded(metafile).has(sdk)).toBe(true);
    }
  });
});
