// Errors that stop a run. Each carries a stable code and the exit code the CLI maps it to;
// the message is one line that names the file, the line and the fix, never a personal cell.

/** Exit codes, as documented in the README and DESIGN.md. */
export const EXIT = Object.freeze({ ok: 0, strict: 1, usage: 2 });

/** Base class: a failure the user can fix, with a code tests can check. */
export class NetzError extends Error {
  readonly code: string;
  readonly exitCode: number;
  constructor(code: string, message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.name = 'NetzError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** An input that cannot be used at all: missing, empty, not a table, no identity column. */
export class InputError extends NetzError {
  readonly path: string;
  readonly line: number | undefined;
  constructor(code: string, path: string, line: number | undefined, message: string) {
    super(code, `${path}${line === undefined ? '' : `:${line}`}: ${message}`);
    this.name = 'InputError';
    this.path = path;
    this.line = line;
  }
}

/** A wrong flag, option value or argument. */
export class UsageError extends NetzError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}
