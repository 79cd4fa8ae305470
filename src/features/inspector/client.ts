/**
 * The page side of the inspector's worker. The worker starts on the first
 * file (so the page's initial JavaScript does not carry exifr), reads one
 * file at a time, and is terminated and restarted when a file takes longer
 * than READ_TIMEOUT_MS (a looping or gigantic structure) or when the reader
 * picks new files (AbortSignal): nothing is ever waited on forever. A worker
 * left with nothing to read is stopped after WORKER_IDLE_MS (see IdleStop).
 */
import { IdleStop } from '../../lib/idle-stop';
import { replySchema, type InspectorRequest, type ReadErrorCode, type Reading } from './protocol';

/** A file that has not answered in 10 s is reported as failed; the corpus's slowest file takes < 0.3 s. */
export const READ_TIMEOUT_MS = 10_000;

/** What reading one file gives: the reading, or the code of the reason it failed. */
export type ClientResult = { ok: true; reading: Reading } | { ok: false; code: ReadErrorCode };

let worker: Worker | undefined;
let counter = 0;
/** Reads run one after another: the worker answers in order and the timeout applies to one file. */
let queue: Promise<unknown> = Promise.resolve();
/** Reads given to readFile() and not yet settled (the queued ones too): the worker is idle at 0. */
let pending = 0;

function startWorker(): Worker {
  worker ??= new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** Stops the worker once it has had nothing to read for a while (its memory goes back to the device). */
const idleStop = new IdleStop(() => stopWorker());

/**
 * Starts the worker ahead of the first file, when the reader shows intent
 * (points at, focuses or drags onto the picker): its script is fetched and
 * compiled while the file dialog is open, not after the file is chosen.
 */
export function warmUp(): void {
  startWorker();
  if (pending === 0) idleStop.idle();
}

function stopWorker(): void {
  idleStop.busy(); // a stopped worker has no idle time left to count
  worker?.terminate();
  worker = undefined;
}

function readNow(file: File, signal?: AbortSignal, onQuick?: (reading: Reading) => void): Promise<ClientResult> {
  return new Promise<ClientResult>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const w = startWorker();
    const id = `r${++counter}`;
    const done = (): void => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    const onMessage = (event: MessageEvent<unknown>): void => {
      const reply = replySchema.safeParse(event.data);
      if (!reply.success || reply.data.id !== id) return;
      if (reply.data.type === 'reading' && !reply.data.final) {
        onQuick?.(reply.data.reading);
        return;
      }
      done();
      resolve(reply.data.type === 'reading' ? { ok: true, reading: reply.data.reading } : { ok: false, code: reply.data.code });
    };
    const onError = (): void => {
      done();
      stopWorker();
      resolve({ ok: false, code: 'unreadable' });
    };
    const onAbort = (): void => {
      done();
      stopWorker();
      reject(new DOMException('Aborted', 'AbortError'));
    };
    const timer = setTimeout(() => {
      done();
      stopWorker();
      resolve({ ok: false, code: 'timeout' });
    }, READ_TIMEOUT_MS);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    const request: InspectorRequest = { type: 'read', id, file };
    w.postMessage(request);
  });
}

/**
 * Reads one file in the worker. Rejects with an AbortError when `signal` aborts.
 * `onQuick` receives the early reading of a large JPEG's headers, before the complete one.
 */
export function readFile(file: File, signal?: AbortSignal, onQuick?: (reading: Reading) => void): Promise<ClientResult> {
  pending++;
  idleStop.busy();
  const next = queue.then(() => readNow(file, signal, onQuick));
  queue = next
    .catch(() => undefined)
    .finally(() => {
      pending--;
      if (pending === 0 && worker) idleStop.idle();
    });
  return next;
}
