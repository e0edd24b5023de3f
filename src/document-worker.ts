// A worker thread of the document pool: reads the documents it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { readDocument, UnreadableDocumentError, type DocumentLimits } from './adapters/document.js';

export interface DocumentJob {
  id: number;
  extension: string;
  bytes: Uint8Array;
  limits: DocumentLimits;
}

export type DocumentReply =
  | { id: number; text: import('./adapters/document.js').DocumentText }
  | { id: number; unreadable: string }
  | { id: number; failed: string };

parentPort?.on('message', async (job: DocumentJob) => {
  let reply: DocumentReply;
  try {
    reply = { id: job.id, text: await readDocument(job.extension, job.bytes, job.limits) };
  } catch (error) {
    reply = error instanceof UnreadableDocumentError ? { id: job.id, unreadable: error.message } : { id: job.id, failed: (error as Error)?.message ?? String(error) };
  }
  parentPort!.postMessage(reply);
});
