// The worker side of parallel.ts: waits for one graph task (the brokers on the projection, whose
// ties and weights are in shared memory, not copied; or Louvain on the memberships), runs it and
// posts the result back; then it ends. Building the projection may come first: after it the
// worker waits for its next task.
import { parentPort } from 'node:worker_threads';
import { projectionAndStrongTies } from '../graph/projection.js';
import { brokers } from './bridges.js';
import { membershipLouvain } from './louvain-compact.js';
import type { GraphTask } from './parallel.js';
import { seededRandom } from './rng.js';

function run(task: GraphTask): void {
  if (task.kind === 'projection') {
    const built = projectionAndStrongTies(task.memberships, task.minWeight);
    // The ties and weights are in shared memory (not transferable, not copied): the rest moves.
    const { projection, strong } = built;
    parentPort?.postMessage(built, [
      projection.offsets.buffer as ArrayBuffer,
      strong.offsets.buffer as ArrayBuffer,
      strong.neighbors.buffer as ArrayBuffer,
      strong.weights.buffer as ArrayBuffer,
    ]);
    parentPort?.once('message', run);
  } else if (task.kind === 'brokers') {
    parentPort?.postMessage(brokers(task.projection, task.options, task.share, task.holes));
  } else {
    const result = membershipLouvain(task.memberships, task.resolution, seededRandom(task.seed));
    parentPort?.postMessage(result, [result.communities.buffer as ArrayBuffer]);
  }
}

parentPort?.once('message', run);
