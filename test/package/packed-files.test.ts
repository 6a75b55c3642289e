import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What a host installs: `npm pack --dry-run` lists the docs the README and the error messages point at,
 * and the examples, so "see docs/…" opens in node_modules/@ocelot-platform/tools-core too.
 */
const root = join(import.meta.dirname, '..', '..');
const packed: string[] = (JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>)[0]?.files.map((file) => file.path) ?? [];

function sourceFiles(directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the packed package', () => {
  it('ships every docs page and every example', () => {
    const pages = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(packed, `docs/${page}`).toContain(`docs/${page}`);
    for (const example of readdirSync(join(root, 'examples'))) expect(packed, `examples/${example}`).toContain(`examples/${example}`);
    expect(packed).toContain('README.md');
    expect(packed).toContain('CHANGELOG.md');
  });

  it('ships every docs page the README links and the source names in messages and comments', () => {
    const cited = new Set<string>();
    const texts = [readFileSync(join(root, 'README.md'), 'utf8'), ...sourceFiles('src').map((file) => readFileSync(file, 'utf8'))];
    for (const text of texts) for (const match of text.matchAll(/\bdocs\/([a-z0-9-]+\.md)/g)) cited.add(`docs/${match[1]}`);
    expect(cited.size).toBeGreaterThan(10);
    for (const page of cited) {
      expect(existsSync(join(root, page)), `${page} exists`).toBe(true);
      expect(packed, page).toContain(page);
    }
  });

  it('ships no tests, benchmarks or sources', () => {
    expect(packed.filter((path) => /^(test|bench|src)\//.test(path))).toEqual([]);
  });
});
