/**
 * The one worker bridge (src/lib/worker-bridge.ts) and its worker side
 * (src/lib/worker-serve.ts): requests queue in order and none is refused, an
 * answer the protocol refuses ends the request at once as an internal error
 * with its cause (never as a time-out), the worker refuses to send an answer
 * its own schema rejects, aborting a queued request leaves the worker alone.
 * The worker here is the real `serve()` wired to the bridge through a pair of
 * in-memory ports, so both sides run as in the browser.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { WorkerBridge } from '../../src/lib/worker-bridge';
import { serve, type WorkerScope } from '../../src/lib/worker-serve';
import type { FromWorker } from '../../src/lib/worker-wire';

const protocol = {
  request: z.object({ n: z.number(), wait: z.number().default(0), answer: z.enum(['good', 'too-long', 'throw', 'progress', 'bad-progress']).default('good') }),
  reply: z.object({ n: z.number(), items: z.array(z.string()).max(3) }),
  progress: z.object({ step: z.string().max(5) }),
};
type Request = z.input<typeof protocol.request>;
type Reply = z.infer<typeof protocol.reply>;
type Progress = z.infer<typeof protocol.progress>;

/** A Worker whose other end is a real `serve()` handler (messages cross as in a browser: asynchronously). */
class PairedWorker extends EventTarget {
  static created = 0;
  static terminated = 0;
  static handled: number[] = [];
  /** Raw messages to send instead of serving (a worker that speaks nonsense). */
  static raw: unknown[] | undefined;
  static last: PairedWorker | undefined;
  readonly #scope: EventTarget & WorkerScope;
  #alive = true;
  constructor() {
    super();
    PairedWorker.created++;
    PairedWorker.last = this;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fake worker's scope posts back to this very object
    const page = this;
    const scope = Object.assign(new EventTarget(), {
      postMessage(message: FromWorker) {
        setTimeout(() => page.#alive && page.dispatchEvent(new MessageEvent('message', { data: message })), 0);
      },
    });
    this.#scope = scope as EventTarget & WorkerScope;
    serve(this.#scope, protocol, async (request, { progress }) => {
      PairedWorker.handled.push(request.n);
      if (request.wait && request.answer !== 'progress') await new Promise((r) => setTimeout(r, request.wait));
      if (request.answer === 'throw') throw new Error('boom');
      if (request.answer === 'progress') progress({ step: 'half' });
      if (request.answer === 'bad-progress') progress({ step: 'far too long' });
      if (request.answer === 'progress') await new Promise((r) => setTimeout(r, request.wait));
      return { n: request.n, items: request.answer === 'too-long' ? ['a', 'b', 'c', 'd'] : ['a'] };
    });
  }
  postMessage(message: unknown): void {
    const raw = PairedWorker.raw;
    if (raw) {
      for (const data of raw) setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data })), 0);
      return;
    }
    setTimeout(() => this.#alive && this.#scope.dispatchEvent(new MessageEvent('message', { data: message })), 0);
  }
  terminate(): void {
    this.#alive = false;
    PairedWorker.terminated++;
  }
}

const bridge = (idleMs = 10_000): WorkerBridge<Request, Reply, Progress> =>
  new WorkerBridge({ create: () => new PairedWorker() as unknown as Worker, protocol, idleMs });

