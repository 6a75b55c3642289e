/** What a `tools-core` command may touch: the process, or a test's stand-ins. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Writes one line to standard output. */
  readonly write: (line: string) => void;
  /** Writes raw text to standard error (progress); ignored when absent. */
  readonly writeError?: (text: string) => void;
  /** Whether standard error is a terminal (a progress bar is drawn only then). */
  readonly stderrIsTTY?: boolean;
  /** Standard input, read to its end; undefined when it is a terminal (nothing piped). */
  readonly readStdin?: () => Promise<string | undefined>;
  /** Resolves with the signal's name when the process is asked to stop (SIGTERM, SIGINT). */
  readonly stopRequested: Promise<string>;
}
