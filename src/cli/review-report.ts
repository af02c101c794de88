// `netz review`'s pipeline from its sources to the pairs in the review band: read, resolve, build
// the `netz/review@1` report (each pair's records side by side, with the key of each to decide
// on) and render it. Plain data in and out, so that it runs in the pipeline's worker thread as
// well as in this one.
import type { AnalyzeOptions, ProgressStep } from '../analyze.js';
import { readAndResolve } from '../analyze.js';
import { csvText } from '../render/csv.js';
import { markdownCode, markdownSafe, terminalSafe } from '../render/escape.js';
import { renderAs } from '../render/json.js';
import { evidenceText, waitPhrase } from '../render/people.js';
import type { ReviewReport } from '../report/schema.js';
import { keysOf } from '../resolve/links.js';
import type { Source, SourceRecord } from '../types.js';
import { outcomeOf, type PipelineOutcome } from './pipeline-outcome.js';

/** What `netz review` needs besides the sources, as plain data (it may cross threads). */
export interface ReviewJob {
  readonly kind: 'review';
  readonly settings: Omit<AnalyzeOptions, 'progress' | 'releaseRecords' | 'merges'>;
  readonly format: 'text' | 'md' | 'csv' | 'json';
  /** The pairs are decided at the terminal: the report comes back with the text. */
  readonly interactive: boolean;
  /** The inputs' size, which decides the thread the pipeline runs in. */
  readonly bytes: number;
  /** -o: the output file (absolute), written by the thread that renders the list. */
  readonly output?: string | undefined;
}

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

export function renderReviewText(report: ReviewReport, waits: readonly string[] = []): string {
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
    out.push(`  evidence: ${evidenceText(pair.evidence)}`);
    if (waits[i] !== undefined) out.push(`  waits:    ${waits[i]}`);
    out.push('');
  });
  if (report.pairs.length === 0) out.push('No pairs wait for review.');
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderReviewMarkdown(report: ReviewReport, waits: readonly string[]): string {
  const out = [
    '# netz review',
    '',
    'Decide each pair: copy its line into netz.links.csv with `must` (same person) or `cannot` (different people).',
    '',
    '| weight | record A | record B | evidence | waits because | links line |',
    '| ---: | :--- | :--- | :--- | :--- | :--- |',
  ];
  for (const [i, p] of report.pairs.entries()) {
    const who = (r: ReviewRecord) =>
      markdownSafe(`${r.name ?? ''} <${r.emails.join(', ')}> ${r.path}:${r.line}`);
    const evidence = p.evidence
      .map((e) => `${e.field} ${e.level} ${e.weight.toFixed(1)}`)
      .join(', ');
    out.push(
      `| ${p.weight.toFixed(1)} | ${who(p.a)} | ${who(p.b)} | ${markdownSafe(evidence)} | ${markdownSafe(waits[i] ?? '')} | ${markdownCode(`must,${p.a.key},${p.b.key},`)} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

export function renderReviewCsv(report: ReviewReport, waits: readonly string[]): string {
  const rows = [
    ['kind', 'a', 'b', 'note', 'weight', 'name_a', 'name_b', 'where_a', 'where_b', 'waits'],
  ];
  for (const [i, p] of report.pairs.entries()) {
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
      waits[i] ?? '',
    ]);
  }
  return csvText(rows);
}

/** Runs `netz review`'s pipeline in this thread. */
export async function reviewHere(
  sources: readonly Source[],
  job: ReviewJob,
  progress?: (step: ProgressStep) => void,
): Promise<PipelineOutcome> {
  const analysis = await readAndResolve(sources, { ...job.settings, merges: false, progress });
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
  const waits = analysis.review.map((p) => waitPhrase(p.waits));
  const text = renderAs(job.format, report, {
    text: () => renderReviewText(report, waits),
    md: () => renderReviewMarkdown(report, waits),
    csv: () => renderReviewCsv(report, waits),
  });
  return {
    ...outcomeOf(text, analysis),
    review: job.interactive ? { report, waits } : undefined,
  };
}
