// `netz hash <inputs…> --out-dir DIR`: each input pseudonymised for sharing (see
// src/privacy/pseudonyms.ts and docs/privacy.md): one `<name>.netz-hash.csv` per input, written
// whole or not at all; inputs are only read. The key never appears in any output or message.
import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Command } from 'commander';
import { readSources } from '../analyze.js';
import { EXIT, UsageError } from '../errors.js';
import { hashedCsv, loadKey } from '../privacy/pseudonyms.js';
import type { CliContext } from './context.js';
import { readOptionFile, writeAtomically } from './io.js';
import { addCommonOptions, prepareRun } from './options.js';
import { commandProgress, withProgress } from './progress.js';

const EXAMPLES = `
Examples:
  openssl rand -hex 32 > netz.key            a key, shared by the groups and nobody else
  netz hash stammtisch.csv --key-file netz.key --out-dir shared/
  NETZ_KEY=… netz hash exports/ --out-dir shared/
  netz overlap shared/                       the overlap on the hashed files only`;

/** The output file of an input: its name without extension, `.netz-hash.csv`. */
function outputName(path: string, taken: Set<string>): string {
  const stem = basename(path === '-' ? 'stdin' : path).replace(/\.(csv|tsv|txt|xlsx|xls)$/i, '');
  let name = `${stem}.netz-hash.csv`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.netz-hash.csv`;
  taken.add(name);
  return name;
}

export function hashCommand(ctx: CliContext, done: (code: number) => void): Command {
  const command = new Command('hash')
    .description(
      'Pseudonymise exports with a shared secret key, for computing overlap without sharing names',
    )
    .argument('<inputs...>', 'export files, folders or globs, or - for standard input')
    .requiredOption('--out-dir <dir>', 'where the hashed files go (created if missing)')
    .option('--key-file <file>', 'the secret key (at least 32 bytes; else NETZ_KEY)');
  addCommonOptions(command, ['csv']);
  command.addHelpText('after', EXAMPLES);
  command.action(async (inputs: string[], raw: Record<string, unknown>) => {
    let keyFile: Uint8Array | undefined;
    if (typeof raw.keyFile === 'string') {
      const shown = `--key-file ${raw.keyFile}`;
      keyFile = await readOptionFile(resolve(ctx.cwd, raw.keyFile), shown);
      if (keyFile === undefined) throw new UsageError(`${shown}: no such file; check the path`);
    }
    const key = loadKey(keyFile, ctx.env);
    const { options, sources, analyze } = await prepareRun(command, inputs, raw, ctx);
    if (options.output !== undefined)
      throw new UsageError('-o: netz hash writes one file per input; give --out-dir DIR');
    const outDir = resolve(ctx.cwd, String(raw.outDir));
    const results = await withProgress(commandProgress(ctx, options), (progress) =>
      readSources(sources, { ...analyze, progress }),
    );
    await mkdir(outDir, { recursive: true });
    const inputPaths = new Set(sources.map((s) => resolve(ctx.cwd, s.name)));
    const taken = new Set<string>();
    let skipped = 0;
    for (const result of results) {
      const target = join(outDir, outputName(result.summary.path, taken));
      if (inputPaths.has(target)) {
        throw new UsageError(`--out-dir: ${target} is one of the inputs; choose another folder`);
      }
      await writeAtomically(target, hashedCsv(result.records, key));
      skipped += result.skipped.length;
      if (!options.quiet)
        ctx.stderr(`netz: ${result.summary.path} → ${target} (${result.records.length} rows)\n`);
    }
    if (!options.quiet && skipped > 0)
      ctx.stderr(`netz: ${skipped} skipped row(s) not hashed; netz inspect lists them\n`);
    done(options.strict && skipped > 0 ? EXIT.strict : EXIT.ok);
  });
  return command;
}
