// The executable itself (src/cli/tools-core.ts): arguments, piped standard input, exit codes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = fileURLToPath(new URL('../../src/cli/tools-core.ts', import.meta.url));

function toolsCore(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the tools-core executable', () => {
  it('reads piped standard input and exits with the command code', () => {
    const segments = toolsCore(['segments', '--json'], 'Hello\n');
    expect(segments.code).toBe(0);
    expect(JSON.parse(segments.stdout)).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 5 });
    const validate = toolsCore(['validate'], '+14155552671\nnot a number\n');
    expect(validate.code).toBe(1);
    expect(validate.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(toolsCore(['bogus']).code).toBe(2);
  });
});
