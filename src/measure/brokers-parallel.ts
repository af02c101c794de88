// The brokers beside the other measures: above a work threshold, betweenness and the top brokers'
// structural holes run in a worker thread (the projection's ties are in shared memory) while the
// main thread computes communities, cliques and the rest; the results are the same as in-thread.
// Below the threshold, or where the compiled worker is not at hand (tests run the TypeScript
// sources), they run in-thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Projection } from '../graph/projection.js';
import { betweennessPlan } from './betweenness.js';
import { type BrokerOptions, type Brokers, brokers } from './bridges.js';

/** Betweenness steps (sources × ties) from which a worker pays for its start (~40 ms). */
export const WORKER_WORK = 2e7;

const script = new URL('./brokers-worker.js', import.meta.url);

/** Starts finding the brokers; the promise settles once the worker (or the in-thread run) is done. */
export function brokersInParallel(
  projection: Projection,
  options: Partial<BrokerOptions>,
): Promise<Brokers & { ranIn: 'worker' | 'main' }> {
  const inThread = () => ({ ...brokers(projection, options), ranIn: 'main' as const });
  const shared = projection.neighbors.buffer instanceof SharedArrayBuffer;
  if (
    betweennessPlan(projection, options).work < WORKER_WORK ||
    !shared ||
    !existsSync(fileURLToPath(script))
  ) {
    return Promise.resolve(inThread());
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
    worker.once('message', (result: Brokers) => {
      settled = true;
      resolve({ ...result, ranIn: 'worker' });
    });
    // A worker that cannot run (no threads, no memory) leaves the work to this thread.
    worker.once('error', () => {
      if (!settled) resolve(inThread());
      settled = true;
    });
  });
}
