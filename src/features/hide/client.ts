/**
 * The page side of Hide's worker, on the shared bridge: started on the first
 * preview or download, one request at a time, each with a time budget, and
 * stopped after WORKER_IDLE_MS with nothing to do, so a full-size canvas's
 * memory goes back to the device.
 */
import { WorkerBridge, type BridgeFailure } from '../../lib/worker-bridge';
import { HIDE_PROTOCOL, type Exported, type HideReply, type HideRequest } from './protocol';
import type { Region } from './regions';

/**
 * A 48 MP export took about 0.7 s on 2 cores (research vision-2026-12 §3.4);
 * 60 s leaves room for a slow phone and a busy machine before the worker is stopped.
 */
export const EXPORT_BUDGET_MS = 60_000;

/** An export's outcome. */
export type ExportOutcome = Exported | Extract<HideReply, { type: 'failed' }>;

function failed(failure: BridgeFailure): Extract<HideReply, { type: 'failed' }> {
  if (failure.code === 'internal') return { type: 'failed', failure: 'internal', detail: failure.cause.slice(0, 300) };
  return { type: 'failed', failure: failure.code, detail: failure.code };
}

/** Drives one worker; create one per island. */
export class HideClient {
  readonly #bridge = new WorkerBridge<HideRequest, HideReply>({
    create: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'hide' }),
    protocol: HIDE_PROTOCOL,
  });

  /** The photo with its regions painted, at full size, verified; never rejects but on abort. */
  async export(file: Blob, regions: readonly Region[], position: number, maxArea?: number): Promise<ExportOutcome> {
    const request: HideRequest = { type: 'export', file, regions: [...regions], position, ...(maxArea ? { maxArea } : {}) };
    const result = await this.#bridge.call(request, { budgetMs: EXPORT_BUDGET_MS });
    if (!result.ok) return failed(result.failure);
    const reply = result.reply;
    if (reply.type === 'exported' || reply.type === 'failed') return reply;
    return { type: 'failed', failure: 'internal', detail: `unexpected answer: ${reply.type}` };
  }

  /** A small JPEG of the photo as it will be exported; undefined when it cannot be made. */
  async preview(file: Blob, regions: readonly Region[], maxEdge: number, signal?: AbortSignal): Promise<Blob | undefined> {
    const result = await this.#bridge.call({ type: 'preview', file, regions: [...regions], maxEdge }, { budgetMs: EXPORT_BUDGET_MS, signal });
    return result.ok && result.reply.type === 'preview' ? result.reply.blob : undefined;
  }

  /** One ZIP of exported files (names already unique); rejects when it cannot be built. */
  async zip(entries: Array<{ name: string; blob: Blob }>): Promise<Blob> {
    const result = await this.#bridge.call({ type: 'zip', entries }, { budgetMs: EXPORT_BUDGET_MS });
    if (!result.ok || result.reply.type !== 'zipped') throw new Error('zip failed');
    return result.reply.blob;
  }
}
