// `netz overlap`, `netz people` and `netz review` from their sources to the rendered report: read,
// resolve, measure (overlap), render. Large inputs run the pipeline in a worker thread whose young
// generation is four times V8's default: reading a million rows allocates hundreds of megabytes
// that all survive, and with the default 16 MB semi-spaces the main thread spends about 2 s in
// 170 scavenges copying them (1M bench rows, 82 MB: overlap 19.2 → 17.4 s on average of eight
// alternating pairs, every pair faster; people 17.8 → 14.6–14.9 s, its output file written
// there too). Only a worker can have its own young generation size without a second process;
// below the threshold the worker's start (~0.1 s) and the larger young generation's cost are not
// paid back (24 MB: the same within noise; 7.9 MB: 0.08 s slower). The report is the same either
// way.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import {
  type AnalyzeOptions,
  overlapReport,
  type ProgressStep,
  readAndResolve,
} from '../analyze.js';
import { NetzError, type PlainError, plainError, revivedError, UsageError } from '../errors.js';
import { startGraphWorkers, stopGraphWorkers } from '../measure/parallel.js';
import { type CsvTable, renderOverlapCsv } from '../render/csv.js';
import { type Format, type RenderOptions, renderReport } from '../render/index.js';
import type { Source } from '../types.js';
import type { CliContext } from './context.js';
import { emit, type FileSourceSpec, fileSource, inputBytes, writeAtomically } from './io.js';
import { type PeopleJob, peopleHere } from './people-report.js';
import type { PipelineOutcome } from './pipeline-outcome.js';
import { commandProgress, withProgress } from './progress.js';
import { type ReviewJob, reviewHere } from './review-report.js';

/** Input bytes from which a worker for the brokers is started ahead (bench: 10k rows, 0.8 MB). */
const WARM_BROKERS_BYTES = 256 * 1024;
/**
 * …and a second one for the compact Louvain, which gets a worker from 5·10⁵ co-attendance pairs
 * (parallel.ts; bench: 100k rows are 7.6 MB and 2,667,993 pairs).
 */
const WARM_LOUVAIN_BYTES = 4 * 1024 * 1024;

/** Input bytes from which the pipeline runs in its own worker (NETZ_WORKER_BYTES). */
export const WORKER_BYTES = 32 * 1024 * 1024;

/**
 * NETZ_WORKER_BYTES: the input size from which the pipeline runs in its own worker thread; 0
 * always, unset the default.
 */
export function workerBytes(env: CliContext['env']): number {
  const value = env.NETZ_WORKER_BYTES;
  if (value === undefined || value === '') return WORKER_BYTES;
  const bytes = Number(value);
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new UsageError(
      `NETZ_WORKER_BYTES=${value}: give a whole number of bytes (0: always a worker), or unset it`,
    );
  }
  return bytes;
}

/** That worker's young generation (V8: three semi-spaces; the default is 16 MB each). */
const YOUNG_GENERATION_MB = 192;

/** Everything the overlap pipeline needs besides the sources, as plain data (it may cross threads). */
export interface OverlapJob {
  readonly kind: 'overlap';
  readonly settings: Omit<AnalyzeOptions, 'progress' | 'releaseRecords'>;
  readonly format: Format | 'csv';
  /** With format csv: the table. */
  readonly table?: CsvTable | undefined;
  readonly render: RenderOptions;
  /** The inputs' size, which decides the thread and the graph workers started ahead. */
  readonly bytes: number;
  /** -o: the output file (absolute), written by the thread that renders the report. */
  readonly output?: string | undefined;
}

/** A command's pipeline: `netz overlap`, `netz people` or `netz review`. */
export type PipelineJob = OverlapJob | PeopleJob | ReviewJob;

/** A job as a command states it: runCommand adds the inputs' size and the output file. */
export type CommandJob = PipelineJob extends infer J
  ? J extends PipelineJob
    ? Omit<J, 'bytes' | 'output'>
    : never
  : never;

/** Runs the overlap pipeline in this thread. */
export async function overlapHere(
  sources: readonly Source[],
  job: OverlapJob,
  progress?: (step: ProgressStep) => void,
): Promise<PipelineOutcome> {
  // Graph workers start while the inputs are read (see startGraphWorkers); none for a report
  // measured without the person projection.
  startGraphWorkers(
    job.settings.graphSections === false || job.bytes < WARM_BROKERS_BYTES
      ? 0
      : job.bytes >= WARM_LOUVAIN_BYTES
        ? 2
        : 1,
  );
  let analysis: Awaited<ReturnType<typeof readAndResolve>>;
  let report: Awaited<ReturnType<typeof overlapReport>>;
  try {
    // The merges' evidence is for `netz people --explain`: not kept here.
    const settings = { ...job.settings, progress, merges: false };
    analysis = await readAndResolve(sources, settings);
    // Only the people are needed after the report: the records go once measured.
    report = await overlapReport(analysis, { ...settings, releaseRecords: true });
  } finally {
    await stopGraphWorkers();
  }
  const text =
    job.format === 'csv'
      ? renderOverlapCsv(report, job.table as CsvTable, analysis.people, job.render.minCell)
      : renderReport(report, job.format, job.render);
  return {
    text,
    skipped: report.skipped.length,
    findings: report.findings.length,
    reviewPairs: report.reviewPairs,
  };
}

