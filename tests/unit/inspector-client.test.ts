/**
 * The worker client never waits forever: a file that does not answer within
 * the timeout is reported as failed and the worker is replaced; a new choice
 * (AbortSignal) stops the current read. A fake Worker stands in for the real one.
 */
import { describe, expect, it, vi } from 'vitest';
import { FakeWorker, useFakeWorker } from '../support/fake-worker';

describe('inspector client', () => {
  useFakeWorker(undefined); // a looping file: no answer ever comes

  it('reports a silent file as timed out and replaces the worker', async () => {
    const { readFile, READ_TIMEOUT_MS } = await import('../../src/features/inspector/client');
    const pending = readFile(new File([new Uint8Array([0xff, 0xd8])], 'loop.jpg'));
    await vi.advanceTimersByTimeAsync(READ_TIMEOUT_MS + 1);
    await expect(pending).resolves.toEqual({ ok: false, code: 'timeout' });
    expect(FakeWorker.terminated).toBe(1);
    const next = readFile(new File([new Uint8Array([1])], 'next.jpg'));
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeWorker.created).toBe(2);
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
    expect(FakeWorker.terminated).toBe(1);
  });
});
