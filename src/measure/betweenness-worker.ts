// The worker side of betweennessInParallel: computes betweenness on the projection it is sent
// (ties in shared memory, not copied) and posts the values back.
import { parentPort, workerData } from 'node:worker_threads';
import type { Projection } from '../graph/projection.js';
import { type BetweennessOptions, betweenness } from './betweenness.js';

const { projection, options } = workerData as {
  projection: Projection;
  options: Partial<BetweennessOptions>;
};
const result = betweenness(projection, options);
parentPort?.postMessage(result, [result.values.buffer as ArrayBuffer]);
