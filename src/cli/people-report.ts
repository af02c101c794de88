// `netz people`'s pipeline from its sources to the rendered list: read, resolve, build the
// `netz/people@1` report (with the evidence of the merges for --explain) and render it. Plain
// data in and out, so that it runs in the pipeline's worker thread as well as in this one.
import { type AnalyzeOptions, type ProgressStep, readAndResolve } from '../analyze.js';
import { renderAs } from '../render/json.js';
import {
  type Explanation,
  renderPeopleCsv,
  renderPeopleMarkdown,
  renderPeopleText,
  waitPhrase,
} from '../render/people.js';
import type { PeopleReport } from '../report/schema.js';
import { nameKey } from '../resolve/normalize.js';
import type { Source, SourceRecord } from '../types.js';
import { outcomeOf, type PipelineOutcome } from './pipeline-outcome.js';

/** What `netz people` needs besides the sources, as plain data (it may cross threads). */
export interface PeopleJob {
  readonly kind: 'people';
  readonly settings: Omit<AnalyzeOptions, 'progress' | 'releaseRecords' | 'merges'>;
  /** --explain NAME: only people whose name contains it, with the evidence that merged them. */
  readonly explain: string | undefined;
  readonly format: 'text' | 'md' | 'csv' | 'json';
  /** The inputs' size, which decides the thread the pipeline runs in. */
  readonly bytes: number;
  /** -o: the output file (absolute), written by the thread that renders the list. */
  readonly output?: string | undefined;
}

/** Runs `netz people`'s pipeline in this thread. */
export async function peopleHere(
  sources: readonly Source[],
  job: PeopleJob,
  progress?: (step: ProgressStep) => void,
): Promise<PipelineOutcome> {
  const wanted = job.explain === undefined ? undefined : nameKey(job.explain);
  const settings = job.settings;
  // The merges' evidence only for --explain.
  const analysis = await readAndResolve(sources, {
    ...settings,
    progress,
    merges: wanted !== undefined,
  });
  const paths = analysis.inputs.map((i) => i.path);
  const label = (r: SourceRecord) => `${r.eventLabel}${r.date === undefined ? '' : ` ${r.date}`}`;
  const people = analysis.people.filter(
    (p) => wanted === undefined || nameKey(p.name).includes(wanted),
  );
  const report: PeopleReport = {
    schema: 'netz/people@1',
    options: {
      match: settings.match ?? 'fuzzy',
      attendedOnly: settings.attendedOnly ?? false,
      excludeHosts: settings.excludeHosts ?? false,
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
  const personOf = new Map<number, string>();
  if (wanted !== undefined)
    for (const p of analysis.people) for (const i of p.records) personOf.set(i, p.id);
  const where = (i: number) => {
    const r = analysis.records[i] as SourceRecord;
    return `${paths[r.source]}:${r.line}`;
  };
  const explanations: Explanation[] =
    wanted === undefined
      ? []
      : people.map((p) => {
          const mine = new Set(p.records);
          return {
            id: p.id,
            waiting: analysis.review
              .filter((w) => mine.has(w.a) !== mine.has(w.b))
              .map((w) => {
                const [own, theirs] = mine.has(w.a) ? [w.a, w.b] : [w.b, w.a];
                return {
                  a: where(own),
                  b: where(theirs),
                  other: personOf.get(theirs) ?? '',
                  weight: w.weight,
                  evidence: w.evidence,
                  waits: waitPhrase(w.waits),
                };
              }),
            steps: analysis.merges
              .filter((m) => mine.has(m.a) || mine.has(m.b))
              .map((m) => ({
                a: where(m.a),
                b: where(m.b),
                weight: m.weight,
                evidence: m.evidence,
                rule: m.rule,
                odds: m.odds,
              })),
          };
        });
  const text = renderAs(job.format, report, {
    text: () => renderPeopleText(report, explanations),
    md: () => renderPeopleMarkdown(report),
    csv: () => renderPeopleCsv(report),
  });
  return outcomeOf(text, analysis);
}
