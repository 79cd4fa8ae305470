/**
 * The page side of the cleaner's worker: started on first use, one file at a
 * time, each with a time budget. When a file runs over its budget, or the
 * caller aborts, the worker is terminated (the only way to stop a decoder in
 * the middle of a frame) and a fresh one starts with the next request. A
 * worker left with nothing to do is stopped after WORKER_IDLE_MS: the HEIC
 * decoder's memory goes back to the device, and the clean files it made stay
 * with the page (see IdleStop).
 */
import type { CleanOptions } from '../../formats/types';
import { IdleStop } from '../../lib/idle-stop';
import { timeoutFor } from './progress';
import { responseSchema, type Cleaned, type CleanerResponse, type Failed } from './protocol';

/** The outcome of cleaning one file. */
export type CleanOutcome = Cleaned | Failed;

interface Pending {
  id: string;
  /** Called with the final answer; the 'converting' notice only extends the budget. */
  settle: (response: CleanerResponse | Error) => void;
  /** Restarts the budget timer with a new length. */
  extend: (ms: number) => void;
}

let counter = 0;

/** Drives one worker; create one per island. */
export class CleanerClient {
  #worker: Worker | undefined;
  #pending: Pending | undefined;
  readonly #idleStop = new IdleStop(() => this.terminate());

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'cleaner' });
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = responseSchema.safeParse(event.data);
      const pending = this.#pending;
      if (!parsed.success || !pending || parsed.data.id !== pending.id) return;
      if (parsed.data.type === 'converting') pending.extend(timeoutFor(0, true));
      else pending.settle(parsed.data);
    });
    worker.addEventListener('error', () => this.#pending?.settle(new Error('worker error')));
    this.#worker = worker;
    return worker;
  }

  /** Starts the worker ahead of the first file, on the reader's intent (see the inspector's warmUp). */
  warmUp(): void {
    this.#ensureWorker();
    if (!this.#pending) this.#idleStop.idle();
  }

  /** Stops the worker now; the next request starts a new one. */
  terminate(): void {
    this.#idleStop.busy(); // a stopped worker has no idle time left to count
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  /** Sends one request and waits for its answer, within `budget` ms. */
  #request(message: { type: 'clean'; file: Blob; options: CleanOptions } | { type: 'zip'; entries: Array<{ name: string; blob: Blob }> }, budget: number, signal?: AbortSignal): Promise<CleanerResponse | 'timeout'> {
    if (this.#pending) return Promise.reject(new Error('one request at a time'));
    signal?.throwIfAborted();
    const id = `c${++counter}`;
    const worker = this.#ensureWorker();
    this.#idleStop.busy();
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#pending = undefined;
        this.#idleStop.idle();
      };
      const onTimeout = (): void => {
        finish();
        this.terminate();
        resolve('timeout');
      };
      const onAbort = (): void => {
        finish();
        this.terminate();
        reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      };
      timer = setTimeout(onTimeout, budget);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending = {
        id,
        settle: (response) => {
          finish();
          if (response instanceof Error) {
            this.terminate();
            reject(response);
          } else resolve(response);
        },
        extend: (ms) => {
          clearTimeout(timer);
          timer = setTimeout(onTimeout, ms);
        },
      };
      worker.postMessage({ ...message, id });
    });
  }

  /** Cleans one file (the original is only read). Never rejects for a bad file: it answers 'failed'. */
  async clean(file: File, options: CleanOptions, signal?: AbortSignal): Promise<CleanOutcome> {
    const id = 'local';
    try {
      const response = await this.#request({ type: 'clean', file, options }, timeoutFor(file.size, false), signal);
      if (response === 'timeout') return { type: 'failed', id, code: 'timeout', leftovers: [] };
      if (response.type === 'cleaned' || response.type === 'failed') return response;
      return { type: 'failed', id, code: 'internal', leftovers: [] };
    } catch (error) {
      if (signal?.aborted) throw error;
      return { type: 'failed', id, code: 'internal', leftovers: [] };
    }
  }

  /** Builds one ZIP of clean files in the worker. */
  async zip(entries: Array<{ name: string; blob: Blob }>, signal?: AbortSignal): Promise<Blob> {
    const total = entries.reduce((sum, e) => sum + e.blob.size, 0);
    const response = await this.#request({ type: 'zip', entries }, timeoutFor(total, false), signal);
    if (response === 'timeout' || response.type !== 'zipped') throw new Error('zip failed');
    return response.blob;
  }
}
