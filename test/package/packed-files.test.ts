import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * README links and error messages say "see docs/…": those pages must be in the installed package,
 * not only in the repository. `npm pack --dry-run --json` lists what `npm publish` would ship
 * (without building: `dist` is checked by built-package.test.ts).
 */
const root = join(import.meta.dirname, '..', '..');
const docsPage = /docs\/[a-z0-9-]+\.md/g;

function packedFiles(): Set<string> {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  const [pack] = JSON.parse(output) as [{ files: { path: string }[] }];
  return new Set(pack.files.map((file) => file.path));
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every `docs/<page>.md` a file mentions, with where. */
function pagesMentionedIn(files: string[]): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(docsPage)) {
      if (!pages.has(match[0])) pages.set(match[0], relative(root, file));
    }
  }
  return pages;
}

const packed = packedFiles();
const fromReadme = pagesMentionedIn([join(root, 'README.md')]);
const fromSource = pagesMentionedIn(sourceFiles(join(root, 'src')));

describe('the packed package', () => {
  it('mentions docs pages at all (the scan finds them)', () => {
    expect(fromReadme.size).toBeGreaterThan(5);
    expect(fromSource.size).toBeGreaterThan(5);
  });

  it.each([...new Map([...fromReadme, ...fromSource])])('ships %s (mentioned in %s), which exists', (page) => {
    expect(existsSync(join(root, page))).toBe(true);
    expect(packed.has(page)).toBe(true);
  });

  it('ships every docs page and every example', () => {
    const pages = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
    const examples = readdirSync(join(root, 'examples')).map((name) => `examples/${name}`);
    expect(examples.length).toBeGreaterThan(0);
    expect([...pages, ...examples].filter((file) => !packed.has(file))).toEqual([]);
  });

  it('ships no tests, sources or benchmarks', () => {
    expect([...packed].filter((file) => /^(test|src|bench)\//.test(file))).toEqual([]);
  });
});
