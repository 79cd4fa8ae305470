/**
 * The page side of the cleaner's worker, on the shared bridge: started on
 * first use, one request at a time in a queue (a ZIP being built and the
 * photos chosen meanwhile wait their turn, none is refused), each with a time
 * budget. When a file runs over its budget, or the caller aborts, the worker
 * is terminated (the only way to stop a decoder in the middle of a frame) and
 * a fresh one starts with the next request. A worker left with nothing to do
 * is stopped after WORKER_IDLE_MS: the HEIC decoder's memory goes back to the
 * device, and the clean files it made stay with the page (see IdleStop).
 */
import type { CleanOptions } from '../../formats/types';
import { WorkerBridge, type BridgeFailure } from '../../lib/worker-bridge';
import { timeoutFor } from './progress';
import { CLEANER_PROTOCOL, type Cleaned, type CleanerProgress, type CleanerRequest, type CleanerResponse, type Failed } from './protocol';

/** What the page keeps of a clean file (timings go to a performance mark, not to the page's state). */
export type CleanedFile = Omit<Cleaned, 'ms' | 'phases'>;

/** The outcome of cleaning one file. */
export type CleanOutcome = CleanedFile | Failed;

/** Performance mark set for each clean file, its `detail` the worker's time and phases (the bench scripts read it). */
export const CLEAN_MARK = 'cleaner:file';

function failed(failure: BridgeFailure): Failed {
  if (failure.code === 'timeout') return { type: 'failed', code: 'timeout', leftovers: [] };
  return { type: 'failed', code: 'internal', leftovers: [], ...(failure.code === 'internal' ? { cause: failure.cause } : {}) };
}

/** Drives one worker; create one per island. */
export class CleanerClient {
  readonly #bridge = new WorkerBridge<CleanerRequest, CleanerResponse, CleanerProgress>({
    create: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'cleaner' }),
    protocol: CLEANER_PROTOCOL,
  });

  /** Starts the worker ahead of the first file, on the reader's intent (see the inspector's warmUp). */
  warmUp(): void {
    this.#bridge.warmUp();
  }

  /** Stops the worker now; the next request starts a new one. */
  terminate(): void {
    this.#bridge.terminate();
  }

  /** Cleans one file (the original is only read). Never rejects for a bad file: it answers 'failed'; rejects only on abort. */
  async clean(file: File, options: CleanOptions, signal?: AbortSignal): Promise<CleanOutcome> {
    const result = await this.#bridge.call(
      { type: 'clean', file, options },
      // A HEIC/AVIF decode gets the conversion budget once the worker says it converts.
      { budgetMs: timeoutFor(file.size, false), signal, onProgress: (_, extend) => extend(timeoutFor(0, true)) },
    );
    if (!result.ok) return failed(result.failure);
    const reply = result.reply;
    if (reply.type === 'failed') return reply;
    if (reply.type !== 'cleaned') return { type: 'failed', code: 'internal', leftovers: [], cause: `unexpected answer: ${reply.type}` };
    const { ms, phases, ...kept } = reply;
    performance.mark(CLEAN_MARK, { detail: { name: file.name, ms, phases } });
    return kept;
  }

  /** The clean file's pixels as a PNG (for the clipboard), made in the worker; rejects when it cannot be decoded. */
  async png(blob: Blob): Promise<Blob> {
    const result = await this.#bridge.call({ type: 'png', blob }, { budgetMs: timeoutFor(blob.size, true) });
    if (!result.ok || result.reply.type !== 'png') throw new Error('png failed');
    return result.reply.blob;
  }

  /** Builds one ZIP of clean files in the worker (after the requests before it); rejects when it cannot. */
  async zip(entries: Array<{ name: string; blob: Blob }>, signal?: AbortSignal): Promise<Blob> {
    const total = entries.reduce((sum, e) => sum + e.blob.size, 0);
    const result = await this.#bridge.call({ type: 'zip', entries }, { budgetMs: timeoutFor(total, false), signal });
    if (!result.ok || result.reply.type !== 'zipped') throw new Error('zip failed');
    return result.reply.blob;
  }
}
