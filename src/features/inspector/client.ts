/**
 * The page side of the inspector's worker, one for the page (the inspector and
 * the profile share it), on the shared bridge: the worker starts on the first
 * file or on the reader's intent (so the page's initial JavaScript does not
 * carry exifr), reads one file at a time, is restarted when a file takes
 * longer than READ_TIMEOUT_MS (a looping or gigantic structure) or when the
 * reader picks new files (AbortSignal), and stops when idle.
 */
import { WorkerBridge } from '../../lib/worker-bridge';
import { INSPECTOR_PROTOCOL, type InspectorProgress, type InspectorReply, type InspectorRequest, type ReadErrorCode, type Reading } from './protocol';
import type { ReadResult } from './reader';

/** A file that has not answered in 10 s is reported as failed; the corpus's slowest file takes < 0.3 s. */
export const READ_TIMEOUT_MS = 10_000;

/** What reading one file gives: the reading, or the code of the reason it failed (and, for a bug, its cause). */
export type ClientResult = ReadResult | { ok: false; code: 'internal'; cause: string };

const bridge = new WorkerBridge<InspectorRequest, InspectorReply, InspectorProgress>({
  create: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'inspector' }),
  protocol: INSPECTOR_PROTOCOL,
});

/** Starts the worker ahead of the first file, when the reader shows intent (points at, focuses or drags onto the picker). */
export function warmUp(): void {
  bridge.warmUp();
}

/**
 * Reads one file in the worker. Rejects only with an AbortError when `signal` aborts.
 * `onQuick` receives the early reading of a large JPEG's headers, before the complete one.
 */
export async function readFile(file: File, signal?: AbortSignal, onQuick?: (reading: Reading) => void): Promise<ClientResult> {
  const result = await bridge.call({ file }, { budgetMs: READ_TIMEOUT_MS, signal, onProgress: ({ quick }) => onQuick?.(quick) });
  if (result.ok) return result.reply.type === 'reading' ? { ok: true, reading: result.reply.reading } : { ok: false, code: result.reply.code };
  const { failure } = result;
  if (failure.code === 'internal') return { ok: false, code: 'internal', cause: failure.cause };
  const code: ReadErrorCode = failure.code === 'timeout' ? 'timeout' : 'unreadable';
  return { ok: false, code };
}
