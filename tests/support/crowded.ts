/**
 * Real fixtures made crowded, the way AI image tools and photo managers write
 * them: a PNG with `count` tEXt chunks (one per generation parameter) and a
 * JPEG with an XMP packet of `count` dc:subject keywords. Built in memory from
 * corpus files, so the unit tests and the browser tests read the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { concatBytes, crc32, putU32be } from '../../src/formats/bytes';
import { IMAGES, tempDir } from './paths';

const enc = new TextEncoder();

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  putU32be(out, 0, data.length);
  out.set(enc.encode(type), 4);
  out.set(data, 8);
  putU32be(out, 8 + data.length, crc32(enc.encode(type), data));
  return out;
}

/** A corpus PNG with `count` tEXt chunks inserted after IHDR, keywords `param-1`… and values `value 1`…. */
export function pngWithTextChunks(count: number, fixture = 'exifreader__test.png'): Uint8Array {
  const png = new Uint8Array(readFileSync(join(IMAGES, fixture)));
  const ihdrEnd = 8 + 12 + 13; // signature, then IHDR (13 bytes of data) — PNG §5.6: IHDR comes first
  const chunks = Array.from({ length: count }, (_, i) => pngChunk('tEXt', enc.encode(`param-${i + 1}\0value ${i + 1}`)));
  return concatBytes([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)]);
}

/** A corpus JPEG with an APP1 XMP segment of `count` dc:subject keywords (`keyword-1`…) right after SOI. */
export function jpegWithKeywords(count: number, fixture = 'exifr__noexif.jpg'): Uint8Array {
  const jpeg = new Uint8Array(readFileSync(join(IMAGES, fixture)));
  const items = Array.from({ length: count }, (_, i) => `<rdf:li>keyword-${i + 1}</rdf:li>`).join('');
  const xmp =
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag>${items}</rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const payload = concatBytes([enc.encode('http://ns.adobe.com/xap/1.0/\0'), enc.encode(xmp)]);
  if (payload.length + 2 > 0xffff) throw new Error('XMP packet too large for one APP1 segment');
  const segment = new Uint8Array(4 + payload.length);
  segment.set([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  segment.set(payload, 4);
  return concatBytes([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** Writes both crowded files to a temporary folder and returns their paths. */
export function writeCrowded(dir: string = tempDir('bya-crowded-')): { png: string; jpeg: string } {
  const png = join(dir, 'crowded-100-text-chunks.png');
  const jpeg = join(dir, 'crowded-200-keywords.jpg');
  writeFileSync(png, pngWithTextChunks(100));
  writeFileSync(jpeg, jpegWithKeywords(200));
  return { png, jpeg };
}
