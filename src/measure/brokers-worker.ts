// The worker side of brokersInParallel: finds the brokers on the projection it is sent (ties in
// shared memory, not copied) and posts them back.
import { parentPort, workerData } from 'node:worker_threads';
import type { Projection } from '../graph/projection.js';
import { type BrokerOptions, brokers } from './bridges.js';

const { projection, options } = workerData as {
  projection: Projection;
  options: Partial<BrokerOptions>;
};
parentPort?.postMessage(brokers(projection, options));
