import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import buildConfig from '../../tsup.config.js';

/**
 * One public subpath, one build entry: package.json "exports", its "typesVersions" (what TypeScript's
 * node10 resolution reads) and the tsup entries must name the same subpaths, and every vendor folder with
 * an index.ts is one of them (src/providers/plivo/index.ts → ./plivo).
 */
const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  typesVersions: Record<string, Record<string, string[]>>;
};
const config = (Array.isArray(buildConfig) ? buildConfig[0] : buildConfig) as { entry: Record<string, string> };

const exported = Object.keys(manifest.exports)
  .filter((key) => key !== '.' && key !== './package.json')
  .map((key) => key.slice(2))
  .sort();
const built = Object.keys(config.entry)
  .filter((name) => name.endsWith('/index'))
  .map((name) => name.slice(0, -'/index'.length))
  .sort();
const vendorFolders = readdirSync(join(root, 'src', 'providers'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit' && existsSync(join(root, 'src', 'providers', entry.name, 'index.ts')))
  .map((entry) => entry.name);

describe('public subpaths', () => {
  it('package.json exports every tsup entry and nothing else', () => {
    expect(exported).toEqual(built);
  });

  it('typesVersions names every exported subpath, pointing at its declarations', () => {
    const typesVersions = manifest.typesVersions['*'] ?? {};
    expect(Object.keys(typesVersions).sort()).toEqual(exported);
    for (const subpath of exported) expect(typesVersions[subpath], subpath).toEqual([`./dist/${subpath}/index.d.ts`]);
  });

  it('each exported subpath points at its own dist folder for import and require', () => {
    for (const subpath of exported) {
      expect(manifest.exports[`./${subpath}`], subpath).toEqual({
        import: { types: `./dist/${subpath}/index.d.ts`, default: `./dist/${subpath}/index.js` },
        require: { types: `./dist/${subpath}/index.d.cts`, default: `./dist/${subpath}/index.cjs` },
      });
    }
  });

  it('every vendor folder with an index.ts is a public subpath', () => {
    expect(vendorFolders.length).toBeGreaterThanOrEqual(2);
    for (const vendor of vendorFolders) expect(exported, vendor).toContain(vendor);
  });
});
