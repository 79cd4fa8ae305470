/**
 * The page side of the guesses worker, on the shared bridge: started only
 * when the reader opts in (never with the page), stopped when idle
 * (WORKER_IDLE_MS) or when the reader cancels, replies parsed with the
 * protocol's schemas.
 */
import { WorkerBridge, type BridgeFailure } from '../../../lib/worker-bridge';
import { GUESSES_PROTOCOL, type GuessProgress, type GuessReply, type GuessRequest } from './protocol';

/**
 * Time budget: ≈ 2.1 MB to load, then two small networks per face (≈ 0.1–0.3 s a face on 2 cores, MAX_FACES 50 at most);
 * each message from the worker restarts it at SILENCE_MS.
 */
export const FIRST_BUDGET_MS = 60_000;
export const SILENCE_MS = 60_000;

function failed(failure: BridgeFailure): GuessReply {
  if (failure.code === 'timeout') return { type: 'failed', failure: 'timeout', detail: 'time budget' };
  if (failure.code === 'crashed') return { type: 'failed', failure: 'crashed', detail: 'the worker stopped' };
  return { type: 'failed', failure: 'internal', detail: failure.cause };
}

/** Drives one guesses worker. */
export class GuessClient {
  readonly #bridge = new WorkerBridge<GuessRequest, GuessReply, GuessProgress>({
    create: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'vision-guesses' }),
    protocol: GUESSES_PROTOCOL,
  });

  /** Guesses about the faces of one photo; rejects only on abort. */
  async guess(request: Omit<GuessRequest, 'type'>, onProgress: (progress: GuessProgress) => void, signal?: AbortSignal): Promise<GuessReply> {
    const result = await this.#bridge.call(
      { type: 'guess', ...request },
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
