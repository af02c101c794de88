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

/** An error as data, to cross from a worker thread. */
export interface PlainError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string | undefined;
  /** A NetzError's code and exit code; absent for an internal error. */
  readonly code?: string;
  readonly exitCode?: number;
  /** An InputError's file and line. */
  readonly path?: string;
  readonly line?: number | undefined;
}

export function plainError(error: unknown): PlainError {
  const e = error instanceof Error ? error : new Error(String(error));
  if (!(error instanceof NetzError)) return { name: e.name, message: e.message, stack: e.stack };
  const plain = {
    name: e.name,
    message: e.message,
    stack: e.stack,
    code: error.code,
    exitCode: error.exitCode,
  };
  return error instanceof InputError ? { ...plain, path: error.path, line: error.line } : plain;
}

/**
 * The error again, of its class where it is one of netz's (an InputError with its file and line,
 * a UsageError, a NetzError with its code and exit code), else an internal Error.
 */
export function revivedError(plain: PlainError): Error {
  let error: Error;
  if (plain.code === undefined) error = new Error(plain.message);
  else if (plain.name === 'InputError' && plain.path !== undefined)
    error = new InputError(plain.code, plain.path, plain.line, '');
  else if (plain.name === 'UsageError') error = new UsageError(plain.message);
  else error = new NetzError(plain.code, plain.message, plain.exitCode);
  error.name = plain.name;
  error.message = plain.message;
  if (plain.stack !== undefined) error.stack = plain.stack;
  return error;
}
