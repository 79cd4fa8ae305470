/**
 * ByteSource implementations: random access to a file's bytes so walkers read
 * only the headers they need (a 30 MB photo is never loaded whole to list its
 * metadata). Blob reads are asynchronous and costly per call, so small reads
 * go through a cache of aligned pieces (64 KiB, growing on sequential misses);
 * large reads (the JPEG scan) go straight to the Blob.
 */
import type { ByteSource } from './types';

/** A ByteSource over bytes already in memory (Node tests, small files). Returned views share memory: do not write to them. */
export function bufferSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(offset: number, length: number): Promise<Uint8Array> {
      const start = clampOffset(offset, bytes.length);
      const end = clampOffset(start + Math.max(0, length), bytes.length);
      return Promise.resolve(bytes.subarray(start, end));
    },
  };
}

const PAGE = 64 * 1024;
/** Sequential misses double the read size up to this (see blobSource). */
const MAX_RUN = 4 * 1024 * 1024;
/** Cached bytes are capped at 8 MiB: enough for the headers of any container we walk. */
const MAX_CACHED = 8 * 1024 * 1024;
/** Files up to this size are read whole on the first miss (and then served from memory). */
export const WHOLE = 1024 * 1024;

/**
 * A ByteSource over a Blob or File (browser and Node 24), reading small ranges
 * through a cache of PAGE-aligned pieces. Each Blob read has a fixed cost
 * (~6 ms per read in a loaded Chromium worker: 345 reads of 64 KiB took
 * 2 240 ms for 22.6 MB), so when a miss starts where the previous one ended
 * (a PNG's IDAT chain, whose chunk headers sit every 8–64 KiB) or inside it, the next piece
 * is twice as long, up to MAX_RUN: 825 KB of PNG then costs 4 reads, not 13.
 * Those longer pieces come from a stream of the Blob into one reused window
 * buffer (only the latest is cached, and reads from it are copied out): a
 * 36 MB PNG whose IDAT headers sit every 32 KiB then costs one stream read of
 * the file, without touching 36 MB of fresh memory (each new page of memory
 * costs about 13 µs on a small VM: fresh buffers doubled the walk).
 * Reads longer than PAGE (the JPEG scan's 1 MiB pieces) are not cached (they
 * are used once and would evict the headers) and come from a stream of the
 * Blob (see SequentialReader): a forward pass over a 22.6 MB file then costs
 * about one read of the file instead of one costly Blob read per piece.
 */
export function blobSource(blob: Blob, options: { stallMs?: number } = {}): ByteSource {
  const stallMs = options.stallMs ?? STALL_MS;
  /** Cached pieces, oldest first (a cheap LRU: a hit moves its piece to the end). `window`: its bytes live in the reused window buffer. */
  const pieces: Piece[] = [];
  let cached = 0;
  let lastMissStart = -1;
  let lastMissEnd = -1;
  let run = PAGE;
  let sequential: SequentialReader | undefined;
  /** A read through the stream, continuing it when `offset` allows (see SequentialReader). */
  async function long(offset: number, length: number, into?: Scratch): Promise<Uint8Array> {
    if (!sequential?.canRead(offset)) {
      sequential?.close();
      sequential = new SequentialReader(blob, offset, stallMs);
    }
    try {
      return await sequential.read(offset, length, into);
    } catch (error) {
      if (!(error instanceof ReadStalled)) throw error;
      // The stream stopped answering (see STALL_MS): drop it and read this range on its own; the next long read starts a new stream.
      sequential.close();
      sequential = undefined;
      return readRange(blob, offset, offset + length, stallMs);
    }
  }
  /** The cached piece holding [offset, end), if any (a hit moves it to the end). */
  function cachedPiece(offset: number, end: number): Piece | undefined {
    for (let i = pieces.length - 1; i >= 0; i--) {
      const p = pieces[i]!;
      if (offset >= p.start && end <= p.start + p.size) {
        if (i !== pieces.length - 1) pieces.push(...pieces.splice(i, 1));
        return p;
      }
    }
    return undefined;
  }
  function drop(p: Piece): void {
    const i = pieces.indexOf(p);
    if (i >= 0) {
      pieces.splice(i, 1);
      cached -= p.size;
    }
  }
  async function piece(offset: number, end: number): Promise<Piece> {
    const hit = cachedPiece(offset, end);
    if (hit) return hit;
    const start = Math.floor(offset / PAGE) * PAGE;
    // Sequential: this miss starts inside or right after the previous one (a header may straddle its end).
    run = start > lastMissStart && start <= lastMissEnd ? Math.min(run * 2, MAX_RUN) : PAGE;
    // A small file is read whole at once: one Blob read instead of a few.
    const stop = blob.size <= WHOLE ? blob.size : Math.min(blob.size, Math.max(start + run, Math.ceil(end / PAGE) * PAGE));
    const window = run > PAGE && blob.size > WHOLE;
    // The window buffer is about to be refilled: the piece it holds goes first.
    if (window) for (const p of pieces.filter((q) => q.window)) drop(p);
    const bytes = window
      ? await long(start, stop - start, 'window')
      : run > PAGE
        ? await long(start, stop - start)
        : await readRange(blob, start, stop, stallMs);
    const p = { start, bytes, size: bytes.length, window };
    lastMissStart = start;
    lastMissEnd = stop;
    pieces.push(p);
    cached += p.size;
    while (cached > MAX_CACHED && pieces.length > 1) drop(pieces[0]!);
    return p;
  }
  /** `[start, end)` of a cached piece: a view, or a copy when the piece lives in the window buffer (the next window read reuses it). */
  const bytesOf = (p: Piece, start: number, end: number): Uint8Array =>
    p.window ? p.bytes.slice(start - p.start, end - p.start) : p.bytes.subarray(start - p.start, end - p.start);
  /** A read; a `transient` one may refill the stream's scan buffer (see ByteSource.scan). */
  async function get(offset: number, length: number, transient: boolean): Promise<Uint8Array> {
    const start = clampOffset(offset, blob.size);
    const end = clampOffset(start + Math.max(0, length), blob.size);
    if (end <= start) return new Uint8Array(0);
    if (end - start > PAGE) {
      // A small file read whole is in the cache: no new Blob read.
      const hit = cachedPiece(start, end);
      return hit ? bytesOf(hit, start, end) : long(start, end - start, transient ? 'scan' : undefined);
    }
    return bytesOf(await piece(start, end), start, end);
  }
  return {
    size: blob.size,
    scan: (offset: number, length: number) => get(offset, length, true),
    read: (offset: number, length: number) => get(offset, length, false),
  };
}

