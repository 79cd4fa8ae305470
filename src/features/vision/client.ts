/**
 * The page side of the scan's worker, on the shared bridge
 * (src/lib/worker-bridge.ts): started when the reader asks for a scan (never
 * with the page), replies parsed with the protocol's schemas. Aborting
 * terminates the worker (the only way to stop a model mid-run). A worker left
 * idle is kept WARM_IDLE_MS, so the next photo the reader chooses is scanned
 * with the models already loaded, then stopped so their memory goes back to
 * the device; it is stopped at once when the page is hidden. The next scan
 * starts a new worker, whose files come from the cache.
 */
import { WorkerBridge, type BridgeFailure } from '../../lib/worker-bridge';
import { VISION_PROTOCOL, type ScanProgress, type ScanReply, type ScanRequest } from './protocol';

/**
 * Time budget: a first scan loads ≈ 21 MB of models, then reads a 12 MP photo in about ten OCR passes of 0.3–1 s on
 * 2 cores (research vision-2026-12 §3); every message from the worker restarts the budget at SILENCE_MS.
 */
export const FIRST_BUDGET_MS = 120_000;
export const SILENCE_MS = 60_000;

/**
 * Idle time before the scan's worker stops. Its loaded models (Human, two
 * tesseract workers with French and English) held about 340 MB in the
 * renderer (556 MB with it, 215 MB once it stopped, 182 MB before the first
 * scan; 12 MP photo, headless Chromium): too much to keep for the page's whole
 * life on a phone, where a hidden tab that large is the first one killed. A
 * reader comparing photos chooses the next within a minute or two; a warm
 * worker saves the models' load (≈ 3–8 s here) on that scan.
 */
export const WARM_IDLE_MS = 120_000;

function failed(failure: BridgeFailure): ScanReply {
  if (failure.code === 'timeout') return { type: 'failed', failure: 'timeout', detail: 'time budget' };
  if (failure.code === 'crashed') return { type: 'failed', failure: 'crashed', detail: 'the worker stopped' };
  return { type: 'failed', failure: 'internal', detail: failure.cause };
}

/** Drives one worker; create one per island. */
export class ScanClient {
  readonly #bridge = new WorkerBridge<ScanRequest, ScanReply, ScanProgress>({
    create: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'vision' }),
    protocol: VISION_PROTOCOL,
    idleMs: WARM_IDLE_MS,
  });
  #running = 0;

  constructor() {
    // A hidden page is not choosing photos: its models' memory goes back to the device at once.
    if (typeof document !== 'undefined')
      document.addEventListener('visibilitychange', () => {
        if (document.hidden && this.#running === 0) this.#bridge.terminate();
      });
  }

  /** Stops the worker now; the next scan starts a new one. */
  terminate(): void {
    this.#bridge.terminate();
  }

  /** Scans one photo; `onProgress` gets loading, steps and the faces and objects. Rejects only on abort. */
  async scan(file: Blob, languages: ScanRequest['languages'], onProgress: (progress: ScanProgress) => void, signal?: AbortSignal): Promise<ScanReply> {
    this.#running++;
    const result = await this.#bridge
      .call(
        { type: 'scan', file, languages },
        {
          budgetMs: FIRST_BUDGET_MS,
          signal,
          onProgress: (progress, extend) => {
            extend(SILENCE_MS);
            onProgress(progress);
          },
        },
      )
      .finally(() => {
        this.#running--;
      });
    return result.ok ? result.reply : failed(result.failure);
  }
}
