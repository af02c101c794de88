// The options every command shares, defined once: attached to a commander command with
// `addCommonOptions` and validated by one zod schema before any I/O.
import { dirname, join, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import * as z from 'zod/mini';
import type { AnalyzeOptions } from '../analyze.js';
import { UsageError } from '../errors.js';
import { FORMATS, type Format } from '../render/index.js';
import { LINKS_FILE } from '../resolve/links.js';
import { type ColumnRole, ROLES, type Source } from '../types.js';
import { loadConfig } from './config.js';
import type { CliContext } from './context.js';
import { expandInputs, readOptionText } from './io.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Attaches the input and output options shared by the reading commands. */
export function addCommonOptions(command: Command, formats: readonly string[] = FORMATS): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices([...formats]))
    .option(
      '-o, --output <file>',
      'write to FILE (whole or not at all); the format follows .md, .json or .txt',
    )
    .option('--group <name>', 'treat every input as this group')
    .addOption(
      new Option('--group-from <source>', 'take each group from the file name or its folder')
        .choices(['name', 'dir'])
        .default('name'),
    )
    .option(
      '--map <role=header>',
      `read column HEADER as ROLE (${ROLES.join(', ')}); repeatable`,
      collect,
    )
    .addOption(
      new Option(
        '--encoding <encoding>',
        'decode inputs with this encoding instead of detecting it',
      ).choices(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']),
    )
    .option('--delimiter <char>', 'field delimiter instead of detecting it (use "\\t" for TAB)')
    .option('--sheet <name>', 'the .xlsx sheet to read (name or number from 1; default: the first)')
    .option('--links <file>', 'decisions file (default: netz.links.csv beside the config or here)')
    .option(
      '--config <file>',
      `config file (default: ${'netz.config.json'} in the working directory)`,
    )
    .addOption(
      new Option(
        '--match <mode>',
        'identity: fuzzy (scored evidence) or exact (deterministic keys)',
      )
        .choices(['fuzzy', 'exact'])
        .default('fuzzy'),
    )
    .option('--attended-only', 'count only people marked as attended', false)
    .option('--exclude-hosts', 'leave hosts and panelists out', false)
    .option('--seed <n>', 'seed for every random choice', '42')
    .option('--no-color', 'no colour in text output (NO_COLOR is honoured too)')
    .option('--quiet', 'no notes on stderr', false)
    .option('--strict', 'exit 1 when rows were skipped or findings need a look', false)
    .option('--debug', 'show stack traces for internal errors', false);
}

const text = () => z.string().check(z.minLength(1));

