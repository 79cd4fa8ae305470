/**
 * Stops a worker once it has had nothing to do for a while, as Squoosh's
 * worker bridge does. A worker keeps what it loaded: after cleaning two HEIC
 * photos and an AVIF, the page's renderer process held 287 MB, and 200 MB
 * once the cleaner's worker was gone (the WebAssembly decoder's memory). The
 * next request starts a new worker, from a script the service worker has
 * precached. What the worker handed over stays valid after it stops: a clean
 * Blob is held by the page, and it downloads (and goes into a ZIP built by the
 * next worker) with the same bytes as before the stop (tests/e2e/cleaner.spec.ts).
 */

/** How long a worker may sit idle before it is stopped. */
export const WORKER_IDLE_MS = 10_000;

/** One worker's idle timer: `idle()` when its work is done, `busy()` when work is given to it. */
export class IdleStop {
  readonly #stop: () => void;
  readonly #ms: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `stop` terminates the worker and forgets it, so that the next request starts a new one. */
  constructor(stop: () => void, ms: number = WORKER_IDLE_MS) {
    this.#stop = stop;
    this.#ms = ms;
  }

  /** Work was given to the worker: it must not be stopped for being idle. */
  busy(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** The worker has nothing to do: it is stopped after the idle time unless work comes first. */
  idle(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#stop();
    }, this.#ms);
  }
}
