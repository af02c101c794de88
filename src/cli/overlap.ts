// `netz overlap <inputs…>`: the report. Parses options, runs the pipeline, renders, writes.
import { Command, Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { CSV_TABLES, type CsvTable } from '../render/csv.js';
import { GRAPH_SECTIONS, SECTIONS, type Section } from '../render/document.js';
import { LANGS, type Lang, langFromEnv } from '../render/i18n.js';
import type { CliContext } from './context.js';
import { addCommonOptions, prepareRun } from './options.js';
import { runCommand } from './pipeline-run.js';

const EXAMPLES = `
Examples:
  netz overlap exports/*.csv                 report on every export in a folder
  netz overlap exports -f md -o report.md    share the report as Markdown
  netz overlap exports --lang de -f md       the report in German
  netz overlap exports -f csv --table pairs  one table for a spreadsheet
  netz overlap exports --sections story,pairs,fish   only these parts
  netz overlap a.csv b.csv --min-groups 2    regulars are people in 2 or more groups
  netz overlap exports --have stammtisch     which group adds the most new people to mine
  netz overlap exports --population chao     p-values against the estimated pond, not the seen
  cat a.csv | netz overlap - b.csv           read one input from standard input`;

/** Builds the `overlap` command; `done` receives the exit code. */
export function overlapCommand(ctx: CliContext, done: (code: number) => void): Command {
  const command = new Command('overlap')
    .description('How much the groups overlap, and who is in every net')
    .argument(
      '<inputs...>',
      'export files, folders or globs (quoted globs are expanded by netz), or - for standard input',
    )
    .option('--min-groups <n>', 'a regular is in at least N groups', '3')
    .addOption(
      new Option('--population <source>', 'population N for expected overlaps and p-values')
        .choices(['observed', 'chao'])
        .default('observed'),
    )
    .option('--members', 'list the members of each intersection', false)
    .option('--have <groups>', 'groups you already attend (comma-separated), for reach')
    .option('--resolution <r>', 'Louvain resolution (higher: smaller communities)', '1')
    .option('--min-shared <n>', 'cliques: people who shared at least N events', '2')
    .option('--exact-betweenness', 'exact betweenness even above 5,000 people', false)
    .option('--top <n>', 'rows of long lists in text and Markdown (JSON is complete)', '10')
    .option(
      '--sections <list>',
      `parts of the text and Markdown report, comma-separated: ${SECTIONS.join(', ')}`,
    )
    .addOption(
      new Option(
        '--lang <lang>',
        'language of text and Markdown (default: from LANG, else en)',
      ).choices([...LANGS]),
    )
    .addOption(
      new Option('--table <table>', 'with -f csv: the table to write').choices([...CSV_TABLES]),
    )
    .option('--redact', 'names as initials and ids, for publishing', false)
    .option('--min-cell <k>', 'show counts of 1 to K-1 people as "<K" (text, md, csv)', '1');
  addCommonOptions(command, ['text', 'md', 'json', 'csv']);
  command.addHelpText('after', EXAMPLES);
  command.action(async (inputs: string[], raw: Record<string, unknown>) => {
    const {
      options,
      sources,
      ignored,
      analyze: settings,
    } = await prepareRun(command, inputs, raw, ctx, {
      minGroups: raw.minGroups,
    });
    const number = (flag: string, value: unknown, integer: boolean, min: number) => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < min || (integer && !Number.isSafeInteger(n))) {
        throw new UsageError(
          `--${flag} ${String(value)}: give ${integer ? 'a whole number' : 'a number'} of at least ${min}`,
        );
      }
      return n;
    };
    const have =
      typeof raw.have === 'string'
        ? raw.have
            .split(',')
            .map((g) => g.trim())
            .filter((g) => g !== '')
        : [];
    const sections = parseSections(raw.sections);
    const lang: Lang = raw.lang === 'de' || raw.lang === 'en' ? raw.lang : langFromEnv(ctx.env);
    const format = options.format ?? 'text';
    const table = raw.table as CsvTable | undefined;
    if (format === 'csv' && table === undefined) {
      throw new UsageError(`-f csv: name the table with --table ${CSV_TABLES.join('|')}`);
    }
    if (table !== undefined && format !== 'csv') {
      throw new UsageError('--table: give -f csv too (text, md and json hold every table)');
    }
    const top = number('top', raw.top, true, 1);
    const minCell = number('min-cell', raw.minCell, true, 1);
    if (minCell > 1 && format === 'json') {
      throw new UsageError(
        '--min-cell: JSON holds exact numbers for scripts; publish text, md or csv with --min-cell',
      );
    }
    const settingsOf = {
      ...settings,
      lang,
      redact: raw.redact === true,
      population: raw.population === 'chao' ? ('chao' as const) : ('observed' as const),
      members: raw.members === true,
      have,
      resolution: number('resolution', raw.resolution, false, Number.MIN_VALUE),
      minShared: number('min-shared', raw.minShared, true, 1),
      exactBetweenness: raw.exactBetweenness === true,
      // A text or Markdown report whose sections need no person projection is measured without
      // it (at 1M rows the projection, betweenness, Louvain and cliques are half the time).
      graphSections:
        sections === undefined ||
        (format !== 'text' && format !== 'md') ||
        sections.some((s) => GRAPH_SECTIONS.has(s)),
    };
    const color =
      options.color &&
      format === 'text' &&
      options.output === undefined &&
      ctx.stdoutIsTTY &&
      (ctx.env.NO_COLOR === undefined || ctx.env.NO_COLOR === '');
    const outcome = await runCommand(ctx, sources, options, {
      kind: 'overlap',
      settings: settingsOf,
      format,
      table,
      render: {
        color,
        top,
        sections,
        minCell,
        width: options.output === undefined ? ctx.columns : undefined,
      },
    });
    const problems: string[] = [];
    if (outcome.skipped > 0)
      problems.push(`${outcome.skipped} skipped row(s), listed in the report`);
    if (outcome.findings > 0) problems.push(`${outcome.findings} finding(s), listed in the report`);
    if (ignored.length > 0)
      problems.push(
        `${ignored.length} file(s) in the input folders not read, not an export format (${ignored.join(', ')})`,
      );
    if (outcome.reviewPairs > 0)
      problems.push(
        `${outcome.reviewPairs} identity pair(s) waiting for a decision in netz review`,
      );
    if (!options.quiet && problems.length > 0) {
      ctx.stderr(`netz: ${problems.join('; ')}\n`);
    }
    done(options.strict && problems.length > 0 ? EXIT.strict : EXIT.ok);
  });
  return command;
}

/** --sections a,b,c → the sections in the report's order; unknown names are a usage error. */
function parseSections(value: unknown): readonly Section[] | undefined {
  if (typeof value !== 'string') return undefined;
  const wanted = value
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const unknown = wanted.filter((x) => !(SECTIONS as readonly string[]).includes(x));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new UsageError(
      `--sections ${value}: choose from ${SECTIONS.join(', ')} (comma-separated)`,
    );
  }
  return SECTIONS.filter((x) => wanted.includes(x));
}
