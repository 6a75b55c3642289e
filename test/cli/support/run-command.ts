import { runCli } from '../../../src/cli/run-cli';

/** Runs `tools-core <argv>` in process, with `stdin` as piped input (undefined: a terminal). */
export async function runCommand(argv: string[], options: { stdin?: string; env?: Record<string, string | undefined>; stderrIsTTY?: boolean } = {}) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCli(argv, {
    env: options.env ?? {},
    write: (line) => lines.push(line),
    writeError: (text) => errors.push(text),
    stderrIsTTY: options.stderrIsTTY ?? false,
    readStdin: async () => options.stdin,
    stopRequested: new Promise(() => undefined),
  });
  return { code, lines, errors };
}
