/**
 * A stand-in for `Worker` in the unit tests of the worker clients: it counts
 * the workers created and terminated and the requests posted, and answers each
 * request after `answerAfter` ms as a worker refusing a truncated file would
 * (in the bridge's envelope, a body both the inspector's and the cleaner's protocol accept), or never
 * (`answerAfter: undefined`: a file that loops). `useFakeWorker()` installs it
 * with fake timers around each test and resets the counts.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export class FakeWorker extends EventTarget {
  static created = 0;
  static terminated = 0;
  static requests = 0;
  /** How long each answer takes (ms); undefined: no answer ever comes. */
  static answerAfter: number | undefined = 5;
  constructor() {
    super();
    FakeWorker.created++;
  }
  postMessage(message: { id: number }): void {
    FakeWorker.requests++;
    const after = FakeWorker.answerAfter;
    if (after === undefined) return;
    setTimeout(
      () =>
        this.dispatchEvent(new MessageEvent('message', { data: { kind: 'done', id: message.id, body: { type: 'failed', code: 'truncated', leftovers: [] } } })),
      after,
    );
  }
  terminate(): void {
    FakeWorker.terminated++;
  }
}

/** Every test of the calling file gets fake timers, FakeWorker as `Worker` (answering after `answerAfter` ms) and fresh modules. */
export function useFakeWorker(answerAfter: number | undefined): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.created = 0;
    FakeWorker.terminated = 0;
    FakeWorker.requests = 0;
    FakeWorker.answerAfter = answerAfter;
    vi.resetModules();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}
