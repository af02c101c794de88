// What a command may touch of the outside world, injected so the CLI runs in-process in tests.

export interface CliContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (progress is shown only there). */
  readonly stderrIsTTY?: boolean;
  /** The terminal's width in columns, when stdout is a terminal. */
  readonly columns?: number | undefined;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<Uint8Array>;
  /** Asks the person at the terminal; present only when stdin and stdout are terminals. */
  readonly ask?: ((question: string) => Promise<string>) | undefined;
}
