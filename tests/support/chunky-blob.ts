/** Test helpers for byte sources: a seeded PRNG and a Blob with an irregular stream. */

/** xorshift32: a seeded generator of numbers in [0, 1). */
export function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

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

