// Graph measures beside each other: the brokers (betweenness, the top ones, their structural
// holes) run in a worker thread on the projection's ties and weights in shared memory, and the
// compact Louvain in another on the memberships (copied; it starts before the projection is
// built), while the main thread computes cliques and the rest, and then helps with the
// betweenness pivots the worker has not taken yet and with the top brokers' structural holes
// (PendingBrokers.help); the results are the same as in-thread. Small work, or a run where the
// compiled worker is not at hand (tests run the TypeScript sources), stays in-thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { coAttendancePairs, type Memberships, type Projection } from '../graph/projection.js';
import { betweennessPlan, type PivotShare, pivotShare, searchSharedPivots } from './betweenness.js';
import { type BrokerOptions, type Brokers, brokers } from './bridges.js';
import { type CompactLouvain, membershipLouvain } from './louvain-compact.js';
import { seededRandom } from './rng.js';
import { type HolesShare, helpWithHoles, holesShare } from './structural-holes.js';

/** Betweenness steps (sources × ties) from which a worker pays for its start (~40 ms). */
export const WORKER_WORK = 2e7;

/**
 * Co-attendance pairs (Σ over events of member pairs, an upper bound of the projection's ties)
 * from which the compact Louvain gets its own worker. Below, it takes about 0.1 s, and a third
 * thread on two cores would slow the other two by more than that: it runs in the main thread once
 * the main thread's other measures are done (10k bench rows: 267,909 pairs, 181,511 ties; 100k:
 * 2,667,993 pairs, 1,994,959 ties).
 */
export const LOUVAIN_WORKER_PAIRS = 5e5;

export type GraphTask =
  | {
      readonly kind: 'brokers';
      readonly options: Partial<BrokerOptions>;
      readonly projection: Projection;
      readonly share: PivotShare | undefined;
      readonly holes: HolesShare | undefined;
    }
  | {
      readonly kind: 'louvain';
      readonly resolution: number;
      readonly seed: number;
      readonly memberships: Memberships;
    };

type Ran<T> = T & { ranIn: 'worker' | 'main' };

const script = new URL('./graph-worker.js', import.meta.url);

/** Workers started ahead of their task, waiting for it (see startGraphWorkers). */
const waiting: Worker[] = [];

/**
 * Starts up to `count` workers now, so that their start (~50 ms of a core each) happens while
 * this thread still reads the inputs and the second core is idle; graph tasks take them before
 * starting new ones. Waiting workers do not keep the process alive. No-op where the compiled
 * worker is not at hand.
 */
export function startGraphWorkers(count: number): void {
  if (!existsSync(fileURLToPath(script))) return;
  while (waiting.length < count) {
    const worker = new Worker(script);
    worker.unref();
    // A worker that fails or ends while waiting is no longer offered.
    const drop = () => {
      const at = waiting.indexOf(worker);
      if (at >= 0) waiting.splice(at, 1);
    };
    worker.once('error', drop);
    worker.once('exit', drop);
    waiting.push(worker);
  }
}

/** How many workers started ahead wait for a task. */
export function waitingGraphWorkers(): number {
  return waiting.length;
}

/** Ends the workers started ahead that no task took. */
export async function stopGraphWorkers(): Promise<void> {
  await Promise.all(waiting.splice(0).map((worker) => worker.terminate()));
}

function shared(projection: Projection): boolean {
  return (
    projection.neighbors.buffer instanceof SharedArrayBuffer &&
    projection.weights.buffer instanceof SharedArrayBuffer
  );
}

/** Runs the task in a worker when it is worth one, else (or when a worker cannot run) here. */
function run<T>(task: GraphTask, worth: boolean, inThread: () => T): Promise<Ran<T>> {
  const here = (): Ran<T> => ({ ...inThread(), ranIn: 'main' });
  if (!worth || !existsSync(fileURLToPath(script))) {
    // In this thread, but only once the caller waits for it: the main thread's own measures
    // (and starting the other worker) come first.
    return Promise.resolve().then(here);
  }
  return new Promise((resolve) => {
    const worker = waiting.shift() ?? new Worker(script);
    worker.ref();
    worker.postMessage(task);
    let settled = false;
    worker.once('message', (result: T) => {
      settled = true;
      resolve({ ...result, ranIn: 'worker' });
    });
    // A worker that cannot run (no threads, no memory) or ends without an answer leaves the work
    // to this thread, so that a run never waits forever.
    const fallBack = () => {
      if (!settled) resolve(here());
      settled = true;
    };
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  });
}

/** The brokers being found in a worker, and how this thread can help. */
export interface PendingBrokers {
  readonly result: Promise<Ran<Brokers>>;
  /**
   * Searches betweenness pivots the worker has not taken yet, in this thread, then waits for the
   * top brokers and computes parts of their structural holes the worker has not taken; returns
   * when none is left (call it once this thread's other work is done; the result stays the same).
   */
  help(): void;
}

/** Starts finding the brokers; `result` settles once they are found. */
export function brokersInParallel(
  projection: Projection,
  options: Partial<BrokerOptions>,
): PendingBrokers {
  // The worker reads the ties in shared memory; a projection in plain memory stays here.
  const worth = betweennessPlan(projection, options).work >= WORKER_WORK && shared(projection);
  const share = worth ? pivotShare(projection, options) : undefined;
  // The top brokers' structural holes are shared where the pivots are: there this thread helps.
  const holes = share === undefined ? undefined : holesShare(options.top ?? 25, projection.nodes);
  const result = run({ kind: 'brokers', options, projection, share, holes }, worth, () =>
    brokers(projection, options),
  );
  let helping = true;
  // A worker that failed leaves the brokers to this thread, which starts afresh without the share.
  void result.then((ran) => {
    if (ran.ranIn === 'main') helping = false;
  });
  return {
    result,
    help: () => {
      if (share === undefined || !helping) return;
      searchSharedPivots(projection, options, share);
      if (holes !== undefined) helpWithHoles(projection, holes);
    },
  };
}

/**
 * Starts the compact Louvain on the memberships (it needs no projection, so it can start before
 * the projection is built); the promise settles with its communities.
 */
export function louvainInParallel(
  memberships: Memberships,
  resolution: number,
  seed: number,
  workerFrom: number = LOUVAIN_WORKER_PAIRS,
): Promise<Ran<CompactLouvain>> {
  const worth = coAttendancePairs(memberships) >= workerFrom;
  return run({ kind: 'louvain', resolution, seed, memberships }, worth, () =>
    membershipLouvain(memberships, resolution, seededRandom(seed)),
  );
}
