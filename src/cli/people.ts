// `netz people <inputs…>`: the resolved people, each with the records it is made of (file and
// line); `--explain NAME` shows which evidence merged which records with which weight.
import { Command } from 'commander';
import { readAndResolve } from '../analyze.js';
import { EXIT } from '../errors.js';
import { renderAs } from '../render/json.js';
import {
  type Explanation,
  renderPeopleCsv,
  renderPeopleMarkdown,
  renderPeopleText,
} from '../render/people.js';
import type { PeopleReport } from '../report/schema.js';
import { nameKey } from '../resolve/normalize.js';
import type { SourceRecord } from '../types.js';
import type { CliContext } from './context.js';
import { emit } from './io.js';
import { addCommonOptions, prepareRun } from './options.js';

const EXAMPLES = `
Examples:
  netz people exports/                       who is who, with every record
  netz people exports/ --explain "Köhler"    why these records are one person
  netz people exports/ -f csv -o people.csv  for a spreadsheet`;

export function peopleCommand(ctx: CliContext, done: (code: number) => void): Command {
  const command = new Command('people')
    .description('The resolved people, each with the records it is made of')
    .argument('<inputs...>', 'export files, folders or globs, or - for standard input')
    .option(
      '--explain <name>',
      'only people whose name contains NAME, with the evidence that merged them',
    );
  addCommonOptions(command, ['text', 'md', 'csv', 'json']);
  command.addHelpText('after', EXAMPLES);
  command.action(async (inputs: string[], raw: Record<string, unknown>) => {
    const { options, sources, analyze } = await prepareRun(command, inputs, raw, ctx);
    const wanted = typeof raw.explain === 'string' ? nameKey(raw.explain) : undefined;
    // The merges' evidence only for --explain.
    const analysis = await readAndResolve(sources, { ...analyze, merges: wanted !== undefined });
    const paths = analysis.inputs.map((i) => i.path);
    const label = (r: SourceRecord) => `${r.eventLabel}${r.date === undefined ? '' : ` ${r.date}`}`;
    const people = analysis.people.filter(
      (p) => wanted === undefined || nameKey(p.name).includes(wanted),
    );
    const report: PeopleReport = {
      schema: 'netz/people@1',
      options: {
        match: analyze.match ?? 'fuzzy',
        attendedOnly: analyze.attendedOnly ?? false,
        excludeHosts: analyze.excludeHosts ?? false,
      },
      people: people.map((p) => ({
        id: p.id,
        name: p.name,
        emails: [...p.emails],
        groups: [...p.groups],
        events: p.events,
        records: p.records.map((i) => {
          const r = analysis.records[i] as SourceRecord;
          return {
            path: paths[r.source] ?? '',
            line: r.line,
            group: r.group,
            event: label(r),
            status: r.status,
          };
        }),
      })),
      skipped: analysis.skipped.map((s) => ({ path: s.path, line: s.line, code: s.code })),
    };
    const where = (i: number) => {
      const r = analysis.records[i] as SourceRecord;
      return `${paths[r.source]}:${r.line}`;
    };
    const explanations: Explanation[] =
      wanted === undefined
        ? []
        : people.map((p) => {
            const mine = new Set(analysis.people.find((x) => x.id === p.id)?.records ?? []);
            const all = new Set<number>();
            for (const q of analysis.people)
              if (q.id === p.id) for (const r of q.records) all.add(r);
            return {
              id: p.id,
              steps: analysis.merges
                .filter((m) => mine.has(m.a) || mine.has(m.b) || all.has(m.a))
                .map((m) => ({
                  a: where(m.a),
                  b: where(m.b),
                  weight: m.weight,
                  evidence: m.evidence,
                })),
            };
          });
    const format = options.format ?? 'text';
    const text = renderAs(format, report, {
      text: () => renderPeopleText(report, explanations),
      md: () => renderPeopleMarkdown(report),
      csv: () => renderPeopleCsv(report),
    });
    await emit(ctx, options.output, text);
    done(
      options.strict && (analysis.skipped.length > 0 || analysis.review.length > 0)
        ? EXIT.strict
        : EXIT.ok,
    );
  });
  return command;
}
