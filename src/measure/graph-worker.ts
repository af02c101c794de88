// The worker side of parallel.ts: runs one graph task on the projection it is sent (ties and
// weights in shared memory, not copied) and posts the result back.
import { parentPort, workerData } from 'node:worker_threads';
import type { Projection } from '../graph/projection.js';
import { brokers } from './bridges.js';
import { compactLouvain } from './louvain-compact.js';
import type { GraphTask } from './parallel.js';
import { seededRandom } from './rng.js';

const { task, projection } = workerData as { task: GraphTask; projection: Projection };
if (task.kind === 'brokers') {
  parentPort?.postMessage(brokers(projection, task.options));
} else {
  const result = compactLouvain(projection, task.resolution, seededRandom(task.seed));
  parentPort?.postMessage(result, [result.communities.buffer as ArrayBuffer]);
}