// zod/mini (see config.ts, which also sets its English messages).
const CommonSchema = z.object({
  format: z.optional(z.enum([...FORMATS, 'csv'])),
  output: z.optional(text()),
  group: z.optional(text()),
  groupFrom: z.enum(['name', 'dir']),
  map: z.optional(z.array(z.string())),
  encoding: z.optional(z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'])),
  delimiter: z.optional(z.string()),
  sheet: z.optional(text()),
  config: z.optional(text()),
  links: z.optional(text()),
  match: z.enum(['fuzzy', 'exact']),
  attendedOnly: z.boolean(),
  excludeHosts: z.boolean(),
  seed: z.string(),
  color: z.boolean(),
  quiet: z.boolean(),
  strict: z.boolean(),
  debug: z.boolean(),
});

export interface CommonOptions {
  readonly format: Format | 'csv' | undefined;
  readonly output: string | undefined;
  readonly group: string | undefined;
  readonly groupFrom: 'name' | 'dir';
  readonly map: Partial<Record<ColumnRole, string>>;
  readonly encoding: z.infer<typeof CommonSchema>['encoding'];
  readonly delimiter: string | undefined;
  readonly sheet: string | undefined;
  readonly config: string | undefined;
  readonly links: string | undefined;
  readonly match: 'fuzzy' | 'exact';
  readonly attendedOnly: boolean;
  readonly excludeHosts: boolean;
  readonly seed: number;
  readonly color: boolean;
  readonly quiet: boolean;
  readonly strict: boolean;
  readonly debug: boolean;
}

const EXTENSION_FORMAT: Readonly<Record<string, Format | 'csv'>> = {
  csv: 'csv',
  md: 'md',
  markdown: 'md',
  json: 'json',
  txt: 'text',
};

function parseDelimiter(value: string): string {
  const named: Record<string, string> = {
    '\\t': '\t',
    tab: '\t',
    TAB: '\t',
    comma: ',',
    semicolon: ';',
    pipe: '|',
  };
  const d = named[value] ?? value;
  if ([...d].length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new UsageError(
      `--delimiter ${JSON.stringify(value)}: give one character, such as ";" or "\\t"`,
    );
  }
  return d;
}

/** Validates the raw commander options into typed common options. */
export function parseCommonOptions(raw: unknown): CommonOptions {
  const parsed = CommonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}; see --help`,
    );
  }
  const o = parsed.data;
  const seed = Number(o.seed);
  if (!Number.isSafeInteger(seed))
    throw new UsageError(`--seed ${o.seed}: give a whole number, such as 42`);
  const map: Partial<Record<ColumnRole, string>> = {};
  for (const entry of o.map ?? []) {
    const at = entry.indexOf('=');
    const role = entry.slice(0, at) as ColumnRole;
    if (at < 1 || !ROLES.includes(role) || entry.slice(at + 1).trim() === '') {
      throw new UsageError(
        `--map ${entry}: write ROLE=HEADER with ROLE one of ${ROLES.join(', ')}`,
      );
    }
    map[role] = entry.slice(at + 1);
  }
  let format = o.format;
  if (format === undefined && o.output !== undefined) {
    const ext = o.output.split('.').pop()?.toLowerCase() ?? '';
    format = EXTENSION_FORMAT[ext];
  }
  return {
    format,
    output: o.output,
    group: o.group,
    groupFrom: o.groupFrom,
    map,
    encoding: o.encoding,
    delimiter: o.delimiter === undefined ? undefined : parseDelimiter(o.delimiter),
    sheet: o.sheet,
    config: o.config,
    links: o.links,
    match: o.match,
    attendedOnly: o.attendedOnly,
    excludeHosts: o.excludeHosts,
    seed,
    color: o.color,
    quiet: o.quiet,
    strict: o.strict,
    debug: o.debug,
  };
}

/** A command's options with the config file applied (flags given on the command line win). */
export interface PreparedRun {
  readonly options: CommonOptions;
  readonly sources: Source[];
  /** Files in input folders that netz did not read. */
  readonly ignored: string[];
  readonly analyze: AnalyzeOptions;
}

/** Parses options, loads the config, expands the inputs: everything a reading command needs. */
export async function prepareRun(
  command: Command,
  inputs: readonly string[],
  raw: Record<string, unknown>,
  ctx: CliContext,
  extra: { minGroups?: unknown } = {},
): Promise<PreparedRun> {
  const options = parseCommonOptions(raw);
  const loaded = await loadConfig(ctx.cwd, options.config);
  const config = loaded.config;
  const fromCli = (name: string) => command.getOptionValueSource(name) === 'cli';
  let minGroups = config.minGroups ?? 3;
  if (extra.minGroups !== undefined && (fromCli('minGroups') || config.minGroups === undefined)) {
    minGroups = Number(extra.minGroups);
    if (!Number.isSafeInteger(minGroups) || minGroups < 1) {
      throw new UsageError(
        `--min-groups ${String(extra.minGroups)}: give a whole number of at least 1, such as 3`,
      );
    }
  }
  const { sources, ignored } = await expandInputs(inputs, {
    cwd: ctx.cwd,
    readStdin: ctx.readStdin,
    group: options.group,
    settingsFor: loaded.settingsFor,
  });
  if (options.output !== undefined) {
    const target = resolve(ctx.cwd, options.output);
    if (sources.some((s) => s.name !== '-' && resolve(ctx.cwd, s.name) === target)) {
      throw new UsageError(
        `-o ${options.output}: that is one of the inputs; write the report elsewhere`,
      );
    }
  }
  const analyze: AnalyzeOptions = {
    match: options.match,
    minGroups,
    attendedOnly: fromCli('attendedOnly')
      ? options.attendedOnly
      : (config.attendedOnly ?? options.attendedOnly),
    excludeHosts: fromCli('excludeHosts')
      ? options.excludeHosts
      : (config.excludeHosts ?? options.excludeHosts),
    seed: fromCli('seed') ? options.seed : (config.seed ?? options.seed),
    groupFrom: fromCli('groupFrom') ? options.groupFrom : (config.groupFrom ?? options.groupFrom),
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: options.sheet,
    map: Object.keys(options.map).length > 0 ? options.map : undefined,
    links: await loadLinks(ctx.cwd, options.links, loaded.path),
  };
  return { options, sources, ignored, analyze };
}

/** The links file: --links FILE, else netz.links.csv beside the config, else in the working directory. */
async function loadLinks(
  cwd: string,
  explicit: string | undefined,
  configPath: string | undefined,
): Promise<{ path: string; text: string } | undefined> {
  const candidates =
    explicit !== undefined
      ? [explicit]
      : [...(configPath ? [join(dirname(configPath), LINKS_FILE)] : []), LINKS_FILE];
  for (const candidate of candidates) {
    const shown = explicit !== undefined ? `--links ${explicit}` : candidate;
    const text = await readOptionText(resolve(cwd, candidate), shown);
    if (text !== undefined) return { path: candidate, text };
    if (explicit !== undefined) throw new UsageError(`${shown}: no such file; check the path`);
  }
  return undefined;
}
