/** A Blob with an irregular stream, for byte-source tests. */
import { prng } from '../../scripts/batch-corpus.mjs';

/**
 * A Blob whose stream() is a default (not a byte) stream giving chunks of
 * random sizes, as some browsers do: blobSource must then copy from the
 * reader's chunks instead of filling its buffers in place (BYOB).
 */
export class ChunkyBlob extends Blob {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  readonly #seed: number;
  constructor(bytes: Uint8Array<ArrayBuffer>, seed: number) {
    super([bytes]);
    this.#bytes = bytes;
    this.#seed = seed;
  }
  override slice(start?: number, end?: number): Blob {
    return new ChunkyBlob(this.#bytes.slice(start, end), this.#seed + 1);
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const random = prng(this.#seed);
    let at = 0;
    const bytes = this.#bytes;
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        if (at >= bytes.length) {
          controller.close();
          return;
        }
        const n = 1 + Math.floor(random() * (random() < 0.2 ? 16 : 300_000));
        controller.enqueue(bytes.slice(at, at + n));
        at += n;
      },
    });
  }
}

/**
 * A Blob whose reads stop answering, as a File's stream sometimes does in a
 * Chromium worker: its stream() gives `before` bytes (byte stream, BYOB),
 * then never settles another read; its first `stalledBuffers` arrayBuffer()
 * calls never settle either. Slices share the counters, so a blobSource over
 * it meets the stalls wherever it reads.
 */
export class StallingBlob extends Blob {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  readonly #state: { before: number; stalledBuffers: number; streams: number; buffers: number };
  constructor(bytes: Uint8Array<ArrayBuffer>, state: { before: number; stalledBuffers: number; streams: number; buffers: number }) {
    super([bytes]);
    this.#bytes = bytes;
    this.#state = state;
  }
  get counts(): { streams: number; buffers: number } {
    return { streams: this.#state.streams, buffers: this.#state.buffers };
  }
  override slice(start?: number, end?: number): Blob {
    return new StallingBlob(this.#bytes.slice(start, end), this.#state);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    this.#state.buffers++;
    if (this.#state.stalledBuffers > 0) {
      this.#state.stalledBuffers--;
      return new Promise(() => undefined);
    }
    return Promise.resolve(this.#bytes.slice().buffer);
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    this.#state.streams++;
    const bytes = this.#bytes;
    const state = this.#state;
    let at = 0;
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        if (at >= bytes.length) {
          controller.close();
          return undefined;
        }
        if (state.before <= 0) return new Promise<void>(() => undefined);
        const n = Math.min(65_536, bytes.length - at, state.before);
        controller.enqueue(bytes.slice(at, at + n));
        at += n;
        state.before -= n;
        return undefined;
      },
    });
  }
}
