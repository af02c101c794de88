// The worker side of pipeline-run.ts: receives one task (`netz overlap` or `netz people`, file
// sources and options as plain data), runs the pipeline and posts progress, then the rendered
// report or the error.
import { parentPort } from 'node:worker_threads';
import { servePipelineTask, type WorkerReport, type WorkerTask } from './pipeline-run.js';

parentPort?.once('message', (task: WorkerTask) => {
  void servePipelineTask(task, (message: WorkerReport) => parentPort?.postMessage(message));
});
