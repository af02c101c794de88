// The worker side of overlap-run.ts: receives one overlap task (file sources and options as
// plain data), runs the pipeline and posts progress, then the rendered report or the error.
import { parentPort } from 'node:worker_threads';
import { serveOverlapTask, type WorkerReport, type WorkerTask } from './overlap-run.js';

parentPort?.once('message', (task: WorkerTask) => {
  void serveOverlapTask(task, (message: WorkerReport) => parentPort?.postMessage(message));
});
