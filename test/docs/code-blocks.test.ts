import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * Runs every ```ts block of README.md and docs/*.md (blocks tagged ```ts ignore are skipped), so the
 * documentation cannot rot. A line `console.log(value); // expected` also checks what it prints:
 * whitespace is ignored and `...` or `…` in the expectation matches anything.
 */
const root = join(import.meta.dirname, '..', '..');
const snippetDirectory = join(root, 'test', '.snippets');
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

interface Block {
  document: string;
  index: number;
  line: number;
  code: string;
}

function blocksOf(document: string): Block[] {
  const lines = readFileSync(join(root, document), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (lines[index]?.trim() !== '```ts') continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== '```') end += 1;
    blocks.push({ document, index: blocks.length, line: start, code: lines.slice(start, end).join('\n') });
    index = end;
  }
  return blocks;
}

const checkedLog = /^(\s*)console\.log\((.*)\);\s*\/\/\s*(.+)$/;

function instrument(code: string): string {
  const body = code
    .split('\n')
    .map((line) => {
      const match = checkedLog.exec(line);
      return match === null ? line : `${match[1]}__check(${JSON.stringify(match[3])}, ${match[2]});`;
    })
    .join('\n');
  return `const __check = (globalThis as unknown as { __docsCheck: (expected: string, ...values: unknown[]) => void }).__docsCheck;\n${body}\nexport {};\n`;
}

function matches(expected: string, actual: string): boolean {
  const squash = (text: string) => text.replace(/\s+/g, '');
  const parts = squash(expected).split(/\.\.\.|…/);
  const text = squash(actual);
  let position = 0;
  for (const [index, part] of parts.entries()) {
    if (part === '') continue;
    const found = index === 0 ? (text.startsWith(part) ? 0 : -1) : text.indexOf(part, position);
    if (found === -1) return false;
    position = found + part.length;
  }
  return parts.at(-1) === '' || position === text.length;
}

afterAll(() => rmSync(snippetDirectory, { recursive: true, force: true }));

const documentsWithCode = documents.filter((document) => blocksOf(document).length > 0);

describe.each(documentsWithCode)('code blocks of %s', (document) => {
  it.each(blocksOf(document).map((block) => [`the block at line ${block.line}`, block] as const))('%s runs and prints what it says', async (_name, block) => {
    mkdirSync(snippetDirectory, { recursive: true });
    const file = join(snippetDirectory, `${block.document.replace(/[/.]/g, '-')}-${block.index}.ts`);
    writeFileSync(file, instrument(block.code));
    const mismatches: string[] = [];
    (globalThis as Record<string, unknown>).__docsCheck = (expected: string, ...values: unknown[]) => {
      const actual = format(...values);
      if (!matches(expected, actual)) mismatches.push(`expected ${expected}\n   got ${actual}`);
    };
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(file);
    } finally {
      log.mockRestore();
    }
    expect(mismatches).toEqual([]);
  });
});

describe('the documentation checker', () => {
  it('matches with wildcards and whitespace folded, and rejects a wrong value', () => {
    expect(matches('{ currency: "USD", ... }', '{ currency: "USD", amount: "1" }')).toBe(true);
    expect(matches('telnyx [ "not_sent", "sent" ]', 'telnyx ["not_sent","sent"]')).toBe(true);
    expect(matches('0.0040', '0.0075')).toBe(false);
    expect(matches('3', '30')).toBe(false);
  });
});
