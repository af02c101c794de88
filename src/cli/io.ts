// The file-system adapter: turns command-line inputs (files, directories, globs that netz expands
// itself, `-`) into sources, and writes outputs whole or not at all (temporary file + rename).
import { type FileHandle, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError, UsageError } from '../errors.js';
import { MAX_INPUT_BYTES, tooLarge } from '../read/decode.js';
import type { Source, SourceSettings } from '../types.js';

/** File endings a directory input contributes. */
export const SUPPORTED = /\.(csv|tsv|txt|xlsx|xls)$/i;

export interface InputContext {
  readonly cwd: string;
  readonly readStdin: () => Promise<Uint8Array>;
  /** `--group`, for every input. */
  readonly group?: string | undefined;
  /** The config file's group and settings for a path. */
  readonly settingsFor?: (path: string) => {
    group?: string | undefined;
    settings?: SourceSettings | undefined;
  };
}

/**
 * What names a file input, as plain data: enough to read it in another thread
 * (pipeline-run.ts) as in this one.
 */
export interface FileSourceSpec {
  /** The path as given. */
  readonly name: string;
  /** The working directory the path is relative to. */
  readonly cwd: string;
  readonly group?: string | undefined;
  readonly settings?: SourceSettings | undefined;
}

/** A file input as a source: read whole when opened, an unreadable file an InputError. */
export function fileSource(spec: FileSourceSpec): Source {
  const full = resolve(spec.cwd, spec.name);
  return {
    name: spec.name,
    group: spec.group,
    settings: spec.settings,
    dir: basename(dirname(full)),
    open: async () => {
      try {
        return await readInput(full, spec.name);
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(
          'unreadable',
          spec.name,
          undefined,
          `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`,
        );
      }
    },
  };
}

/**
 * Reads a file input whole: a regular file after a look at its size, anything else (a pipe, a
 * device such as /dev/zero) as a stream of at most MAX_INPUT_BYTES, so that no input can fill
 * the memory before it is refused.
 */
function readInput(full: string, name: string): Promise<Uint8Array> {
  return readBounded(full, MAX_INPUT_BYTES, () => tooLarge(name));
}

/**
 * A file whole, at most `limit` bytes, else the error `refuse` makes: a regular file is refused
 * by its size before it is read, anything else once its stream passes the limit.
 */
async function readBounded(full: string, limit: number, refuse: () => Error): Promise<Uint8Array> {
  const file = await open(full, 'r');
  try {
    const info = await file.stat();
    if (!info.isFile())
      return await collectAtMost(file.createReadStream({ autoClose: false }), limit, refuse);
    if (info.size > limit) throw refuse();
    return new Uint8Array(await file.readFile());
  } finally {
    await file.close();
  }
}

/** The bytes of a stream (standard input, a pipe), refused with `refuse()` once they pass `limit`. */
export async function collectAtMost(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
  refuse: () => Error,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > limit) throw refuse();
    parts.push(chunk);
  }
  return new Uint8Array(Buffer.concat(parts, total));
}

