// `netz overlap <inputs…>`: the report. Parses options, runs the pipeline, renders, writes.
import { Command, Option } from 'commander';
import { analyze } from '../analyze.js';
import { EXIT, UsageError } from '../errors.js';
import { renderReport } from '../render/index.js';
import type { CliContext } from './context.js';
import { emit } from './io.js';
import { addCommonOptions, prepareRun } from './options.js';

const EXAMPLES = `
Examples:
  netz overlap exports/*.csv                 report on every export in a folder
  netz overlap exports -f md -o report.md    share the report as Markdown
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
    .option('--top <n>', 'rows of long lists in text and Markdown (JSON is complete)', '10');
  addCommonOptions(command);
  command.addHelpText('after', EXAMPLES);
  command.action(async (inputs: string[], raw: Record<string, unknown>) => {
    const {
      options,
      sources,
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
    const report = await analyze(sources, {
      ...settings,
      population: raw.population === 'chao' ? 'chao' : 'observed',
      members: raw.members === true,
      have,
      resolution: number('resolution', raw.resolution, false, Number.MIN_VALUE),
      minShared: number('min-shared', raw.minShared, true, 1),
      exactBetweenness: raw.exactBetweenness === true,
    });
    const top = number('top', raw.top, true, 1);
    if (options.format === 'csv') {
      throw new UsageError(
        '-f csv: the overlap report comes as text, md or json; netz people writes CSV',
      );
    }
    const format = options.format ?? 'text';
    const color =
      options.color &&
      format === 'text' &&
      options.output === undefined &&
      ctx.stdoutIsTTY &&
      (ctx.env.NO_COLOR === undefined || ctx.env.NO_COLOR === '');
    const text = renderReport(report, format, { color, top });
    await emit(ctx, options.output, text);
    const problems: string[] = [];
    if (report.skipped.length > 0) problems.push(`${report.skipped.length} skipped row(s)`);
    if (report.findings.length > 0) problems.push(`${report.findings.length} finding(s)`);
    if (!options.quiet && problems.length > 0) {
      ctx.stderr(`netz: ${problems.join(' and ')}; see the report's skipped rows and findings\n`);
    }
    done(options.strict && problems.length > 0 ? EXIT.strict : EXIT.ok);
  });
  return command;
}