/**
 * A Blob read that has not settled after this long is taken as stalled. In a
 * Chromium worker, a read of a File's stream sometimes never settles: in the
 * 50-photo batch (562 MB), 4 runs of 19 had one photo stopped by the page's
 * time budget (a different photo each time, JPEG or PNG). With a timer
 * pending in the worker during each read, 42 runs of 50 photos had none. So
 * each read now runs beside this timer, and a read that still has not
 * settled when it fires is given up: the range is read again through
 * arrayBuffer(). A healthy read of 1 MiB takes a few milliseconds.
 */
const STALL_MS = 3_000;

/** Thrown by untilSettled() when a read outlives its time (see STALL_MS). */
class ReadStalled extends Error {
  constructor() {
    super('A Blob read did not settle in time.');
    this.name = 'ReadStalled';
  }
}

/** `promise`, or a ReadStalled rejection if it has not settled within `ms`. */
async function untilSettled<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ReadStalled()), ms);
  });
  try {
    return await Promise.race([promise, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/** Bytes `[start, end)` of a Blob through arrayBuffer(), read once more if the first read stalls. */
async function readRange(blob: Blob, start: number, end: number, stallMs: number): Promise<Uint8Array> {
  try {
    return new Uint8Array(await untilSettled(blob.slice(start, end).arrayBuffer(), stallMs));
  } catch (error) {
    if (!(error instanceof ReadStalled)) throw error;
    return new Uint8Array(await untilSettled(blob.slice(start, end).arrayBuffer(), stallMs));
  }
}

/** A cached piece of a Blob source. `size` is kept apart from `bytes.length`: a window piece's view empties when a BYOB read takes its memory. */
interface Piece {
  start: number;
  bytes: Uint8Array;
  size: number;
  window: boolean;
}

/** Which reused buffer a transient stream read refills: the JPEG scan's, or the window of sequential small reads. */
type Scratch = 'scan' | 'window';

/**
 * A later sequential read may start up to this many bytes before the end of
 * the previous one: a marker straddling two scan pieces, or a PNG chunk header
 * straddling two cached pieces (whose next piece starts at a PAGE boundary).
 */
const OVERLAP = PAGE;
/** A sequential read may start this far past the previous one: the bytes between are read and dropped (cheaper than a new stream). */
const MAX_SKIP = 256 * 1024;

/**
 * Reads a Blob forward through one stream (`blob.slice(start).stream()`),
 * with a BYOB reader filling each caller's buffer in place where the stream
 * allows it (readable byte streams: Chromium, Firefox, Node), else copying
 * from the default reader's chunks. Each Blob read through `arrayBuffer()`
 * has a high fixed cost in a browser (a round trip to the browser process);
 * a stream pays it once.
 */
class SequentialReader {
  readonly #reader: ReadableStreamBYOBReader | ReadableStreamDefaultReader<Uint8Array>;
  readonly #byob: boolean;
  /** Offset of the next byte the stream gives. */
  #position: number;
  /** The last bytes given (up to OVERLAP), ending at #position: a view of the last read's result. */
  #tail: Uint8Array = new Uint8Array(0);
  /** Bytes the default reader gave beyond what was asked, ahead of the stream. */
  #spare: Uint8Array = new Uint8Array(0);
  #done = false;
  /** The buffers transient reads refill, one per use (a window read must not overwrite a scan's view, nor the reverse). */
  readonly #scratch: Partial<Record<Scratch, ArrayBuffer>> = {};

  readonly #stallMs: number;

  constructor(blob: Blob, start: number, stallMs: number) {
    this.#stallMs = stallMs;
    const stream = blob.slice(start).stream();
    let byob: ReadableStreamBYOBReader | undefined;
    try {
      byob = stream.getReader({ mode: 'byob' });
    } catch {
      byob = undefined; // not a byte stream here: the default reader below
    }
    this.#reader = byob ?? stream.getReader();
    this.#byob = byob !== undefined;
    this.#position = start;
  }

  /** True when a read at `offset` can continue this stream. */
  canRead(offset: number): boolean {
    return offset >= this.#position - this.#tail.length && offset <= this.#position + MAX_SKIP;
  }

  /**
   * `length` bytes at `offset` (fewer at the end of the Blob); `offset` must
   * satisfy canRead(). A read `into` a scratch buffer refills that buffer
   * instead of new memory, so its view is valid only until the next read into it.
   * (The bytes carried over from the previous read may sit in that same
   * buffer: they are moved to its start, an overlapping copy that
   * TypedArray.set handles, before the stream writes after them.) A fresh
   * multi-megabyte buffer per read cost about as much again as the reading
   * itself in Chromium: 22.6 MB in 4 MiB reads took 112–184 ms with fresh
   * buffers, 52–70 ms with one reused.
   */
  async read(offset: number, length: number, into?: Scratch): Promise<Uint8Array> {
    while (this.#position < offset && !this.#done) {
      const dropped = await this.#next(new Uint8Array(Math.min(offset - this.#position, PAGE)));
      this.#position += dropped.length;
      this.#tail = dropped.subarray(Math.max(0, dropped.length - OVERLAP));
    }
    const carried = this.#tail.subarray(this.#tail.length - Math.max(0, this.#position - offset));
    let out: Uint8Array<ArrayBuffer> = into ? new Uint8Array(this.#scratchFor(into, length), 0, length) : new Uint8Array(length);
    out.set(carried.subarray(0, length));
    let filled = Math.min(carried.length, length);
    const fromStream = filled < length && !this.#done;
    while (filled < length && !this.#done) {
      const got = await this.#next(out.subarray(filled));
      // A BYOB read hands back the same memory under a new ArrayBuffer (the old one is detached).
      out = new Uint8Array(got.buffer, 0, length);
      filled += got.length;
      this.#position += got.length;
    }
    // After BYOB reads the scratch memory lives on under the ArrayBuffer they handed back.
    if (into) this.#scratch[into] = out.buffer;
    // The new tail is a view of what this read returned (no copy): its last bytes end at #position.
    if (fromStream) this.#tail = out.subarray(Math.max(0, filled - OVERLAP), filled);
    return out.subarray(0, filled);
  }

  /** The scratch buffer, replaced by a new one when it is too small (or was detached by a failed BYOB read). */
  #scratchFor(into: Scratch, length: number): ArrayBuffer {
    const current = this.#scratch[into];
    if (current && !current.detached && current.byteLength >= length) return current;
    const fresh = new ArrayBuffer(length);
    this.#scratch[into] = fresh;
    return fresh;
  }

  /** Stops the stream (a later read starts a new one). */
  close(): void {
    this.#done = true;
    this.#reader.cancel().catch(() => undefined);
  }

  /** Fills as much of `target` as one stream read gives; returns the filled view (over new memory after a BYOB read). */
  async #next(target: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
    if (target.length === 0) return target;
    if (this.#byob) {
      const { done, value } = await untilSettled((this.#reader as ReadableStreamBYOBReader).read(target), this.#stallMs);
      // The DOM types say a finished read has no value; a BYOB read still hands back its (empty) view.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (done || !value) {
        this.#done = true;
        return value ? new Uint8Array(value.buffer, value.byteOffset, 0) : target.subarray(0, 0);
      }
      return value;
    }
    if (this.#spare.length === 0) {
      const { done, value } = await untilSettled((this.#reader as ReadableStreamDefaultReader<Uint8Array>).read(), this.#stallMs);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- guards a stream that breaks its types
      if (done || !value) {
        this.#done = true;
        return target.subarray(0, 0);
      }
      this.#spare = value;
    }
    const n = Math.min(target.length, this.#spare.length);
    target.set(this.#spare.subarray(0, n));
    this.#spare = this.#spare.subarray(n);
    return target.subarray(0, n);
  }
}

function clampOffset(n: number, size: number): number {
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(Math.floor(n), size);
}
