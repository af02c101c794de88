// The worker side of parallel.ts: waits for one graph task and the projection (ties and weights
// in shared memory, not copied), runs it and posts the result back; then it ends.
import { parentPort } from 'node:worker_threads';
import type { Projection } from '../graph/projection.js';
import { brokers } from './bridges.js';
import { compactLouvain } from './louvain-compact.js';
import type { GraphTask } from './parallel.js';
import { seededRandom } from './rng.js';

parentPort?.once('message', ({ task, projection }: { task: GraphTask; projection: Projection }) => {
  if (task.kind === 'brokers') {
    parentPort?.postMessage(brokers(projection, task.options));
  } else {
    const result = compactLouvain(
      projection,
      task.resolution,
      seededRandom(task.seed),
      task.memberships,
    );
    parentPort?.postMessage(result, [result.communities.buffer as ArrayBuffer]);
  }
});
