// A worker thread of the document pool: reads the documents it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { readDocument, type DocumentLimits, type DocumentText } from './adapters/document.js';

export interface DocumentJob {
  id: number;
  extension: string;
  bytes: Uint8Array;
  limits: DocumentLimits;
}

export type DocumentReply = { id: number; text: DocumentText } | { id: number; unreadable: string };

parentPort?.on('message', async (job: DocumentJob) => {
  let reply: DocumentReply;
  try {
    reply = { id: job.id, text: await readDocument(job.extension, job.bytes, job.limits) };
  } catch (error) {
    // readDocument throws nothing but UnreadableDocumentError for a document it has a reader for.
    reply = { id: job.id, unreadable: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
