/**
 * The JPEG entropy scan reads SCAN_CHUNK-sized pieces: every marker pattern
 * (FF00 stuffing, RSTn, fill bytes, EOI) must be recognised when it straddles
 * the boundary between two pieces, and a second scan (progressive JPEG) that
 * starts inside the piece already read must be walked from memory correctly.
 */
import { describe, expect, test } from 'vitest';
import { concatBytes } from '../../src/formats/bytes';
import { SCAN_CHUNK } from '../../src/formats/jpeg';
import { blobSource, bufferSource } from '../../src/formats/source';
import { walk } from '../../src/formats/walk';
import { ChunkyBlob } from '../support/chunky-blob';

const enc = new TextEncoder();
const cat = (...parts: Array<Uint8Array | number[]>): Uint8Array => concatBytes(parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p))));
const segment = (marker: number, payload: Uint8Array | number[]): Uint8Array => {
  const p = payload instanceof Uint8Array ? payload : Uint8Array.from(payload);
  return cat([0xff, marker, (p.length + 2) >> 8, (p.length + 2) & 0xff], p);
};

/** Entropy-coded bytes without any FF, from a small deterministic generator. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = (x >>> 16) % 0xff; // 0–254: never FF
  }
  return out;
}

const head = cat([0xff, 0xd8], segment(0xe0, cat(enc.encode('JFIF\0'), [1, 2, 0, 0, 1, 0, 1, 0, 0])), segment(0xc0, [8, 0, 16, 0, 16, 1, 1, 0x11, 0]));
const sos = segment(0xda, [1, 1, 0, 0, 0x3f, 0]);
const dht = segment(0xc4, cat([0x00], new Uint8Array(16), []));

/**
 * A scan whose byte at `at` (by default `SCAN_CHUNK - 1`, the last byte of the
 * first piece the walker reads) is FF, followed in the next piece by `after`.
 */
function scanStraddling(after: number[], seed: number, at = SCAN_CHUNK - 1): Uint8Array {
  const body = noise(SCAN_CHUNK + 4096, seed);
  // Stuffing and restart markers sprinkled through the data, as in a real scan.
  for (let i = 1000; i < body.length - 2; i += 7919) body.set([0xff, i % 2 ? 0x00 : 0xd0 + (i % 8)], i);
  body[at] = 0xff;
  body.set(after, at + 1);
  return body;
}

async function walkBoth(file: Uint8Array): Promise<Awaited<ReturnType<typeof walk>>> {
  const fromBuffer = await walk(bufferSource(file));
  expect(await walk(blobSource(new Blob([new Uint8Array(file)])))).toEqual(fromBuffer);
  expect(await walk(blobSource(new ChunkyBlob(new Uint8Array(file), file.length)))).toEqual(fromBuffer);
  return fromBuffer;
}

describe('JPEG scan across SCAN_CHUNK boundaries', () => {
  test.each([
    ['stuffing FF|00', [0x00]],
    ['restart FF|D5', [0xd5]],
    ['fill bytes FF|FF 00', [0xff, 0x00]],
  ])('%s is skipped; the true EOI and a trailer with FF D9 are found', async (_name, after) => {
    const scan = scanStraddling(after, 3);
    const image = cat(head, sos, scan, [0xff, 0xd9]);
    const trailer = cat(enc.encode('....ftypmp42'), [0xff, 0xd9]);
    const inv = await walkBoth(cat(image, trailer));
    expect(inv.imageEnd).toBe(image.length);
    expect(inv.blocks.at(-1)).toMatchObject({ kind: 'trailer', offset: image.length, length: trailer.length });
  });

  test('an EOI that straddles the boundary (FF | D9) ends the image there', async () => {
    const scan = scanStraddling([], 5).subarray(0, SCAN_CHUNK); // ends with FF
    const image = cat(head, sos, scan, [0xd9]);
    const inv = await walkBoth(cat(image, [1, 2, 0xff, 0xd9]));
    expect(inv.imageEnd).toBe(image.length);
  });

  test('fill bytes then EOI across the boundary (FF | FF D9)', async () => {
    const scan = scanStraddling([0xff, 0xd9], 7).subarray(0, SCAN_CHUNK + 2);
    const image = cat(head, sos, scan);
    const inv = await walkBoth(cat(image, [0xff, 0xd9]));
    expect(inv.imageEnd).toBe(image.length);
  });

  test('progressive: DHT, COM and a second SOS inside the piece already read, then a long second scan', async () => {
    const first = noise(1000, 11);
    const com = segment(0xfe, enc.encode('between scans'));
    // The piece read at the first scan ends SCAN_CHUNK bytes after it: put the straddling FF00 of the second scan there.
    const secondAt = head.length + sos.length + first.length + dht.length + com.length + sos.length;
    const second = scanStraddling([0x00], 13, head.length + sos.length + SCAN_CHUNK - 1 - secondAt);
    const image = cat(head, sos, first, dht, com, sos, second, [0xff, 0xd9]);
    const inv = await walkBoth(cat(image, [0xff, 0xd9, 0, 0xff, 0xd9]));
    expect(inv.imageEnd).toBe(image.length);
    const comment = inv.blocks.find((b) => b.kind === 'comment');
    expect(comment).toMatchObject({ offset: head.length + sos.length + first.length + dht.length, text: 'between scans' });
  });
});
