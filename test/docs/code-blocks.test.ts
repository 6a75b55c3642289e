import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * Runs every ```ts block of README.md and docs/*.md (blocks tagged ```ts ignore are skipped), so the
 * documentation cannot rot. A line `console.log(value); // expected` also checks what it prints:
 * whitespace is ignored and `...` or `…` in the expectation matches anything. Every such line must
 * run: a block may finish after its import (an `async function main()` called without top-level
 * await, the form that also works in a CommonJS host), so the test waits for all of them.
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

/** The block with each checked log rewritten to `__check(line, expected, ...values)`, and the lines checked. */
function instrument(code: string, firstLine: number): { source: string; checkedLines: number[] } {
  const checkedLines: number[] = [];
  const body = code
    .split('\n')
    .map((line, index) => {
      const match = checkedLog.exec(line);
      if (match === null) return line;
      checkedLines.push(firstLine + index + 1);
      return `${match[1]}__check(${firstLine + index + 1}, ${JSON.stringify(match[3])}, ${match[2]});`;
    })
    .join('\n');
  const source = `const __check = (globalThis as unknown as { __docsCheck: (line: number, expected: string, ...values: unknown[]) => void }).__docsCheck;\n${body}\nexport {};\n`;
  return { source, checkedLines };
}

/** Resolves once `done()` holds, or after `timeoutMs`. */
async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
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
    const { source, checkedLines } = instrument(block.code, block.line);
    writeFileSync(file, source);
    const mismatches: string[] = [];
    const ran = new Set<number>();
    (globalThis as Record<string, unknown>).__docsCheck = (line: number, expected: string, ...values: unknown[]) => {
      ran.add(line);
      const actual = format(...values);
      if (!matches(expected, actual)) mismatches.push(`line ${line}: expected ${expected}\n   got ${actual}`);
    };
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(file);
      await waitUntil(() => checkedLines.every((line) => ran.has(line)), 10_000);
    } finally {
      log.mockRestore();
    }
    expect(mismatches).toEqual([]);
    expect(checkedLines.filter((line) => !ran.has(line)).map((line) => `line ${line} never printed`)).toEqual([]);
  });
});

describe('the documentation checker', () => {
  it('matches with wildcards and whitespace folded, and rejects a wrong value', () => {
    expect(matches('{ currency: "USD", ... }', '{ currency: "USD", amount: "1" }')).toBe(true);
    expect(matches('telnyx [ "not_sent", "sent" ]', 'telnyx ["not_sent","sent"]')).toBe(true);
    expect(matches('0.0040', '0.0075')).toBe(false);
    expect(matches('3', '30')).toBe(false);
  });

  it('knows which lines it checks, so a log that never runs fails the block', () => {
    const { source, checkedLines } = instrument("async function main() {\n  console.log(1); // 1\n}\nvoid main();", 20);
    expect(checkedLines).toEqual([22]);
    expect(source).toContain('__check(22, "1", 1);');
  });
});
