/**
 * The page side of the scan's worker: started when the reader asks for a
 * scan (never with the page), one photo at a time, replies parsed with zod.
 * Aborting terminates the worker (the only way to stop a model mid-run); a
 * worker left idle is stopped after WORKER_IDLE_MS so the models' memory
 * (≈ 0.45 GB at peak, research §3.1) goes back to the device. The next scan
 * starts a new worker, whose files come from the cache.
 * To be moved onto the shared worker bridge (src/lib/worker-bridge.ts) once it lands.
 */
import { IdleStop } from '../../lib/idle-stop';
import { scanReplySchema, type ScanReply, type ScanRequest } from './protocol';

let counter = 0;

/** Drives one worker; create one per island. */
export class ScanClient {
  #worker: Worker | undefined;
  readonly #idleStop = new IdleStop(() => this.terminate());

  /** Stops the worker now; the next scan starts a new one. */
  terminate(): void {
    this.#idleStop.busy();
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  /**
   * Scans one photo; `onReply` gets every reply (loading, steps, the visual
   * result, then `done` or `failed`). Resolves with the last one.
   */
  scan(file: Blob, languages: ScanRequest['languages'], onReply: (reply: ScanReply) => void, signal?: AbortSignal): Promise<ScanReply> {
    signal?.throwIfAborted();
    const id = `s${++counter}`;
    this.#worker ??= new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'vision' });
    const worker = this.#worker;
    this.#idleStop.busy();
    return new Promise((resolve, reject) => {
      const finish = (): void => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        signal?.removeEventListener('abort', onAbort);
        this.#idleStop.idle();
      };
      const onMessage = (event: MessageEvent<unknown>): void => {
        const parsed = scanReplySchema.safeParse(event.data);
        if (!parsed.success || parsed.data.id !== id) return;
        onReply(parsed.data);
        if (parsed.data.type === 'done' || parsed.data.type === 'failed') {
          finish();
          resolve(parsed.data);
        }
      };
      const onError = (event: ErrorEvent): void => {
        finish();
        this.terminate();
        const failed: ScanReply = { type: 'failed', id, failure: 'model-load', detail: event.message || 'worker error' };
        onReply(failed);
        resolve(failed);
      };
      const onAbort = (): void => {
        finish();
        this.terminate();
        reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      signal?.addEventListener('abort', onAbort, { once: true });
      const request: ScanRequest = { type: 'scan', id, file, languages };
      worker.postMessage(request);
    });
  }
}
