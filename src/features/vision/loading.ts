/**
 * A fetch that counts the bytes of the scan's files as they arrive, so the
 * page can show a progress bar in bytes while the models load. Human and
 * tfjs call the global fetch; the worker replaces it with this one for
 * /models/ URLs only. Pure apart from fetch itself: unit-tested in Node.
 */

/** Called with the bytes of one more chunk. */
export type OnBytes = (bytes: number) => void;

/** Wraps `base` so that every response under `prefix` reports its body's bytes, chunk by chunk, before it is handed over whole. */
export function countingFetch(base: typeof fetch, prefix: string, onBytes: OnBytes): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const response = await base(input, init);
    const path = new URL(url, 'http://x').pathname;
    if (!path.startsWith(prefix) || !response.ok || !response.body) return response;
    const reader = response.body.getReader();
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      onBytes(value.byteLength);
    }
    return new Response(new Blob(chunks), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** Progress in bytes with a known total; `loaded` never passes `total` (a host's compression can make counts differ). */
export class ByteProgress {
  #loaded = 0;
  readonly total: number;
  readonly #report: (loaded: number, total: number) => void;
  #last = 0;

  constructor(total: number, report: (loaded: number, total: number) => void) {
    this.total = total;
    this.#report = report;
  }

  /** Adds bytes; reports at most every 64 KiB so the page is not flooded. */
  add(bytes: number): void {
    this.#loaded = Math.min(this.total, this.#loaded + bytes);
    if (this.#loaded - this.#last >= 65_536 || this.#loaded === this.total) {
      this.#last = this.#loaded;
      this.#report(this.#loaded, this.total);
    }
  }

  /** Everything is here (files already cached count as loaded). */
  finish(): void {
    this.#loaded = this.total;
    this.#report(this.total, this.total);
  }
}
