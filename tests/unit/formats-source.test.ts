/**
 * blobSource reads long ranges through one stream of the Blob (a
 * SequentialReader) instead of one Blob read per range. Whatever the stream's
 * chunk sizes, and whether it is a byte stream (BYOB reader) or not, every
 * read must return exactly the bytes a plain buffer read returns: sequential
 * reads, reads that overlap the previous one by a few bytes, short skips
 * forward, jumps backward and reads past the end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCAN_CHUNK } from '../../src/formats/jpeg';
import { blobSource, bufferSource } from '../../src/formats/source';
import { walk } from '../../src/formats/walk';
import { ChunkyBlob, StallingBlob } from '../support/chunky-blob';
import { prng } from '../support/mutations';
import { IMAGES, MANIFEST } from '../support/paths';

function noise(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const random = prng(seed);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

describe('blobSource long reads (one stream per forward pass)', () => {
  const bytes = noise(3 * SCAN_CHUNK + 12_345, 42);
  const kinds: Array<[string, (b: Uint8Array<ArrayBuffer>, seed: number) => Blob]> = [
    ['a byte stream (BYOB reader)', (b) => new Blob([b])],
    ['a default stream with random chunk sizes', (b, seed) => new ChunkyBlob(b, seed)],
  ];
  test.each(kinds)('over %s, any pattern of reads gives the same bytes as a buffer', async (_name, make) => {
    for (let seed = 1; seed <= 4; seed++) {
      const random = prng(seed * 7919);
      const blobbed = blobSource(make(bytes, seed));
      const buffered = bufferSource(bytes);
      let offset = Math.floor(random() * 1000);
      for (let step = 0; step < 30; step++) {
        const length = 65_537 + Math.floor(random() * SCAN_CHUNK);
        const got = await blobbed.read(offset, length);
        const want = await buffered.read(offset, length);
        // Buffer.equals, not toEqual: a 4 MB element-by-element diff would take minutes.
        expect(Buffer.from(got).equals(Buffer.from(want)), `read(${offset}, ${length}) at step ${step} of seed ${seed}`).toBe(true);
        const move = random();
        if (move < 0.5)
          offset += length; // straight on
        else if (move < 0.7)
          offset += length - 1 - Math.floor(random() * 65_535); // overlap by up to 64 KiB (a marker or chunk header straddling two pieces)
        else if (move < 0.85)
          offset += length + Math.floor(random() * 300_000); // a short skip forward
        else offset = Math.floor(random() * bytes.length); // anywhere, backward included
        if (offset > bytes.length + 10) offset = Math.floor(random() * bytes.length);
      }
    }
  });

  test.each(kinds)(
    'over %s, transient scans interleaved with reads give the same bytes as a buffer, and never overwrite what a read returned',
    async (_name, make) => {
      for (let seed = 1; seed <= 4; seed++) {
        const random = prng(seed * 104_729);
        const blobbed = blobSource(make(bytes, seed));
        const buffered = bufferSource(bytes);
        const scan = blobbed.scan?.bind(blobbed);
        expect(scan, 'a Blob source offers transient scans').toBeDefined();
        if (!scan) return;
        const kept: Array<{ offset: number; length: number; got: Uint8Array }> = [];
        let offset = Math.floor(random() * 1000);
        for (let step = 0; step < 40; step++) {
          const length = 65_537 + Math.floor(random() * SCAN_CHUNK);
          const transient = random() < 0.75;
          const got = transient ? await scan(offset, length) : await blobbed.read(offset, length);
          const want = await buffered.read(offset, length);
          expect(Buffer.from(got).equals(Buffer.from(want)), `${transient ? 'scan' : 'read'}(${offset}, ${length}) at step ${step} of seed ${seed}`).toBe(true);
          if (!transient) kept.push({ offset, length: got.length, got });
          const move = random();
          if (move < 0.6)
            offset += length - (random() < 0.5 ? 0 : 1 + Math.floor(random() * 65_535)); // on, or back over the tail
          else if (move < 0.8) offset += length + Math.floor(random() * 300_000);
          else offset = Math.floor(random() * bytes.length);
          if (offset > bytes.length + 10) offset = Math.floor(random() * bytes.length);
        }
        for (const { offset: at, length: n, got } of kept) {
          // Its length as returned, not as it is now: a view whose memory was handed to a BYOB read would now be empty.
          const want = await buffered.read(at, n);
          expect(Buffer.from(got).equals(Buffer.from(want)), `read(${at}) still holds its bytes after later scans`).toBe(true);
        }
      }
    },
  );

  test.each(kinds)(
    'over %s, small reads walking forward (served from the reused window buffer) stay intact after later reads and scans',
    async (_name, make) => {
      for (let seed = 1; seed <= 4; seed++) {
        const random = prng(seed * 15_485_863);
        const blobbed = blobSource(make(bytes, seed));
        const buffered = bufferSource(bytes);
        const scan = blobbed.scan?.bind(blobbed);
        if (!scan) throw new Error('a Blob source offers transient scans');
        const kept: Array<{ offset: number; length: number; got: Uint8Array }> = [];
        let offset = Math.floor(random() * 1000);
        for (let step = 0; step < 600; step++) {
          // Mostly chunk headers every few KiB (sequential misses grow into window reads); sometimes a scan,
          // a read back where an earlier window was (a cached piece must never serve bytes it no longer holds), or a jump.
          const move = random();
          if (move < 0.03) {
            const length = 65_537 + Math.floor(random() * SCAN_CHUNK);
            const got = await scan(offset, length);
            expect(Buffer.from(got).equals(Buffer.from(await buffered.read(offset, length))), `scan(${offset}) at step ${step}`).toBe(true);
          } else {
            const at = move < 0.13 && kept.length > 0 ? kept[Math.floor(random() * kept.length)]!.offset : offset;
            const length = 1 + Math.floor(random() * (random() < 0.9 ? 16 : 65_536));
            const got = await blobbed.read(at, length);
            const want = await buffered.read(at, length);
            expect(Buffer.from(got).equals(Buffer.from(want)), `read(${at}, ${length}) at step ${step}`).toBe(true);
            kept.push({ offset: at, length: want.length, got });
          }
          if (move >= 0.13) offset = move < 0.95 ? offset + 8 + Math.floor(random() * 40_000) : Math.floor(random() * bytes.length);
          if (offset >= bytes.length) offset = Math.floor(random() * 1000);
        }
        for (const { offset: at, length, got } of kept) {
          // Against the length it had when returned: a view whose memory went to a BYOB read would now be empty.
          expect(Buffer.from(got).equals(Buffer.from(await buffered.read(at, length))), `read(${at}, ${length}) still holds its bytes`).toBe(true);
        }
      }
    },
  );

  test('a stream that stops answering is given up after its time, and the same bytes come from a read of the range; a stalled arrayBuffer() is read once more', async () => {
    const state = { before: 300_000, stalledBuffers: 0, streams: 0, buffers: 0 };
    const blob = new StallingBlob(bytes, state);
    const blobbed = blobSource(blob, { stallMs: 50 });
    const buffered = bufferSource(bytes);
    const scan = blobbed.scan?.bind(blobbed);
    if (!scan) throw new Error('a Blob source offers transient scans');
    // Forward scans: the first ones come from the stream, then it stalls and each range is read on its own.
    for (let offset = 100_000; offset < bytes.length; offset += SCAN_CHUNK) {
      const got = await scan(offset, SCAN_CHUNK);
      expect(Buffer.from(got).equals(Buffer.from(await buffered.read(offset, SCAN_CHUNK))), `scan(${offset})`).toBe(true);
    }
    expect(blob.counts.streams, 'streams opened (a stalled one is not retried in a loop)').toBeLessThanOrEqual(4);
    expect(blob.counts.buffers, 'ranges read on their own after the stall').toBeGreaterThan(0);
    // A small read whose arrayBuffer() stalls once: read again, same bytes.
    const fresh = new StallingBlob(bytes, { before: 0, stalledBuffers: 1, streams: 0, buffers: 0 });
    const small = await blobSource(fresh, { stallMs: 50 }).read(70_000, 16);
    expect(Buffer.from(small).equals(Buffer.from(await buffered.read(70_000, 16)))).toBe(true);
    expect(fresh.counts.buffers).toBe(2);
  });

  test('every JPEG of the corpus walks the same from a chunky stream as from a buffer', async () => {
    const jpegs = MANIFEST.filter((e) => e.format === 'jpeg');
    expect(jpegs.length).toBeGreaterThan(20);
    for (const [n, entry] of jpegs.entries()) {
      const file = new Uint8Array(readFileSync(join(IMAGES, entry.file)));
      let expected: unknown;
      try {
        expected = await walk(bufferSource(file));
      } catch (error) {
        expected = error;
      }
      let actual: unknown;
      try {
        actual = await walk(blobSource(new ChunkyBlob(file, n + 1)));
      } catch (error) {
        actual = error;
      }
      expect(actual, entry.file).toEqual(expected);
    }
  });

  test('a PNG larger than one read, with thousands of IDAT chunks, walks the same from a chunky stream as from a buffer', async () => {
    const chunk = (type: string, data: Uint8Array): Uint8Array => {
      const out = new Uint8Array(12 + data.length);
      new DataView(out.buffer).setUint32(0, data.length);
      out.set(new TextEncoder().encode(type), 4);
      out.set(data, 8);
      return out; // the CRC is not checked by the walker
    };
    const ihdr = new Uint8Array(13);
    new DataView(ihdr.buffer).setUint32(0, 2000);
    new DataView(ihdr.buffer).setUint32(4, 1500);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const parts = [
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('tEXt', new TextEncoder().encode('Comment\0before')),
    ];
    const random = prng(99);
    // IDAT sizes from 1 byte to 20 KB: chunk headers land at every offset relative to the cached pieces.
    for (let total = 0; total < 3_500_000;) {
      const data = noise(1 + Math.floor(random() * 20_000), total + 1);
      parts.push(chunk('IDAT', data));
      total += data.length + 12;
    }
    parts.push(chunk('tEXt', new TextEncoder().encode('Comment\0after')), chunk('IEND', new Uint8Array(0)));
    const file = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (file.set(p, at), at + p.length), 0);
    const expected = await walk(bufferSource(file));
    expect(expected.blocks.filter((b) => b.kind === 'text')).toHaveLength(2);
    for (let seed = 1; seed <= 3; seed++) expect(await walk(blobSource(new ChunkyBlob(file, seed)))).toEqual(expected);
    expect(await walk(blobSource(new Blob([file])))).toEqual(expected);
  });
});
