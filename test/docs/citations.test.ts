import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCitations, githubSlug, headingAnchors, type CitationRepository } from './check-citations.js';

/**
 * Comments and docs cite only what a reader of the repository can open: docs/ pages (with anchors that
 * exist) or public sources. Notes outside the repository (a `§` of an unpublished reference) are refused.
 */
const root = join(import.meta.dirname, '..', '..');
const scanned = ['src', 'test', 'bench', 'examples', 'docs'];
// The checker's own sources hold bad citations on purpose, as test input.
const checkerFiles = new Set(['test/docs/check-citations.ts', 'test/docs/citations.test.ts']);

function filesUnder(folder: string): string[] {
  const absolute = join(root, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path);
    return /\.(ts|mts|cts|js|mjs|md)$/.test(name) ? [path] : [];
  });
}

const anchorCache = new Map<string, Set<string>>();
const repository: CitationRepository = {
  fileExists: (path) => existsSync(join(root, path)) && statSync(join(root, path)).isFile(),
  anchorsOf: (path) => {
    let anchors = anchorCache.get(path);
    if (!anchors) {
      anchors = headingAnchors(readFileSync(join(root, path), 'utf8'));
      anchorCache.set(path, anchors);
    }
    return anchors;
  },
};

/** A small repository for the checker's own tests. */
function fakeRepository(files: Record<string, string>): CitationRepository {
  return {
    fileExists: (path) => path in files,
    anchorsOf: (path) => headingAnchors(files[path] ?? ''),
  };
}

describe('githubSlug and headingAnchors', () => {
  it('follow GitHub: lowercase, punctuation dropped except hyphens, each space a hyphen', () => {
    expect(githubSlug('Answers to the create request (HTTP 4xx: not sent)')).toBe('answers-to-the-create-request-http-4xx-not-sent');
    expect(githubSlug('`sms.sent` / `sms.failed` (worker → host)')).toBe('smssent--smsfailed-worker--host');
    expect(githubSlug('GSM 03.38 character sets')).toBe('gsm-0338-character-sets');
    expect(githubSlug('Limits: what no library can promise')).toBe('limits-what-no-library-can-promise');
  });

  it('skip fenced code and number repeated headings', () => {
    const anchors = headingAnchors(['# Title', '## Errors', '```sh', '# not a heading', '```', '## Errors', '### [Linked](x.md) part'].join('\n'));
    expect([...anchors]).toEqual(['title', 'errors', 'errors-1', 'linked-part']);
  });
});

describe('checkCitations', () => {
  const files = { 'docs/reliability.md': '# Reliability\n\n## Idempotency\n', 'docs/quotas.md': '# Quotas\n\n## Sources\n' };
  const fake = fakeRepository(files);

  it('refuses a markdown file that is not in the repository and a § of an unnamed document', () => {
    const report = checkCitations('src/a.ts', ' * claimed first (reliability.md §2.3 rule 1), see also providers.md.', fake);
    expect(report.problems.map((problem) => problem.citation)).toEqual(['reliability.md', 'providers.md', 'claimed first (reliability.md §2.3 rul']);
    expect(report.problems[0]?.problem).toMatch(/not in the repository/);
    expect(report.problems[2]?.problem).toMatch(/without naming a public document/);
    expect(report.problems.every((problem) => problem.line === 1 && problem.file === 'src/a.ts')).toBe(true);
  });

  it('refuses an anchor that is not a heading of the cited page', () => {
    const report = checkCitations('src/a.ts', '// see docs/reliability.md#idempotency and docs/reliability.md#retries', fake);
    expect(report.checked).toBe(2);
    expect(report.problems).toEqual([{ file: 'src/a.ts', line: 1, citation: 'docs/reliability.md#retries', problem: 'docs/reliability.md has no heading for #retries' }]);
  });

  it('resolves links of a docs page from its own folder and checks same-page anchors', () => {
    const page = 'See [quotas.md](quotas.md#sources), [the claim](#idempotency) and [nothing](#nowhere).';
    const report = checkCitations('docs/reliability.md', page, fake);
    expect(report.problems.map((problem) => problem.citation)).toEqual(['#nowhere']);
  });

  it('accepts sections of public documents, URLs and the § character itself', () => {
    const text = [
      '// RFC 9110 §10.2.3; 3GPP TS 23.038 §6.2.1, §6.2.1.1; 3GPP TS 23.038 §6.2.1 and §6.2.1.1; ECMA-262 §24.1.5.2',
      '// https://www.twilio.com/docs/api/errors/57012.md',
      "const GSM = 'ÄÖÑÜ§¿';",
    ].join('\n');
    expect(checkCitations('src/a.ts', text, fake)).toEqual({ checked: 6, problems: [] });
  });
});

describe('citations in the repository', () => {
  const documents = ['README.md', ...scanned.flatMap(filesUnder)].filter((file) => !checkerFiles.has(file));

  it('scans every source, test, benchmark, example and docs page', () => {
    expect(documents).toContain('src/index.ts');
    expect(documents).toContain('docs/reliability.md');
    expect(documents).toContain('bench/segments.ts');
    expect(documents.some((file) => file.includes('node_modules'))).toBe(false);
  });

  it('cite only files that exist, headings that exist and public documents', () => {
    let checked = 0;
    const problems = documents.flatMap((file) => {
      const report = checkCitations(file, readFileSync(join(root, file), 'utf8'), repository);
      checked += report.checked;
      return report.problems.map((problem) => `${problem.file}:${problem.line} ${problem.citation}: ${problem.problem}`);
    });
    expect(problems).toEqual([]);
    // The comments cite docs/ anchors well over a hundred times: a scan that finds none is broken.
    expect(checked).toBeGreaterThan(150);
  });
});
