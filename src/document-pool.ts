// Documents are read in worker threads: one huge or hostile PDF neither stalls the run (text files
// go on being scanned meanwhile) nor brings it down, and a reader that overruns its time limit or
// its memory is stopped and reported, not waited for.
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { readDocument, timeLimitOf, UnreadableDocumentError, type DocumentLimits, type DocumentText } from './adapters/document.js';
import type { DocumentJob, DocumentReply } from './document-worker.js';

/** Memory one reader may take before it is stopped. */
const READER_HEAP_MB = 1536;

interface Pending {
  job: DocumentJob;
  resolve: (text: DocumentText) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  current?: { pending: Pending; timer: NodeJS.Timeout };
}

/**
 * The compiled worker beside this module; run from the TypeScript sources (the tests), the one
 * `tsc` built into dist/. Undefined when there is none: documents are then read in this thread.
 */
function workerScript(): URL | undefined {
  const beside = new URL('./document-worker.js', import.meta.url);
  const script = import.meta.url.endsWith('.ts') ? new URL('../dist/src/document-worker.js', import.meta.url) : beside;
  return fs.existsSync(script) ? script : undefined;
}

class DocumentPool {
  private readonly idle: PoolWorker[] = [];
  private readonly busy = new Set<PoolWorker>();
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(
    private readonly script: URL,
    private readonly size: number,
  ) {}

  read(extension: string, bytes: Uint8Array, limits: DocumentLimits): Promise<DocumentText> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, extension, bytes, limits }, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.busy.size < this.size)) {
      const pending = this.queue.shift()!;
      const member = this.idle.pop() ?? this.spawn();
      this.busy.add(member);
      member.worker.ref();
      // The reader stops itself at the time limit and returns what it read; past a grace period
      // on top, it is stuck inside one page and is stopped.
      const hardLimit = pending.job.limits.timeoutMs + Math.min(5000, pending.job.limits.timeoutMs);
      const timer = setTimeout(() => {
        this.fail(member, `reading took longer than ${timeLimitOf(pending.job.limits)}`);
      }, hardLimit);
      member.current = { pending, timer };
      const bytes = pending.job.bytes;
      member.worker.postMessage(pending.job, [bytes.buffer as ArrayBuffer]);
    }
  }

  private spawn(): PoolWorker {
    const member: PoolWorker = { worker: new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MB } }) };
    member.worker.on('message', (reply: DocumentReply) => this.settle(member, reply));
    member.worker.on('error', (error) => {
      const reason = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `reading took more than ${READER_HEAP_MB} MB of memory` : `the reader failed (${error.message.split('\n')[0]})`;
      this.fail(member, reason);
    });
    member.worker.on('exit', () => this.fail(member, 'the reader stopped'));
    return member;
  }

  private settle(member: PoolWorker, reply: DocumentReply): void {
    const current = member.current;
    if (!current || current.pending.job.id !== reply.id) return;
    clearTimeout(current.timer);
    member.current = undefined;
    this.busy.delete(member);
    member.worker.unref();
    this.idle.push(member);
    if ('text' in reply) current.pending.resolve(reply.text);
    else current.pending.reject(new UnreadableDocumentError(reply.unreadable));
    this.dispatch();
  }

  /** Stops a worker and gives its document up as unreadable for `reason`. */
  private fail(member: PoolWorker, reason: string): void {
    const current = member.current;
    member.current = undefined;
    this.busy.delete(member);
    const at = this.idle.indexOf(member);
    if (at !== -1) this.idle.splice(at, 1);
    member.worker.removeAllListeners();
    void member.worker.terminate();
    if (current) {
      clearTimeout(current.timer);
      current.pending.reject(new UnreadableDocumentError(reason));
    }
    this.dispatch();
  }
}

let pool: DocumentPool | undefined | null;

/**
 * Reads a document in the worker pool; throws UnreadableDocumentError for a document that cannot be
 * read, overran its time or memory limit, or stopped its reader.
 */
export function readDocumentInPool(extension: string, bytes: Uint8Array, limits: DocumentLimits): Promise<DocumentText> {
  if (pool === undefined) {
    const script = workerScript();
    pool = script ? new DocumentPool(script, Math.max(1, Math.min(os.availableParallelism(), 4))) : null;
  }
  // The pool takes the bytes it is given: give it a copy.
  return pool ? pool.read(extension, new Uint8Array(bytes), limits) : readDocument(extension, bytes, limits);
}
