/**
 * The worker client never waits forever: a file that does not answer within
 * the timeout is reported as failed and the worker is replaced; a new choice
 * (AbortSignal) stops the current read. A fake Worker stands in for the real one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class SilentWorker extends EventTarget {
  static created = 0;
  static terminated = 0;
  constructor() {
    super();
    SilentWorker.created++;
  }
  postMessage(): void {
    /* a looping file: no answer ever comes */
  }
  terminate(): void {
    SilentWorker.terminated++;
  }
}

describe('inspector client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', SilentWorker);
    SilentWorker.created = 0;
    SilentWorker.terminated = 0;
    vi.resetModules();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reports a silent file as timed out and replaces the worker', async () => {
    const { readFile, READ_TIMEOUT_MS } = await import('../../src/features/inspector/client');
    const pending = readFile(new File([new Uint8Array([0xff, 0xd8])], 'loop.jpg'));
    await vi.advanceTimersByTimeAsync(READ_TIMEOUT_MS + 1);
    await expect(pending).resolves.toEqual({ ok: false, code: 'timeout' });
    expect(SilentWorker.terminated).toBe(1);
    const next = readFile(new File([new Uint8Array([1])], 'next.jpg'));
    await vi.advanceTimersByTimeAsync(0);
    expect(SilentWorker.created).toBe(2);
    await vi.advanceTimersByTimeAsync(READ_TIMEOUT_MS + 1);
    await expect(next).resolves.toMatchObject({ ok: false });
  });

  it('stops at once when the reader picks other files', async () => {
    const { readFile } = await import('../../src/features/inspector/client');
    const controller = new AbortController();
    const pending = readFile(new File([new Uint8Array([1])], 'a.jpg'), controller.signal);
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(SilentWorker.terminated).toBe(1);
  });
});
