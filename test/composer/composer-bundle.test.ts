// The composer in a browser bundle: esbuild for the browser platform (which refuses Node built-ins), minified,
// then gzipped, within the budgets of docs/composer.md.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = new URL('../../src/composer/index.ts', import.meta.url).pathname;

async function bundle(contents: string): Promise<{ gzipBytes: number; code: string }> {
  const result = await build({
    stdin: { contents, resolveDir: new URL('.', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { gzipBytes: gzipSync(code, { level: 9 }).length, code };
}

describe('the composer bundle', () => {
  it('is at most 12 kB min+gzip without phone formatting', async () => {
    const { gzipBytes, code } = await bundle(`import { summarizeComposition } from ${JSON.stringify(entry)}; export const summary = summarizeComposition('Hi');`);
    expect(gzipBytes).toBeLessThanOrEqual(12 * 1024);
    // Tree-shaken: no phone metadata without the phone field.
    expect(code).not.toContain('AsYouType');
  });

  it('is at most 60 kB min+gzip with phone formatting', async () => {
    const { gzipBytes } = await bundle(`import { formatPhoneAsYouType, summarizeComposition } from ${JSON.stringify(entry)}; export const all = [summarizeComposition('Hi'), formatPhoneAsYouType('+1415')];`);
    expect(gzipBytes).toBeLessThanOrEqual(60 * 1024);
  });

  it('uses no Node built-ins or globals', async () => {
    const { code } = await bundle(`export * from ${JSON.stringify(entry)};`);
    expect(code).not.toMatch(/\bnode:|\bprocess\.|\bBuffer\b|require\(/);
  });
});
