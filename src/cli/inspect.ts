// `netz inspect <inputs…>`: how each input was read (encoding, delimiter, profile, column roles,
// rows and their accounting, findings), as text or `netz/inspect@1` JSON.
import { Command } from 'commander';
import { readAndResolve } from '../analyze.js';
import { EXIT } from '../errors.js';
import { renderInspectJson, renderInspectText } from '../render/inspect.js';
import type { InspectReport } from '../report/schema.js';
import type { CliContext } from './context.js';
import { emit } from './io.js';
import { addCommonOptions, prepareRun } from './options.js';
import { commandProgress, withProgress } from './progress.js';

const EXAMPLES = `
Examples:
  netz inspect exports/                      how every export in a folder is read
  netz inspect list.csv --map name=Teilnehmer  check a column mapping
  netz inspect exports -f json               the same as netz/inspect@1 JSON`;

/** Builds the `inspect` command; `done` receives the exit code. */
export function inspectCommand(ctx: CliContext, done: (code: number) => void): Command {
  const command = new Command('inspect')
    .description('How each input is read: encoding, delimiter, profile, columns, rows')
    .argument('<inputs...>', 'export files, folders or globs, or - for standard input');
  addCommonOptions(command, ['text', 'json']);
  command.addHelpText('after', EXAMPLES);
  command.action(async (inputs: string[], raw: Record<string, unknown>) => {
    const { options, sources, analyze } = await prepareRun(command, inputs, raw, ctx);
    const analysis = await withProgress(commandProgress(ctx, options), (progress) =>
      readAndResolve(sources, { ...analyze, progress }),
    );
    const report: InspectReport = {
      schema: 'netz/inspect@1',
      inputs: analysis.inputs.map((input) => ({
        path: input.path,
        group: input.group,
        profile: input.profile,
        encoding: input.encoding,
        delimiter: input.delimiter,
        header: [...input.header],
        columns: Object.fromEntries(
          Object.entries(input.columns).map(([k, v]) => [k, [...(v ?? [])]]),
        ),
        rows: input.rows,
        records: input.records,
        merged: input.merged,
        skipped: input.skipped,
        blank: input.blank,
        findings: [
          ...analysis.skipped.filter((s) => s.path === input.path),
          ...analysis.findings.filter((f) => f.path === input.path && f.line !== undefined),
        ]
          .map((f) => ({ line: f.line as number, code: f.code }))
          .sort((a, b) => a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
      })),
    };
    const json =
      options.format === 'json' ||
      (options.format === undefined && options.output?.endsWith('.json'));
    const text = json ? renderInspectJson(report) : renderInspectText(report);
    await emit(ctx, options.output, text);
    const problems = report.inputs.some((i) => i.skipped > 0 || i.findings.length > 0);
    done(options.strict && problems ? EXIT.strict : EXIT.ok);
  });
  return command;
}
