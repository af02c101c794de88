// What a command needs of a finished pipeline run, whichever thread ran it.
import type { Analysis } from '../analyze.js';
import type { ReviewReport } from '../report/schema.js';

export interface PipelineOutcome {
  /** The rendered report ('' when the pipeline wrote it to its output file). */
  readonly text: string;
  readonly skipped: number;
  readonly findings: number;
  readonly reviewPairs: number;
  /** `netz review` at the terminal: the pairs to decide, and why each waits (same order). */
  readonly review?:
    | { readonly report: ReviewReport; readonly waits: readonly string[] }
    | undefined;
}

/** The outcome of a report rendered from an analysis: the text and the analysis's counts. */
export function outcomeOf(
  text: string,
  analysis: Pick<Analysis, 'skipped' | 'findings' | 'review'>,
): PipelineOutcome {
  return {
    text,
    skipped: analysis.skipped.length,
    findings: analysis.findings.length,
    reviewPairs: analysis.review.length,
  };
}
