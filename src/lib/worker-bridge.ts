/**
 * The page side of every worker of the site, in the shape of Squoosh's
 * worker bridge: the worker starts on first use (or on the reader's intent,
 * `warmUp`), requests run one after another in a FIFO queue, each with a time
 * budget, and the worker is stopped after WORKER_IDLE_MS with nothing to do
 * (IdleStop), so its memory goes back to the device.
 *
 * Nothing is waited on forever and nothing is dropped in silence:
 * - a request over its budget ends as `timeout`, and the worker is terminated
 *   (the only way to stop a decoder in the middle of a frame); the next
 *   request starts a new one;
 * - an answer that fails the protocol's schema, a fault the worker reports
 *   (it refused our request, or refused to send an answer its own schema
 *   rejects) or a message that is not an envelope at all ends the request at
 *   once as `internal`, with its cause;
 * - a worker that fails to load or throws ends the request as `crashed`;
 * - an AbortSignal rejects with an AbortError: a queued request leaves the
 *   queue, the running one terminates the worker.
 */
import { IdleStop, WORKER_IDLE_MS } from './idle-stop';
import { causeOf, fromWorkerSchema, type Protocol, type ToWorker } from './worker-wire';

/** Why a request has no answer. */
export type BridgeFailure = { code: 'timeout' } | { code: 'crashed' } | { code: 'internal'; cause: string };

/** The answer, or why there is none. */
export type BridgeResult<Reply> = { ok: true; reply: Reply } | { ok: false; failure: BridgeFailure };

/** Options of one request. */
export interface CallOptions<Progress> {
  /** How long the worker may take (ms) before it is stopped. */
  budgetMs: number;
  /** Aborting rejects the call with an AbortError. */
  signal?: AbortSignal | undefined;
  /** Progress the worker reports before its answer; `extend(ms)` restarts the budget with a new length. */
  onProgress?: ((progress: Progress, extend: (ms: number) => void) => void) | undefined;
}

/** How to make the worker and what it speaks. */
export interface BridgeOptions<Request, Reply, Progress> {
  /** Creates the worker: `() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`. */
  create: () => Worker;
  protocol: Protocol<Request, Reply, Progress>;
  /** Idle time before the worker is stopped (tests shorten it). */
  idleMs?: number;
}

interface Job<Request, Reply, Progress> {
  id: number;
  request: Request;
  options: CallOptions<Progress>;
  resolve: (result: BridgeResult<Reply>) => void;
  reject: (error: unknown) => void;
}

const abortError = (signal: AbortSignal | undefined): Error => (signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));

/** One worker and its queue; create one per tool (or one per module, for a page-wide service). */
export class WorkerBridge<Request, Reply, Progress = never> {
  readonly #create: () => Worker;
  readonly #protocol: Protocol<Request, Reply, Progress>;
  readonly #idleStop: IdleStop;
  #worker: Worker | undefined;
  #queue: Array<Job<Request, Reply, Progress>> = [];
  #running: { job: Job<Request, Reply, Progress>; end: (result: BridgeResult<Reply>) => void } | undefined;
  #counter = 0;

  constructor(options: BridgeOptions<Request, Reply, Progress>) {
    this.#create = options.create;
    this.#protocol = options.protocol;
    this.#idleStop = new IdleStop(() => this.terminate(), options.idleMs ?? WORKER_IDLE_MS);
  }

  /** True while a worker exists (tests and the idle e2e checks read it). */
  get started(): boolean {
    return this.#worker !== undefined;
  }