/** The worker's entry, beside this module once compiled (tests of the sources run in-thread). */
const script = new URL('./pipeline-worker.js', import.meta.url);

/**
 * The worker reached the heap limit (which it shares with the main thread): a message with the
 * fix instead of an internal error. (In the main thread, V8 would end the process.)
 */
export function outOfMemory(limit: number = getHeapStatistics().heap_size_limit): NetzError {
  // Twice the present limit, in whole gigabytes, at least 8 GB.
  const suggested = Math.max(8192, Math.ceil((2 * limit) / 2 ** 30) * 1024);
  return new NetzError(
    'out-of-memory',
    `the inputs need more memory than Node's heap limit allows; raise it, such as NODE_OPTIONS=--max-old-space-size=${suggested} (megabytes), or report on fewer inputs`,
  );
}

/** Messages from the worker. */
export type WorkerReport =
  | { readonly kind: 'progress'; readonly step: ProgressStep }
  | { readonly kind: 'done'; readonly outcome: PipelineOutcome }
  | { readonly kind: 'failed'; readonly error: PlainError };

/** The task the worker receives. */
export interface WorkerTask {
  readonly specs: readonly FileSourceSpec[];
  readonly job: PipelineJob;
}

/** A run's outcome, and the thread it ran in. */
export type PipelineRun = PipelineOutcome & { readonly ranIn: 'worker' | 'main' };

function inWorker(
  task: WorkerTask,
  progress: ((step: ProgressStep) => void) | undefined,
): Promise<PipelineRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    let settled = false;
    worker.on('message', (message: WorkerReport) => {
      if (message.kind === 'progress') {
        progress?.(message.step);
        return;
      }
      settled = true;
      // Its work is done: the process does not wait for it to wind down.
      worker.unref();
      if (message.kind === 'done') resolve({ ...message.outcome, ranIn: 'worker' });
      else reject(revivedError(message.error));
    });
    worker.once('error', (error: NodeJS.ErrnoException) => {
      if (!settled) reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory() : error);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled)
        reject(new Error(`the pipeline worker ended with code ${code} before its report`));
      settled = true;
    });
    worker.postMessage(task);
  });
}

/**
 * Runs the pipeline: in a worker when every source is a file and they hold at least `workerFrom`
 * bytes (and the compiled worker is at hand), else in this thread.
 */
export function runPipeline(
  sources: readonly Source[],
  cwd: string,
  job: PipelineJob,
  progress?: (step: ProgressStep) => void,
  workerFrom: number = WORKER_BYTES,
): Promise<PipelineRun> {
  const files = sources.every((s) => s.name !== '-');
  if (!files || job.bytes < workerFrom || !existsSync(fileURLToPath(script))) {
    return pipelineHere(sources, job, progress).then((outcome) => ({ ...outcome, ranIn: 'main' }));
  }
  const specs = sources.map((s) => ({
    name: s.name,
    cwd,
    group: s.group,
    settings: s.settings,
  }));
  return inWorker({ specs, job }, progress);
}

/**
 * Runs a command's pipeline in this thread. With an output file, writes it here (atomically) and
 * returns no text: a report of hundreds of megabytes is not copied to the other thread (1M rows'
 * people list, 258 MB: 1.1 s and as many bytes twice over in memory).
 */
async function pipelineHere(
  sources: readonly Source[],
  job: PipelineJob,
  progress?: (step: ProgressStep) => void,
): Promise<PipelineOutcome> {
  const outcome = await (job.kind === 'people'
    ? peopleHere(sources, job, progress)
    : job.kind === 'review'
      ? reviewHere(sources, job, progress)
      : overlapHere(sources, job, progress));
  if (job.output === undefined) return outcome;
  await writeAtomically(job.output, outcome.text);
  return { ...outcome, text: '' };
}

/** The worker's side: runs one task and reports back. */
export async function servePipelineTask(
  task: WorkerTask,
  post: (message: WorkerReport) => void,
): Promise<void> {
  try {
    const outcome = await pipelineHere(task.specs.map(fileSource), task.job, (step) =>
      post({ kind: 'progress', step }),
    );
    post({ kind: 'done', outcome });
  } catch (error) {
    post({ kind: 'failed', error: plainError(error) });
  }
}

/**
 * Runs a command's pipeline as the command line does: a progress bar on a terminal's stderr
 * (unless --quiet), in the worker from NETZ_WORKER_BYTES; the report goes to the -o file (written
 * by the pipeline's thread) or standard output.
 */
export async function runCommand(
  ctx: CliContext,
  sources: readonly Source[],
  options: {
    readonly output?: string | undefined;
    readonly quiet: boolean;
    /** Write the text to standard output when there is no -o (review at the terminal: not). */
    readonly emit?: boolean;
  },
  job: CommandJob,
): Promise<PipelineOutcome> {
  const outcome = await withProgress(commandProgress(ctx, options), async (step) =>
    runPipeline(
      sources,
      ctx.cwd,
      {
        ...job,
        bytes: await inputBytes(sources, ctx.cwd),
        output: options.output === undefined ? undefined : resolve(ctx.cwd, options.output),
      } as PipelineJob,
      step,
      workerBytes(ctx.env),
    ),
  );
  if (options.output === undefined && options.emit !== false)
    await emit(ctx, undefined, outcome.text);
  return outcome;
}
