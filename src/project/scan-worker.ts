// A worker thread of the scan pool: scans the files it is sent, one at a time, as the main thread
// would (reading documents too). The pool stops it when a job overruns its time or memory.
import { parentPort } from 'node:worker_threads';
import type { FileReport } from '../core/finding.js';
import { scanContent, scanFile, type FileScanOptions } from './files.js';

/** A file to scan: by its path (the worker reads it), or its bytes read elsewhere (a cache, git's index). */
export interface ScanJob {
  id: number;
  filePath: string;
  bytes?: Uint8Array;
  options: FileScanOptions;
}

export interface ScanReply {
  id: number;
  report: FileReport;
}

parentPort?.on('message', async (job: ScanJob) => {
  const report = job.bytes ? await scanContent(job.bytes, job.filePath, job.options) : await scanFile(job.filePath, job.options);
  parentPort!.postMessage({ id: job.id, report } satisfies ScanReply);
});
// Its modules are loaded: the pool starts the clock of its first job now.
parentPort?.postMessage('ready');
