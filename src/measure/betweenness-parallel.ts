// Betweenness beside the other measures: above a work threshold it runs in a worker thread (the
// projection's ties are in shared memory) while the main thread computes communities, cliques
// and the rest; the values are the same as in-thread. Below the threshold, or where the compiled
// worker is not at hand (tests run the TypeScript sources), it runs in-thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Projection } from '../graph/projection.js';
import {
  type Betweenness,
  type BetweennessOptions,
  betweenness,
  betweennessPlan,
} from './betweenness.js';

/** Steps (sources × ties) from which a worker pays for its start (~40 ms). */
export const WORKER_WORK = 2e7;

const script = new URL('./betweenness-worker.js', import.meta.url);

/** Starts betweenness; the promise settles once the worker (or the in-thread run) is done. */
export function betweennessInParallel(
  projection: Projection,
  options: Partial<BetweennessOptions>,
): Promise<Betweenness & { ranIn: 'worker' | 'main' }> {
  const plan = betweennessPlan(projection, options);
  const shared = projection.neighbors.buffer instanceof SharedArrayBuffer;
  if (plan.work < WORKER_WORK || !shared || !existsSync(fileURLToPath(script))) {
    return Promise.resolve({ ...betweenness(projection, options), ranIn: 'main' });
  }
  return new Promise((resolve) => {
    const worker = new Worker(script, {
      workerData: {
        projection: {
          nodes: projection.nodes,
          offsets: projection.offsets,
          neighbors: projection.neighbors,
          weights: new Int32Array(0),
        },
        options,
      },
    });
    let settled = false;
    worker.once('message', (result: Betweenness) => {
      settled = true;
      resolve({ ...result, ranIn: 'worker' });
    });
    // A worker that cannot run (no threads, no memory) leaves the work to this thread.
    worker.once('error', () => {
      if (!settled) resolve({ ...betweenness(projection, options), ranIn: 'main' });
      settled = true;
    });
  });
}
