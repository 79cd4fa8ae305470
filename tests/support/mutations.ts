/**
 * Mutations of real photos, each aimed at one way parsers break: bit flips,
 * truncations, lengths pointing past the end, huge dimensions, IFD loops and
 * self-pointing offsets, nested or oversized XMP, a zTXt bomb. Deterministic
 * (seeded). Used by the Node fuzz test (tests/unit/formats-fuzz.test.ts) and
 * by the page fuzz test (tests/e2e/fuzz-page.spec.ts).
 */
import { zlibSync } from 'fflate';
import { concatBytes, crc32 } from '../../src/formats/bytes';
import { readTiff } from '../../src/formats/exif';
import type { Inventory } from '../../src/formats/types';

const enc = new TextEncoder();

/** mulberry32, shared with the batch generator (scripts/batch-corpus.mjs). */
export { prng } from '../../scripts/batch-corpus.mjs';

const cat = (...parts: Uint8Array[]): Uint8Array => concatBytes(parts);

let bomb: Uint8Array | undefined;

export type Mutation = (bytes: Uint8Array, inv: Inventory | undefined, rnd: () => number) => Uint8Array;
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const within = (rnd: () => number, n: number): number => Math.floor(rnd() * Math.max(1, n));

/** The mutations, each aimed at one way parsers break. */
export const MUTATIONS: Record<string, Mutation> = {
  bitflips(bytes, _inv, rnd) {
    const out = bytes.slice();
    const n = 1 + within(rnd, 8);
    // Headers are where parsers decide things: flip there more often.
    for (let i = 0; i < n; i++) {
      const at = within(rnd, rnd() < 0.7 ? Math.min(out.length, 4096) : out.length);
      out[at] = (out[at] ?? 0) ^ (1 << within(rnd, 8));
    }
    return out;
  },
  truncate(bytes, _inv, rnd) {
    return bytes.slice(0, within(rnd, bytes.length));
  },
  lengthPastEnd(bytes, inv, rnd) {
    const out = bytes.slice();
    const block = inv && inv.blocks.length > 0 ? pick(rnd, inv.blocks) : undefined;
    if (!block) return out;
    const v = pick(rnd, [0xff, 0x7f, 0x00]);
    // JPEG: 2 bytes after the marker; PNG: first 4 bytes; RIFF: bytes 4–7; ISOBMFF: first 4 bytes.
    const at = inv?.format === 'jpeg' ? block.offset + 2 : inv?.format === 'webp' ? block.offset + 4 : block.offset;
    for (let i = 0; i < 4 && at + i < out.length; i++) out[at + i] = v;
    return out;
  },
  hugeDimensions(bytes, inv) {
    const out = bytes.slice();
    if (inv?.format === 'png') out.set([0x7f, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff], 16);
    else if (inv?.format === 'webp') out.fill(0xff, 24, 30);
    else {
      // JPEG SOFn / anything else: find the first FFC0–FFC2 and max out its dimensions.
      for (let i = 2; i + 9 < out.length; i++) {
        if (out[i] === 0xff && out[i + 1]! >= 0xc0 && out[i + 1]! <= 0xc2) {
          out.fill(0xff, i + 5, i + 9);
          break;
        }
      }
    }
    return out;
  },
  ifdLoop(bytes, inv, rnd) {
    const out = bytes.slice();
    if (!inv?.exif) return out;
    const base = inv.exif.offset;
    const tiff = out.subarray(base, base + inv.exif.length);
    try {
      const s = readTiff(tiff);
      const le = s.littleEndian;
      const put32 = (o: number, v: number): void => {
        const b = le ? [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24] : [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
        tiff.set(b, o);
      };
      const ifd = pick(rnd, s.ifds);
      const kind = within(rnd, 4);
      if (kind === 0)
        put32(ifd.offset + 2 + ifd.declared * 12, ifd.offset); // next IFD = itself
      else if (kind === 1)
        put32(ifd.offset + 2 + ifd.declared * 12, 8); // next IFD = IFD0
      else if (kind === 2)
        tiff.set([0xff, 0xff], ifd.offset); // 65 535 entries
      else {
        // every pointer-looking entry points at its own IFD
        for (let i = 0; i < ifd.entries.length; i++) put32(ifd.offset + 2 + i * 12 + 8, ifd.offset);
      }
    } catch {
      /* an unreadable TIFF is still a fine fuzz input */
    }
    return out;
  },
  oversizedXmp(bytes, inv, rnd) {
    const depth = 2000 + within(rnd, 8000);
    const packet = enc.encode(
      `<x:xmpmeta><rdf:RDF>${'<a>'.repeat(depth)}<exif:GPSLatitude>48,51.5N</exif:GPSLatitude>${'</a>'.repeat(depth)}</rdf:RDF></x:xmpmeta>`,
    );
    if (inv?.format === 'jpeg') {
      const body = packet.subarray(0, 65533 - 29);
      const seg = cat(
        Uint8Array.of(0xff, 0xe1, ((body.length + 31) >> 8) & 0xff, (body.length + 31) & 0xff),
        enc.encode('http://ns.adobe.com/xap/1.0/\0'),
        body,
      );
      return cat(bytes.subarray(0, 2), seg, bytes.subarray(2));
    }
    if (inv?.format === 'png') {
      // A zTXt bomb: 16 MB of zeros in a few KB, plus an iTXt XMP.
      bomb ??= zlibSync(new Uint8Array(16 * 1024 * 1024));
      const chunk = (type: string, data: Uint8Array): Uint8Array => {
        const t = enc.encode(type);
        const len = Uint8Array.of(data.length >>> 24, (data.length >>> 16) & 0xff, (data.length >>> 8) & 0xff, data.length & 0xff);
        const c = crc32(t, data);
        return cat(len, t, data, Uint8Array.of(c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff));
      };
      return cat(
        bytes.subarray(0, 33),
        chunk('zTXt', cat(enc.encode('bomb\0\0'), bomb)),
        chunk('iTXt', cat(enc.encode('XML:com.adobe.xmp\0\0\0\0\0'), packet)),
        bytes.subarray(33),
      );
    }
    return cat(bytes, packet);
  },
};
