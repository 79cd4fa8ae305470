/**
 * The page side of the scan's worker, on the shared bridge
 * (src/lib/worker-bridge.ts): started when the reader asks for a scan (never
 * with the page), replies parsed with the protocol's schemas. Aborting
 * terminates the worker (the only way to stop a model mid-run); a worker left
 * idle is stopped after WORKER_IDLE_MS so the models' memory goes back to the
 * device. The next scan starts a new worker, whose files come from the cache.
 */
import { WorkerBridge, type BridgeFailure } from '../../lib/worker-bridge';
import { VISION_PROTOCOL, type ScanProgress, type ScanReply, type ScanRequest } from './protocol';

/**
 * Time budget: a first scan loads ≈ 21 MB of models, then reads a 12 MP photo in about ten OCR passes of 0.3–1 s on
 * 2 cores (research vision-2026-12 §3); every message from the worker restarts the budget at SILENCE_MS.
 */
export const FIRST_BUDGET_MS = 120_000;
export const SILENCE_MS = 60_000;

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
  });

  /** Stops the worker now; the next scan starts a new one. */
  terminate(): void {
    this.#bridge.terminate();
  }

  /** Scans one photo; `onProgress` gets loading, steps and the faces and objects. Rejects only on abort. */
  async scan(file: Blob, languages: ScanRequest['languages'], onProgress: (progress: ScanProgress) => void, signal?: AbortSignal): Promise<ScanReply> {
    const result = await this.#bridge.call(
      { type: 'scan', file, languages },
      {
        budgetMs: FIRST_BUDGET_MS,
        signal,
        onProgress: (progress, extend) => {
          extend(SILENCE_MS);
          onProgress(progress);
        },
      },
    );
    return result.ok ? result.reply : failed(result.failure);
  }
}
