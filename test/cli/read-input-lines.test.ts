import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io';
import { readInputLines } from '../../src/cli/read-input-lines';

const io = (readStdin?: () => Promise<string | undefined>): CliIo => ({ env: {}, write: () => undefined, stopRequested: new Promise(() => undefined), ...(readStdin === undefined ? {} : { readStdin }) });

describe('readInputLines', () => {
  it('prefers the positionals, never reading stdin', async () => {
    let read = false;
    expect(await readInputLines(['+14155552671', 'b'], io(() => ((read = true), Promise.resolve('x'))))).toEqual(['+14155552671', 'b']);
    expect(read).toBe(false);
  });

  it('splits stdin into trimmed lines, skipping blank ones, CRLF included', async () => {
    expect(await readInputLines([], io(() => Promise.resolve(' +14155552671 \r\n\r\n+14155550100\n  \n')))).toEqual(['+14155552671', '+14155550100']);
  });

  it('is undefined without positionals and stdin', async () => {
    expect(await readInputLines([], io())).toBeUndefined();
    expect(await readInputLines([], io(() => Promise.resolve(undefined)))).toBeUndefined();
  });
});
