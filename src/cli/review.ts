// `netz review <inputs…>`: the identity pairs in the review band with their evidence side by side,
// most uncertain first. On a terminal, an accept / reject / skip loop that appends the decisions
// to the links file; otherwise Markdown, CSV or `netz/review@1` JSON to edit by hand.
import { resolve } from 'node:path';
import { Command } from 'commander';
import { readAndResolve } from '../analyze.js';
import { EXIT } from '../errors.js';
import { csvText } from '../render/csv.js';
import { markdownCode, markdownSafe, terminalSafe } from '../render/escape.js';
import { renderAs } from '../render/json.js';
import type { ReviewReport } from '../report/schema.js';
import { keysOf, LINKS_FILE } from '../resolve/links.js';
import type { SourceRecord } from '../types.js';
import type { CliContext } from './context.js';
import { emit, readOptionText, writeAtomically } from './io.js';
import { addCommonOptions, prepareRun } from './options.js';
import { commandProgress, withProgress } from './progress.js';

const EXAMPLES = `
Examples:
  netz review exports/                       decide uncertain pairs at the terminal
  netz review exports/ -f md -o review.md    a list to decide by hand
  netz review exports/ -f json               netz/review@1 for scripts`;

type ReviewRecord = ReviewReport['pairs'][number]['a'];

function side(r: ReviewRecord): string[] {
  return [
    `${r.path}:${r.line} (${r.group})`,
    `name:    ${r.name ?? '–'}`,
    `e-mail:  ${r.emails.join(', ') || '–'}`,
    `phone:   ${r.phone ?? '–'}`,
    `id:      ${r.platformId ?? '–'}`,
    `company: ${r.company ?? '–'}`,
  ];
}

export function renderReviewText(report: ReviewReport): string {
  const out: string[] = [];
  report.pairs.forEach((pair, i) => {
    out.push(`Pair ${i + 1} of ${report.pairs.length}, weight ${pair.weight.toFixed(1)}`);
    const left = side(pair.a).map(terminalSafe);
    const right = side(pair.b).map(terminalSafe);
    const width = Math.min(48, Math.max(...left.map((l) => [...l].length)));
    left.forEach((l, j) => {
      const chars = [...l];
      const cell =
        chars.length > width
          ? `${chars.slice(0, width - 1).join('')}…`
          : l + ' '.repeat(width - chars.length);
      out.push(`  ${cell}  │ ${right[j] ?? ''}`);
    });
    out.push(
      `  evidence: ${pair.evidence.map((e) => `${e.field} ${e.level} ${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(1)}`).join(', ')}`,
      '',
    );
  });
  if (report.pairs.length === 0) out.push('No pairs wait for review.');
  return `${out.join('\n').trimEnd()}\n`;
}