describe('worker bridge', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    PairedWorker.created = 0;
    PairedWorker.terminated = 0;
    PairedWorker.handled = [];
    PairedWorker.raw = undefined;
  });
  afterEach(() => vi.useRealTimers());

  it('queues requests and answers each in order, one worker for all', async () => {
    const b = bridge();
    const first = b.call({ n: 1, wait: 50 }, { budgetMs: 1_000 });
    const second = b.call({ n: 2 }, { budgetMs: 1_000 });
    await vi.advanceTimersByTimeAsync(100);
    await expect(first).resolves.toEqual({ ok: true, reply: { n: 1, items: ['a'] } });
    await expect(second).resolves.toEqual({ ok: true, reply: { n: 2, items: ['a'] } });
    expect(PairedWorker.handled).toEqual([1, 2]);
    expect(PairedWorker.created).toBe(1);
  });

  it('an answer over the protocol’s limits is not sent: the request ends at once as internal, with the cause', async () => {
    const b = bridge();
    const pending = b.call({ n: 1, answer: 'too-long' }, { budgetMs: 10_000 });
    await vi.advanceTimersByTimeAsync(5);
    const result = await pending;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.code).toBe('internal');
    expect(result.failure.code === 'internal' && result.failure.cause).toMatch(/^reply not sent: items:/);
    // The worker is still good for the next request.
    const next = b.call({ n: 2 }, { budgetMs: 1_000 });
    await vi.advanceTimersByTimeAsync(5);
    await expect(next).resolves.toMatchObject({ ok: true });
    expect(PairedWorker.created).toBe(1);
  });

  it('a handler that throws, and a request the worker refuses, are faults with their cause', async () => {
    const b = bridge();
    const thrown = b.call({ n: 1, answer: 'throw' }, { budgetMs: 1_000 });
    // A request the page typed wrongly (n is not a number): the worker refuses it.
    const refused = b.call({ n: 'x' } as unknown as Request, { budgetMs: 1_000 });
    await vi.advanceTimersByTimeAsync(10);
    await expect(thrown).resolves.toEqual({ ok: false, failure: { code: 'internal', cause: 'handler failed: Error: boom' } });
    await expect(refused).resolves.toMatchObject({ ok: false, failure: { code: 'internal', cause: expect.stringMatching(/^request refused: n:/) } });
  });

  it('a message that is not an envelope, or a reply the page’s schema refuses, ends the request at once', async () => {
    PairedWorker.raw = [{ hello: 'world' }];
    const b = bridge();
    const pending = b.call({ n: 1 }, { budgetMs: 10_000 });
    await vi.advanceTimersByTimeAsync(5);
    await expect(pending).resolves.toMatchObject({ ok: false, failure: { code: 'internal', cause: expect.stringMatching(/^envelope refused/) } });
    PairedWorker.raw = [{ kind: 'done', id: 2, body: { n: 2, items: ['1', '2', '3', '4', '5'] } }];
    const second = b.call({ n: 2 }, { budgetMs: 10_000 });
    await vi.advanceTimersByTimeAsync(5);
    await expect(second).resolves.toMatchObject({ ok: false, failure: { code: 'internal', cause: expect.stringMatching(/^reply refused: items:/) } });
  });

  it('progress reaches the caller and may extend the budget; invalid progress is a fault', async () => {
    const b = bridge();
    const seen: string[] = [];
    const pending = b.call(
      { n: 1, answer: 'progress', wait: 300 },
      {
        budgetMs: 200,
        onProgress: (p, extend) => {
          seen.push(p.step);
          extend(1_000);
        },
      },
    );
    await vi.advanceTimersByTimeAsync(700);
    await expect(pending).resolves.toMatchObject({ ok: true });
    expect(seen).toEqual(['half']);
    const bad = b.call({ n: 2, answer: 'bad-progress' }, { budgetMs: 1_000 });
    await vi.advanceTimersByTimeAsync(5);
    await expect(bad).resolves.toMatchObject({ ok: false, failure: { code: 'internal', cause: expect.stringMatching(/^progress not sent/) } });
  });

  it('over its budget a request times out and the worker is replaced', async () => {
    const b = bridge();
    const slow = b.call({ n: 1, wait: 5_000 }, { budgetMs: 100 });
    const next = b.call({ n: 2 }, { budgetMs: 1_000 });
    await vi.advanceTimersByTimeAsync(150);
    await expect(slow).resolves.toEqual({ ok: false, failure: { code: 'timeout' } });
    await expect(next).resolves.toMatchObject({ ok: true, reply: { n: 2 } });
    expect(PairedWorker.terminated).toBe(1);
    expect(PairedWorker.created).toBe(2);
  });

  it('aborting a queued request leaves the running one and the worker alone; aborting the running one stops the worker', async () => {
    const b = bridge();
    const running = b.call({ n: 1, wait: 100 }, { budgetMs: 1_000 });
    const controller = new AbortController();
    const queued = b.call({ n: 2 }, { budgetMs: 1_000, signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(150);
    await expect(running).resolves.toMatchObject({ ok: true });
    expect(PairedWorker.terminated).toBe(0);
    expect(PairedWorker.handled).toEqual([1]);
    const stop = new AbortController();
    const current = b.call({ n: 3, wait: 1_000 }, { budgetMs: 5_000, signal: stop.signal });
    await vi.advanceTimersByTimeAsync(10);
    stop.abort();
    await expect(current).rejects.toMatchObject({ name: 'AbortError' });
    expect(PairedWorker.terminated).toBe(1);
  });

  it('stops the worker after the idle time, never while a request runs', async () => {
    const b = bridge(1_000);
    const long = b.call({ n: 1, wait: 3_000 }, { budgetMs: 10_000 });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(PairedWorker.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(1_100);
    await expect(long).resolves.toMatchObject({ ok: true });
    expect(b.started).toBe(true);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(PairedWorker.terminated).toBe(1);
    expect(b.started).toBe(false);
  });

  it('a worker that fails ends its request as crashed, and the next request starts a new one', async () => {
    const b = bridge();
    const pending = b.call({ n: 1, wait: 1_000 }, { budgetMs: 5_000 });
    await vi.advanceTimersByTimeAsync(5);
    // The worker's script threw (or failed to load): the browser fires `error` on the Worker.
    PairedWorker.last?.dispatchEvent(new Event('error'));
    await expect(pending).resolves.toEqual({ ok: false, failure: { code: 'crashed' } });
    const next = b.call({ n: 2 }, { budgetMs: 1_000 });
    await vi.advanceTimersByTimeAsync(5);
    await expect(next).resolves.toMatchObject({ ok: true, reply: { n: 2 } });
    expect(PairedWorker.created).toBe(2);
  });
});
