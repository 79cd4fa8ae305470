/**
 * Small byte helpers shared by the walkers. Every reader returns 0 past the
 * end instead of throwing: callers check bounds against the file size first,
 * so a short read can only mean "truncated", which they report themselves.
 */

/** Big-endian unsigned 16-bit integer at `o` (0 past the end). */
export function u16be(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}

/** Little-endian unsigned 16-bit integer at `o`. */
export function u16le(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

/** Big-endian unsigned 32-bit integer at `o`. */
export function u32be(b: Uint8Array, o: number): number {
  return (((b[o] ?? 0) << 24) | ((b[o + 1] ?? 0) << 16) | ((b[o + 2] ?? 0) << 8) | (b[o + 3] ?? 0)) >>> 0;
}

/** Little-endian unsigned 32-bit integer at `o`. */
export function u32le(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;
}

/** Little-endian unsigned 24-bit integer at `o` (WebP VP8X canvas size). */
export function u24le(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16);
}

/** Big-endian unsigned integer of 0, 2, 4 or 8 bytes (ISOBMFF iloc fields); 8-byte values beyond 2^53 lose precision, which the bounds checks then reject. */
export function uintBe(b: Uint8Array, o: number, size: number): number {
  if (size === 0) return 0;
  if (size === 2) return u16be(b, o);
  if (size === 4) return u32be(b, o);
  if (size === 8) return u32be(b, o) * 0x1_0000_0000 + u32be(b, o + 4);
  return Number.NaN;
}

/** Latin-1 decoding of `b[start, end)` (chunk types, keywords, signatures). */
export function ascii(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  const stop = Math.min(end, b.length);
  for (let i = start; i < stop; i++) s += String.fromCharCode(b[i] ?? 0);
  return s;
}

/** Whether `b` holds the bytes of `prefix` (Latin-1) at `o`. */
export function startsWith(b: Uint8Array, prefix: string, o = 0): boolean {
  if (o + prefix.length > b.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[o + i] !== prefix.charCodeAt(i)) return false;
  return true;
}

/** Index of the first 0 byte at or after `start`, or -1. */
export function indexOfNul(b: Uint8Array, start = 0, end = b.length): number {
  const i = b.indexOf(0, start);
  return i >= 0 && i < end ? i : -1;
}

/** Text shown in the UI is capped at 64 KiB (types.ts, MetadataBlock.text). */
export const TEXT_CAP = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: false });
const latin1 = new TextDecoder('latin1', { fatal: false });

/** Decodes UTF-8 (lossy) and caps the result at TEXT_CAP characters. */
export function utf8Text(b: Uint8Array): string {
  return utf8.decode(b.subarray(0, TEXT_CAP)).slice(0, TEXT_CAP);
}

/** Decodes Latin-1 (PNG tEXt, JPEG COM are 8-bit text) and caps it. */
export function latin1Text(b: Uint8Array): string {
  return latin1.decode(b.subarray(0, TEXT_CAP));
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as PNG uses it) of `parts` concatenated. */
export function crc32(...parts: Uint8Array[]): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const p of parts) for (const byte of p) c = (crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)) >>> 0;
  return (c ^ 0xffffffff) >>> 0;
}

/** Writes a big-endian u32 into `b` at `o`. */
export function putU32be(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 24) & 0xff;
  b[o + 1] = (v >>> 16) & 0xff;
  b[o + 2] = (v >>> 8) & 0xff;
  b[o + 3] = v & 0xff;
}

/** Writes a little-endian u32 into `b` at `o`. */
export function putU32le(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

/** Throws the signal's reason when the caller gave up (walkers check it in every loop). */
export function checkAbort(signal: AbortSignal | undefined): void {
  signal?.throwIfAborted();
}

/** The parts one after another in a new buffer. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
