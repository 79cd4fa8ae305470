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