/** A file an option names, as UTF-8 text without a BOM (see readOptionFile); undefined when missing. */
export async function readOptionText(full: string, shown: string): Promise<string | undefined> {
  const bytes = await readOptionFile(full, shown);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

/** The most bytes of a file an option names (config, links, key): far more than any needs. */
export const OPTION_FILE_BYTES = 64 * 1024 * 1024;

/**
 * A file an option names (`--config`, `--links`, `--key-file`, the decisions `netz review`
 * appends to), whole; undefined when it does not exist. Anything else that keeps it from being
 * read, a folder or more than OPTION_FILE_BYTES (`--key-file /dev/zero`) among them, is a
 * UsageError that starts with `shown`.
 */
export async function readOptionFile(full: string, shown: string): Promise<Uint8Array | undefined> {
  try {
    return await readBounded(
      full,
      OPTION_FILE_BYTES,
      () =>
        new UsageError(
          `${shown}: the file has more than ${OPTION_FILE_BYTES / 1024 / 1024} MiB; check that it is the right file`,
        ),
    );
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new UsageError(
      code === 'EISDIR'
        ? `${shown}: this is a folder; name the file`
        : `${shown}: cannot be read (${code ?? 'error'}); check its permissions`,
    );
  }
}

async function kindOf(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

/** The inputs' total size in bytes, as far as the file system tells (standard input: 0). */
export async function inputBytes(sources: readonly Source[], cwd: string): Promise<number> {
  const sizes = await Promise.all(
    sources.map((s) =>
      s.name === '-'
        ? 0
        : stat(resolve(cwd, s.name)).then(
            (info) => info.size,
            () => 0,
          ),
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** Expands every argument into sources; the order does not matter (analysis sorts them). */
export interface Inputs {
  readonly sources: Source[];
  /** Files in the named folders that netz does not read (not an export format), hidden ones aside. */
  readonly ignored: string[];
}

export async function expandInputs(args: readonly string[], ctx: InputContext): Promise<Inputs> {
  if (args.length === 0)
    throw new UsageError(
      'no inputs given; name export files, a folder or a glob (netz overlap exports/*.csv)',
    );
  const seen = new Set<string>();
  const sources: Source[] = [];
  const ignored: string[] = [];
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const configured = ctx.settingsFor?.(path) ?? {};
    sources.push(
      fileSource({
        name: path,
        cwd: ctx.cwd,
        group: ctx.group ?? configured.group,
        settings: configured.settings,
      }),
    );
  };
  for (const arg of args) {
    if (arg === '-') {
      if (seen.has('-')) continue;
      seen.add('-');
      let cached: Promise<Uint8Array> | undefined;
      sources.push({
        name: '-',
        group: ctx.group,
        dir: undefined,
        open: () => {
          cached ??= ctx.readStdin();
          return cached;
        },
      });
      continue;
    }
    const kind = await kindOf(resolve(ctx.cwd, arg));
    if (kind === 'file') {
      add(arg);
    } else if (kind === 'dir') {
      const files = (await readdir(resolve(ctx.cwd, arg), { withFileTypes: true }))
        .filter((e) => e.isFile() && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort();
      const entries = files.filter((name) => SUPPORTED.test(name));
      for (const name of files) if (!SUPPORTED.test(name)) ignored.push(join(arg, name));
      if (entries.length === 0) {
        throw new InputError(
          'empty-folder',
          arg,
          undefined,
          'the folder holds no .csv, .tsv, .txt or .xlsx files; name the files directly',
        );
      }
      for (const name of entries) add(join(arg, name));
    } else if (isDynamicPattern(arg)) {
      const matches = (
        await glob([arg], {
          cwd: ctx.cwd,
          onlyFiles: true,
          absolute: isAbsolute(arg),
          expandDirectories: false,
        })
      ).sort();
      if (matches.length === 0) {
        throw new InputError(
          'no-match',
          arg,
          undefined,
          'the pattern matches no file; check the pattern and the working directory',
        );
      }
      for (const m of matches) add(m);
    } else {
      throw new InputError(
        'missing-file',
        arg,
        undefined,
        'no such file or folder; check the path',
      );
    }
  }
  return { sources, ignored };
}

/** Characters written at a time (writeInPieces). */
const WRITE_PIECE = 1 << 20;

/**
 * Writes the text in pieces of about a million characters, so that no buffer of the whole text
 * is made (a 42 MB report: 90–140 ms instead of 170–260 ms, and that much less memory outside the
 * heap, which V8 counts as pressure to collect garbage). A piece never ends between the two
 * halves of a surrogate pair, which would be written as two replacement characters.
 */
export async function writeInPieces(
  file: FileHandle,
  text: string,
  piece = WRITE_PIECE,
): Promise<void> {
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + piece);
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
    if (to === from) to = from + 2;
    await file.writeFile(text.slice(from, to));
    from = to;
  }
}

/** Writes `content` to `path` atomically: a temporary file beside it, then a rename. */
export async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const file = await open(temporary, 'wx');
    try {
      await writeInPieces(file, content);
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new UsageError(
      `${path}: cannot write the output (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the folder exists and is writable`,
    );
  }
}

/** Writes a command's output: to the file named by -o (atomically), else to standard output. */
export async function emit(
  ctx: { readonly cwd: string; readonly stdout: (text: string) => void },
  output: string | undefined,
  text: string,
): Promise<void> {
  if (output !== undefined) await writeAtomically(resolve(ctx.cwd, output), text);
  else ctx.stdout(text);
}