function renderReviewMarkdown(report: ReviewReport): string {
  const out = [
    '# netz review',
    '',
    'Decide each pair: copy its line into netz.links.csv with `must` (same person) or `cannot` (different people).',
    '',
    '| weight | record A | record B | evidence | links line |',
    '| ---: | :--- | :--- | :--- | :--- |',
  ];
  for (const p of report.pairs) {
    const who = (r: ReviewRecord) =>
      markdownSafe(`${r.name ?? ''} <${r.emails.join(', ')}> ${r.path}:${r.line}`);
    const evidence = p.evidence
      .map((e) => `${e.field} ${e.level} ${e.weight.toFixed(1)}`)
      .join(', ');
    out.push(
      `| ${p.weight.toFixed(1)} | ${who(p.a)} | ${who(p.b)} | ${markdownSafe(evidence)} | ${markdownCode(`must,${p.a.key},${p.b.key},`)} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

function renderReviewCsv(report: ReviewReport): string {
  const rows = [['kind', 'a', 'b', 'note', 'weight', 'name_a', 'name_b', 'where_a', 'where_b']];
  for (const p of report.pairs) {
    rows.push([
      '',
      p.a.key,
      p.b.key,
      '',
      p.weight.toFixed(1),
      p.a.name ?? '',
      p.b.name ?? '',
      `${p.a.path}:${p.a.line}`,
      `${p.b.path}:${p.b.line}`,
    ]);
  }
  return csvText(rows);
}

export function reviewCommand(ctx: CliContext, done: (code: number) => void): Command {
  const command = new Command('review')
    .description('Uncertain identity pairs with their evidence; decisions go to the links file')
    .argument('<inputs...>', 'export files, folders or globs, or - for standard input');
  addCommonOptions(command, ['text', 'md', 'csv', 'json']);
  command.addHelpText('after', EXAMPLES);
  command.action(async (inputs: string[], raw: Record<string, unknown>) => {
    const { options, sources, analyze } = await prepareRun(command, inputs, raw, ctx);
    const analysis = await withProgress(commandProgress(ctx, options), (progress) =>
      readAndResolve(sources, { ...analyze, merges: false, progress }),
    );
    const paths = analysis.inputs.map((i) => i.path);
    // The key of each side that the other side does not share (a shared e-mail names both).
    const keyOf = (i: number, other: number) => {
      const theirs = new Set(keysOf(analysis.records[other] as SourceRecord));
      const mine = keysOf(analysis.records[i] as SourceRecord);
      return mine.find((k) => !theirs.has(k)) ?? mine[0] ?? '';
    };
    const describe = (i: number, other: number): ReviewRecord => {
      const r = analysis.records[i] as SourceRecord;
      return {
        path: paths[r.source] ?? '',
        line: r.line,
        group: r.group,
        name: r.name ?? null,
        emails: [...r.emails],
        phone: r.phone ?? null,
        platformId: r.platformId ?? null,
        company: r.company ?? null,
        key: keyOf(i, other),
      };
    };
    const report: ReviewReport = {
      schema: 'netz/review@1',
      pairs: analysis.review.map((p) => ({
        a: describe(p.a, p.b),
        b: describe(p.b, p.a),
        weight: p.weight,
        evidence: [...p.evidence],
      })),
    };
    const format = options.format ?? 'text';
    if (
      format === 'text' &&
      ctx.ask !== undefined &&
      options.output === undefined &&
      report.pairs.length > 0
    ) {
      await decide(report, ctx, options.links ?? analyze.links?.path ?? LINKS_FILE);
      done(EXIT.ok);
      return;
    }
    const text = renderAs(format, report, {
      text: () => renderReviewText(report),
      md: () => renderReviewMarkdown(report),
      csv: () => renderReviewCsv(report),
    });
    await emit(ctx, options.output, text);
    done(options.strict && report.pairs.length > 0 ? EXIT.strict : EXIT.ok);
  });
  return command;
}

/** The interactive loop: a pair at a time; accepted and rejected pairs are appended to the links file. */
async function decide(report: ReviewReport, ctx: CliContext, linksPath: string): Promise<void> {
  const ask = ctx.ask as (q: string) => Promise<string>;
  const lines: string[] = [];
  for (const [i, pair] of report.pairs.entries()) {
    ctx.stdout(
      renderReviewText({ schema: report.schema, pairs: [pair] }).replace(
        /^Pair 1 of 1/,
        `Pair ${i + 1} of ${report.pairs.length}`,
      ),
    );
    const answer = (await ask('Same person? [a]ccept, [r]eject, [s]kip, [q]uit: '))
      .trim()
      .toLowerCase();
    if (answer.startsWith('q')) break;
    if (answer.startsWith('a'))
      lines.push(csvText([['must', pair.a.key, pair.b.key, 'netz review']]).trimEnd());
    else if (answer.startsWith('r'))
      lines.push(csvText([['cannot', pair.a.key, pair.b.key, 'netz review']]).trimEnd());
  }
  if (lines.length === 0) return;
  const target = resolve(ctx.cwd, linksPath);
  // A decisions file that exists but cannot be read stops here: writing would replace it.
  let existing = (await readOptionText(target, linksPath)) ?? 'kind,a,b,note\n';
  if (!existing.endsWith('\n')) existing += '\n';
  await writeAtomically(target, `${existing}${lines.join('\n')}\n`);
  ctx.stdout(`${lines.length} decision(s) written to ${linksPath}\n`);
}
