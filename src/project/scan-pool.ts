// Documents are read, and the text files of a walk scanned, in worker threads: both cores work, one
// huge or hostile file neither stalls the run nor brings it down, and a job that overruns its time
// limit or its memory is stopped and reported, not waited for. A synchronous parser cannot be
// interrupted in the thread it runs in; a worker can be stopped from outside.
import fs from 'node:fs';
import os from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import { timeLimitOf } from '../core/scan.js';
import type { FileReport } from '../core/finding.js';
import type { FileScanOptions } from './files.js';
import type { ScanJob, ScanReply } from './scan-worker.js';

/** Memory one worker's JavaScript heap may take before it is stopped. */
const READER_HEAP_MB = 1536;
/**
 * Memory the whole run may take while documents are read. A reader's buffers (what pdfjs inflates
 * a stream into) lie outside the heap limit; the run's resident memory is watched instead, and past
 * this the documents being read are stopped.
 */
export const RUN_MEMORY_LIMIT_MB = 2048;
const MEMORY_CHECK_MS = 50;
let runMemoryLimitMb = RUN_MEMORY_LIMIT_MB;

/** Sets the memory a run may take while documents are read (a lower one for tests). */
export function setRunMemoryLimit(megabytes: number): void {
  runMemoryLimitMb = megabytes;
}

/** A job the pool stopped, or whose worker failed: `reason` says which, in words for a notice. */
export class StoppedJobError extends Error {
  override name = 'StoppedJobError';
}

interface Pending {
  job: ScanJob;
  /** How long the job may take before its worker is stopped. */
  hardLimitMs: number;
  /** The time limit a notice names. */
  shownLimitMs: number;
  /** A job whose memory nothing else bounds (a document's reader): stopped when the run's memory passes its limit. */
  watchMemory: boolean;
  resolve: (reply: ScanReply) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  /** Whether the worker has loaded its modules: a job's time starts then, not while it starts up. */
  ready: boolean;
  current?: { pending: Pending; timer?: NodeJS.Timeout };
}

/**
 * The compiled worker beside this module (in dist/src/project, or in the bundle); run from the TypeScript sources (the tests), the one
 * `tsc` built into dist/. Undefined when there is none: documents are then read in this thread.
 */
function workerScript(): URL | undefined {
  const beside = new URL('./scan-worker.js', import.meta.url);
  const script = import.meta.url.endsWith('.ts') ? new URL('../../dist/src/project/scan-worker.js', import.meta.url) : beside;
  return fs.existsSync(script) ? script : undefined;
}

class ScanPool {
  private readonly idle: PoolWorker[] = [];
  private readonly busy = new Set<PoolWorker>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private memoryWatch?: NodeJS.Timeout;

  constructor(
    private readonly script: URL,
    private readonly size: number,
  ) {}

  /** Runs a job (its bytes, if any, are transferred to the worker) within its limits. */
  run(task: Omit<ScanJob, 'id'>, limits: Pick<Pending, 'hardLimitMs' | 'shownLimitMs' | 'watchMemory'>): Promise<ScanReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...task, id: this.nextId++ }, ...limits, resolve, reject });
      this.dispatch();
    });
  }

  /** While a watched job runs, checks the run's memory, and stops the watched jobs past the limit. */
  private watchMemory(): void {
    const watched = (): PoolWorker[] => [...this.busy].filter((member) => member.current?.pending.watchMemory);
    if (this.memoryWatch || watched().length === 0) return;
    this.memoryWatch = setInterval(() => {
      const running = watched();
      if (running.length === 0) {
        clearInterval(this.memoryWatch);
        this.memoryWatch = undefined;
        return;
      }
      if (process.memoryUsage.rss() <= runMemoryLimitMb * 1024 * 1024) return;
      for (const member of running) this.fail(member, `took the run past ${runMemoryLimitMb} MB of memory`);
    }, MEMORY_CHECK_MS);
    this.memoryWatch.unref();
  }

  private dispatch(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.busy.size < this.size)) {
      const pending = this.queue.shift()!;
      const member = this.idle.pop() ?? this.spawn();
      this.busy.add(member);
      member.worker.ref();
      member.current = { pending };
      if (member.ready) this.startClock(member);
      const { bytes } = pending.job;
      member.worker.postMessage(pending.job, bytes ? [bytes.buffer as ArrayBuffer] : []);
    }
    this.watchMemory();
  }

  private startClock(member: PoolWorker): void {
    const current = member.current!;
    current.timer = setTimeout(() => {
      this.fail(member, `took longer than ${timeLimitOf(current.pending.shownLimitMs)}`);
    }, current.pending.hardLimitMs);
  }

  private spawn(): PoolWorker {
    const member: PoolWorker = { worker: new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MB } }), ready: false };
    member.worker.on('message', (reply: ScanReply | 'ready') => {
      if (reply !== 'ready') return this.settle(member, reply);
      member.ready = true;
      if (member.current) this.startClock(member);
    });
    member.worker.on('error', (error) => {
      const reason = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `took more than ${READER_HEAP_MB} MB of memory` : `failed (${error.message.split('\n')[0]})`;
      this.fail(member, reason);
    });
    member.worker.on('exit', () => this.fail(member, 'stopped'));
    return member;
  }

  private settle(member: PoolWorker, reply: ScanReply): void {
    const current = member.current;
    if (!current || current.pending.job.id !== reply.id) return;
    clearTimeout(current.timer);
    member.current = undefined;
    this.busy.delete(member);
    member.worker.unref();
    this.idle.push(member);
    current.pending.resolve(reply);
    this.dispatch();
  }

  /** Stops a worker and gives its job up as stopped for `reason`. */
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
      current.pending.reject(new StoppedJobError(reason));
    }
    this.dispatch();
  }
}

let pool: ScanPool | undefined | null;
let poolSize = Math.max(1, Math.min(os.availableParallelism(), 4));

/** How many workers the pool may run (`--concurrency`); takes effect when the pool starts. */
export function setPoolSize(size: number): void {
  poolSize = Math.max(1, Math.floor(size));
}

/**
 * The pool, started on first use; null when there is no compiled worker to run, and in a worker
 * (which scans in its own thread).
 */
function thePool(): ScanPool | null {
  if (pool === undefined) {
    const script = isMainThread ? workerScript() : undefined;
    pool = script ? new ScanPool(script, poolSize) : null;
  }
  return pool;
}

/** Whether jobs can go to workers here: not inside one, nor without a compiled worker script. */
export function poolAvailable(): boolean {
  return thePool() !== null;
}

/**
 * Scans a file in the worker pool, by its path or as `bytes` read elsewhere, stopping the worker
 * past `hardLimitMs` (and, `watchMemory`, when the run's memory passes its limit); a stopped job or
 * a failed worker throws StoppedJobError, whose message says what happened ("took longer than the
 * time limit (60 s)", `shownLimitMs` the limit it names).
 */
export function scanInPool(
  filePath: string,
  bytes: Uint8Array | undefined,
  options: FileScanOptions,
  limits: { hardLimitMs: number; shownLimitMs: number; watchMemory: boolean },
): Promise<FileReport> {
  const workers = thePool();
  if (!workers) throw new Error('no worker pool here');
  // The pool takes the bytes it is given: give it a copy.
  return workers.run({ filePath, ...(bytes ? { bytes: new Uint8Array(bytes) } : {}), options }, limits).then((reply) => reply.report);
}
