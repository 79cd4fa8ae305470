/**
 * A worker with nothing to do is stopped after WORKER_IDLE_MS, and only then:
 * work given before that keeps it (and its warm caches), and the next request
 * after the stop starts a new one. Checked on the timer itself and through
 * both workers' clients, with a fake Worker that answers every request.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleStop, WORKER_IDLE_MS } from '../../src/lib/idle-stop';
import { FakeWorker, useFakeWorker } from '../support/fake-worker';

const photo = (): File => new File([new Uint8Array([0xff, 0xd8, 0xff])], 'IMG_0001.jpg', { type: 'image/jpeg' });

describe('IdleStop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stops once, WORKER_IDLE_MS after the last idle(), unless work comes first', () => {
    const stop = vi.fn();
    const idle = new IdleStop(stop);
    idle.idle();
    vi.advanceTimersByTime(WORKER_IDLE_MS - 1);
    expect(stop).not.toHaveBeenCalled();
    idle.busy();
    vi.advanceTimersByTime(WORKER_IDLE_MS * 3);
    expect(stop).not.toHaveBeenCalled();
    idle.idle();
    vi.advanceTimersByTime(WORKER_IDLE_MS / 2);
    idle.idle(); // idle again (another warm-up): the count starts over
    vi.advanceTimersByTime(WORKER_IDLE_MS - 1);
    expect(stop).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(stop).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(WORKER_IDLE_MS * 3);
    expect(stop).toHaveBeenCalledTimes(1);
  });
});

describe('idle workers', () => {
  useFakeWorker(5);

  it('the inspector keeps its worker between files and stops it when idle', async () => {
    const { readFile } = await import('../../src/features/inspector/client');
    const first = readFile(photo());
    const second = readFile(photo());
    await vi.advanceTimersByTimeAsync(20);
    await expect(first).resolves.toEqual({ ok: false, code: 'truncated' });
    await expect(second).resolves.toEqual({ ok: false, code: 'truncated' });
    expect(FakeWorker.requests).toBe(2);
    await vi.advanceTimersByTimeAsync(WORKER_IDLE_MS - 100);
    const third = readFile(photo());
    await vi.advanceTimersByTimeAsync(20);
    await expect(third).resolves.toMatchObject({ ok: false });
    expect(FakeWorker.created).toBe(1);
    expect(FakeWorker.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(WORKER_IDLE_MS);
    expect(FakeWorker.terminated).toBe(1);
    const fourth = readFile(photo());
    await vi.advanceTimersByTimeAsync(20);
    await expect(fourth).resolves.toMatchObject({ ok: false });
    expect(FakeWorker.created).toBe(2);
  });

  it('both stop a worker started ahead of a file that never came', async () => {
    const { warmUp } = await import('../../src/features/inspector/client');
    const { CleanerClient } = await import('../../src/features/cleaner/client');
    warmUp();
    new CleanerClient().warmUp();
    expect(FakeWorker.created).toBe(2);
    await vi.advanceTimersByTimeAsync(WORKER_IDLE_MS - 1);
    expect(FakeWorker.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWorker.terminated).toBe(2);
  });

  it('the cleaner keeps its worker through a batch and stops it when idle', async () => {
    const { CleanerClient } = await import('../../src/features/cleaner/client');
    const client = new CleanerClient();
    client.warmUp();
    await vi.advanceTimersByTimeAsync(WORKER_IDLE_MS - 100);
    for (let i = 0; i < 3; i++) {
      const outcome = client.clean(photo(), { keepOrientation: true, keepColorProfile: true });
      await vi.advanceTimersByTimeAsync(20);
      await expect(outcome).resolves.toMatchObject({ type: 'failed', code: 'truncated' });
      // Time between files (a reader reading the report) shorter than the idle time keeps the worker.
      await vi.advanceTimersByTimeAsync(WORKER_IDLE_MS - 100);
    }
    expect(FakeWorker.created).toBe(1);
    expect(FakeWorker.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeWorker.terminated).toBe(1);
    const next = client.clean(photo(), { keepOrientation: true, keepColorProfile: true });
    await vi.advanceTimersByTimeAsync(20);
    await expect(next).resolves.toMatchObject({ type: 'failed' });
    expect(FakeWorker.created).toBe(2);
  });

  it('never stops a worker in the middle of a file, however long the file takes', async () => {
    FakeWorker.answerAfter = 2_000;
    const inspector = await import('../../src/features/inspector/client');
    const { CleanerClient } = await import('../../src/features/cleaner/client');
    const cleaner = new CleanerClient();
    inspector.warmUp();
    cleaner.warmUp();
    await vi.advanceTimersByTimeAsync(WORKER_IDLE_MS - 1_000);
    const reading = inspector.readFile(photo());
    const cleaning = cleaner.clean(photo(), { keepOrientation: true, keepColorProfile: true });
    await vi.advanceTimersByTimeAsync(2_000 + 10);
    await expect(reading).resolves.toEqual({ ok: false, code: 'truncated' });
    await expect(cleaning).resolves.toMatchObject({ type: 'failed', code: 'truncated' });
    expect(FakeWorker.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(WORKER_IDLE_MS);
    expect(FakeWorker.terminated).toBe(2);
  });
});