  /** Starts the worker ahead of the first request, when the reader shows intent: its script loads while they choose. */
  warmUp(): void {
    this.#ensureWorker();
    if (!this.#running && this.#queue.length === 0) this.#idleStop.idle();
  }

  /** Stops the worker now; the running request (if any) ends as `crashed`, queued ones start a new worker. */
  terminate(): void {
    this.#idleStop.busy(); // a stopped worker has no idle time left to count
    const worker = this.#worker;
    this.#worker = undefined;
    worker?.terminate();
    this.#running?.end({ ok: false, failure: { code: 'crashed' } });
  }

  /** Sends one request; resolves with the answer or the failure, rejects only with an AbortError. */
  call(request: Request, options: CallOptions<Progress>): Promise<BridgeResult<Reply>> {
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(abortError(options.signal));
        return;
      }
      const job: Job<Request, Reply, Progress> = { id: ++this.#counter, request, options, resolve, reject };
      this.#queue.push(job);
      this.#idleStop.busy();
      options.signal?.addEventListener(
        'abort',
        () => {
          const queued = this.#queue.indexOf(job);
          if (queued >= 0) {
            this.#queue.splice(queued, 1);
            reject(abortError(options.signal));
            this.#settled();
          }
        },
        { once: true },
      );
      this.#next();
    });
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.#create();
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (worker === this.#worker) this.#onMessage(event.data);
    });
    worker.addEventListener('messageerror', () => {
      if (worker === this.#worker) this.#running?.end({ ok: false, failure: { code: 'internal', cause: 'messageerror: a message could not be deserialized' } });
    });
    worker.addEventListener('error', () => {
      if (worker !== this.#worker) return;
      this.#worker = undefined;
      worker.terminate();
      this.#running?.end({ ok: false, failure: { code: 'crashed' } });
    });
    this.#worker = worker;
    return worker;
  }

  #onMessage(data: unknown): void {
    const running = this.#running;
    if (!running) return;
    const envelope = fromWorkerSchema.safeParse(data);
    if (!envelope.success) {
      // One request runs at a time: whatever this is, it was meant as its answer.
      running.end({ ok: false, failure: { code: 'internal', cause: causeOf(envelope.error, 'envelope refused') } });
      return;
    }
    const message = envelope.data;
    if (message.id !== running.job.id) return; // a late answer of a request that already ended
    if (message.kind === 'fault') {
      running.end({ ok: false, failure: { code: 'internal', cause: message.cause } });
      return;
    }
    if (message.kind === 'progress') {
      const progress = this.#protocol.progress.safeParse(message.body);
      if (!progress.success) running.end({ ok: false, failure: { code: 'internal', cause: causeOf(progress.error, 'progress refused') } });
      else running.job.options.onProgress?.(progress.data, (ms) => this.#arm(ms));
      return;
    }
    const reply = this.#protocol.reply.safeParse(message.body);
    running.end(reply.success ? { ok: true, reply: reply.data } : { ok: false, failure: { code: 'internal', cause: causeOf(reply.error, 'reply refused') } });
  }

  #timer: ReturnType<typeof setTimeout> | undefined;

  /** (Re)starts the running request's budget. */
  #arm(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const running = this.#running;
      if (!running) return;
      running.end({ ok: false, failure: { code: 'timeout' } });
      this.terminate();
    }, ms);
  }

  #next(): void {
    if (this.#running) return;
    const job = this.#queue.shift();
    if (!job) return;
    const { signal } = job.options;
    const onAbort = (): void => {
      end(undefined);
      this.terminate();
      job.reject(abortError(signal));
    };
    let ended = false;
    const end = (result: BridgeResult<Reply> | undefined): void => {
      if (ended) return;
      ended = true;
      clearTimeout(this.#timer);
      signal?.removeEventListener('abort', onAbort);
      this.#running = undefined;
      if (result) job.resolve(result);
      this.#settled();
      queueMicrotask(() => this.#next());
    };
    this.#running = { job, end };
    signal?.addEventListener('abort', onAbort, { once: true });
    let worker: Worker;
    try {
      worker = this.#ensureWorker();
    } catch {
      end({ ok: false, failure: { code: 'crashed' } });
      return;
    }
    this.#arm(job.options.budgetMs);
    const message: ToWorker = { id: job.id, body: job.request };
    try {
      worker.postMessage(message);
    } catch (error) {
      // DataCloneError: the request holds something that cannot cross to a worker (a bug).
      end({ ok: false, failure: { code: 'internal', cause: `request not sent: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) } });
    }
  }

  /** Counts idle time once nothing is running or queued. */
  #settled(): void {
    if (!this.#running && this.#queue.length === 0 && this.#worker) this.#idleStop.idle();
  }
}
