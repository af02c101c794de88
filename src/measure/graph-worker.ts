// The worker side of parallel.ts: waits for one graph task (the brokers on the projection, whose
// ties and weights are in shared memory, not copied; or Louvain on the memberships), runs it and
// posts the result back; then it ends.
import { parentPort } from 'node:worker_threads';
import { brokers } from './bridges.js';
import { membershipLouvain } from './louvain-compact.js';
import type { GraphTask } from './parallel.js';
import { seededRandom } from './rng.js';

parentPort?.once('message', (task: GraphTask) => {
  if (task.kind === 'brokers') {
    parentPort?.postMessage(brokers(task.projection, task.options, task.share, task.holes));
  } else {
    const result = membershipLouvain(task.memberships, task.resolution, seededRandom(task.seed));
    parentPort?.postMessage(result, [result.communities.buffer as ArrayBuffer]);
  }
});
