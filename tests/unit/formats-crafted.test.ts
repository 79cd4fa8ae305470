/**
 * Edge cases built byte by byte: the structures real files rarely show but
 * that other tools get wrong: an FF D9 inside a JPEG trailer or scan, bytes
 * after a PNG's IEND, WebP VP8X flags that must follow the chunks removed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { concatBytes, crc32 } from '../../src/formats/bytes';
import { assemble, planClean } from '../../src/formats/clean';
import { readExifFacts } from '../../src/formats/exif';
import { bufferSource } from '../../src/formats/source';
import { walk } from '../../src/formats/walk';
import { IMAGES, tempDir } from '../support/paths';

const hasMagick = spawnSync('convert', ['-version']).status === 0 && spawnSync('compare', ['-version']).status === 0;
if (!hasMagick && process.env['CI']) throw new Error('ImageMagick is required in CI');

const enc = new TextEncoder();
const cat = (...parts: Array<Uint8Array | number[]>): Uint8Array => concatBytes(parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p))));
const be16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const le32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const segment = (marker: number, payload: Uint8Array): Uint8Array => cat([0xff, marker, ...be16(payload.length + 2)], payload);
const pngChunk = (type: string, data: Uint8Array): Uint8Array => cat(be32(data.length), enc.encode(type), data, be32(crc32(enc.encode(type), data)));
const riffChunk = (fourcc: string, data: Uint8Array): Uint8Array => cat(enc.encode(fourcc), le32(data.length), data, data.length % 2 ? [0] : []);
const load = (file: string): Uint8Array => new Uint8Array(readFileSync(join(IMAGES, file)));

/** Makes a small real JPEG with ImageMagick (plasma has plenty of FF00 stuffing). */
function magickJpeg(dir: string, name: string, ...args: string[]): Uint8Array {
  const out = join(dir, name);
  const r = spawnSync('convert', ['-size', '96x64', '-seed', '7', 'plasma:', ...args, '-quality', '92', out]);
  expect(r.status).toBe(0);
  return new Uint8Array(readFileSync(out));
}

function pixelsEqual(dir: string, a: Uint8Array, b: Uint8Array, ext: string): boolean {
  const pa = join(dir, `a.${ext}`);
  const pb = join(dir, `b.${ext}`);
  writeFileSync(pa, a);
  writeFileSync(pb, b);
  const r = spawnSync('compare', ['-quiet', '-metric', 'AE', pa, pb, 'null:'], { encoding: 'utf8' });
  return r.stderr.trim().startsWith('0');
}

describe('JPEG', () => {
  test('entropy data with FF00 stuffing, RSTn, fill bytes and a trailer that contains FF D9', async () => {
    const sof = segment(0xc0, Uint8Array.from([8, ...be16(48), ...be16(80), 1, 1, 0x11, 0]));
    const sos = segment(0xda, Uint8Array.from([1, 1, 0, 0, 63, 0]));
    // Scan data: stuffed FF00, restart markers, fill bytes before EOI.
    const scan = Uint8Array.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0x00, 0xff, 0xd7, 0x78, 0xff, 0xff]);
    const image = cat([0xff, 0xd8], segment(0xe0, cat(enc.encode('JFIF\0'), [1, 2, 0, 0, 1, 0, 1, 0, 0])), sof, sos, scan, [0xff, 0xd9]);
    const trailer = cat(enc.encode('....ftypmp42'), [0xff, 0xd9, 0x00, 0xff, 0xd9]);
    const file = cat(image, trailer);
    const inv = await walk(bufferSource(file));
    expect(inv.imageEnd).toBe(image.length);
    expect(inv.width).toBe(80);
    expect(inv.height).toBe(48);
    expect(inv.blocks.at(-1)).toMatchObject({ kind: 'trailer', offset: image.length, length: trailer.length });
    const clean = assemble(await planClean(bufferSource(file)), file);
    expect(Buffer.from(clean).equals(Buffer.from(image))).toBe(true);
  });

  test.skipIf(!hasMagick)(
    'XMP split over APP1 + Extended XMP, ICC over three APP2, COM, MPF and a trailer: all found, only ICC kept, pixels unchanged',
    async () => {
      const dir = tempDir('bya-crafted-');
      const base = magickJpeg(dir, 'base.jpg');
      const xmp = segment(
        0xe1,
        cat(enc.encode('http://ns.adobe.com/xap/1.0/\0'), enc.encode('<x:xmpmeta><xmpNote:HasExtendedXMP>ABC</xmpNote:HasExtendedXMP></x:xmpmeta>')),
      );
      const ext = (part: number): Uint8Array =>
        segment(
          0xe1,
          cat(
            enc.encode('http://ns.adobe.com/xmp/extension/\0'),
            enc.encode('0123456789ABCDEF0123456789ABCDEF'),
            be32(20),
            be32(part * 10),
            enc.encode('<exif:GPSLatitude/>'),
          ),
        );
      const icc = (seq: number): Uint8Array => segment(0xe2, cat(enc.encode('ICC_PROFILE\0'), [seq, 3], new Uint8Array(40).fill(seq)));
      const com = segment(0xfe, enc.encode('shot at home'));
      const mpf = segment(0xe2, cat(enc.encode('MPF\0'), new Uint8Array(16)));
      const trailer = cat([0xff, 0xd8, 0xff, 0xe0], new Uint8Array(30).fill(0xff), [0xff, 0xd9]);
      const file = cat(base.subarray(0, 2), xmp, ext(0), ext(1), icc(1), icc(2), icc(3), com, mpf, base.subarray(2), trailer);
      const inv = await walk(bufferSource(file));
      expect(inv.blocks.map((b) => b.kind)).toEqual(expect.arrayContaining(['xmp', 'xmp-extended', 'icc', 'comment', 'mpf', 'trailer']));
      expect(inv.blocks.filter((b) => b.kind === 'xmp-extended')).toHaveLength(2);
      expect(inv.blocks.filter((b) => b.kind === 'icc')).toHaveLength(3);
      expect(inv.imageEnd).toBe(file.length - trailer.length);
      const plan = await planClean(bufferSource(file));
      expect(plan.kept.filter((k) => k.reason === 'icc')).toHaveLength(3);
      const clean = assemble(plan, file);
      const after = await walk(bufferSource(clean));
      expect(after.blocks.map((b) => b.kind).filter((k) => k !== 'jfif')).toEqual(['icc', 'icc', 'icc']);
      expect(pixelsEqual(dir, base, clean, 'jpg')).toBe(true);
      rmSync(dir, { recursive: true, force: true });
    },
  );

  test.skipIf(!hasMagick)('a progressive JPEG (many scans, DHT between them) is walked to its true EOI and cleaned losslessly', async () => {
    const dir = tempDir('bya-crafted-');
    const progressive = magickJpeg(dir, 'p.jpg', '-interlace', 'Plane');
    expect(Buffer.from(progressive).includes(Buffer.from([0xff, 0xc2])), 'SOF2: progressive').toBe(true);
    const file = cat(progressive.subarray(0, 2), segment(0xfe, enc.encode('comment')), progressive.subarray(2), [0xff, 0xd9, 1, 2, 0xff, 0xd9]);
    const inv = await walk(bufferSource(file));
    expect(inv.imageEnd).toBe(progressive.length + 4 + 'comment'.length);
    expect(inv.warnings).toEqual([]);
    const clean = assemble(await planClean(bufferSource(file)), file);
    expect(clean.length).toBe(progressive.length);
    expect(pixelsEqual(dir, progressive, clean, 'jpg')).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('PNG', () => {
  test('text after IDAT and data after IEND are found and removed; pixels and transparency chunks stay', async () => {
    const original = load('mei__Issue_280_dotnet.png');
    const iend = original.length - 12;
    const text = pngChunk('tEXt', cat(enc.encode('parameters\0'), enc.encode('a cat, in the style of an action figure')));
    const itxt = pngChunk('iTXt', cat(enc.encode('prompt\0'), [0, 0, 0, 0], enc.encode('secret')));
    const file = cat(original.subarray(0, iend), text, itxt, original.subarray(iend), enc.encode('PK\x03\x04 zip after IEND'));
    const inv = await walk(bufferSource(file));
    const textBlocks = inv.blocks.filter((b) => b.kind === 'text');
    expect(textBlocks.map((b) => [b.keyword, b.text])).toEqual([
      ['parameters', 'a cat, in the style of an action figure'],
      ['prompt', 'secret'],
    ]);
    expect(inv.blocks.at(-1)?.kind).toBe('trailer');
    const clean = assemble(await planClean(bufferSource(file)), file);
    const after = await walk(bufferSource(clean));
    expect(after.blocks.map((b) => b.label)).toEqual(['iCCP']);
    expect(Buffer.from(clean.subarray(-12)).equals(Buffer.from(original.subarray(-12)))).toBe(true);
  });

  test('orientation other than 1 becomes an orientation-only eXIf right after IHDR', async () => {
    const original = load('exifr__png_with_exif_and_gps.png');
    const inv = await walk(bufferSource(original));
    // Patch the eXIf Orientation to 6 (and fix its CRC) to exercise the rewrite.
    const file = original.slice();
    const exifStart = inv.exif!.offset;
    const facts = readExifFacts(file.subarray(exifStart, exifStart + inv.exif!.length));
    expect(facts.orientation).toBe(1);
    const le = file[exifStart] === 0x49;
    const ifd0 = exifStart + (le ? file[exifStart + 4]! : file[exifStart + 7]!);
    const count = le ? file[ifd0]! : file[ifd0 + 1]!;
    for (let i = 0; i < count; i++) {
      const e = ifd0 + 2 + i * 12;
      const tag = le ? file[e]! | (file[e + 1]! << 8) : (file[e]! << 8) | file[e + 1]!;
      if (tag === 0x0112) file[le ? e + 8 : e + 9] = 6;
    }
    const chunk = inv.blocks.find((b) => b.label === 'eXIf')!;
    const body = file.subarray(chunk.offset + 4, chunk.offset + chunk.length - 4);
    file.set(be32(crc32(body)), chunk.offset + chunk.length - 4);
    const clean = assemble(await planClean(bufferSource(file)), file);
    const after = await walk(bufferSource(clean));
    expect(after.blocks.map((b) => b.label)).toEqual(['eXIf']);
    expect(after.blocks[0]?.offset).toBe(33);
    expect(after.warnings).toEqual([]);
    const exif = readExifFacts(clean.subarray(after.exif!.offset, after.exif!.offset + after.exif!.length));
    expect(exif.orientation).toBe(6);
    expect(exif.tags).toEqual([{ ifd: 'IFD0', tag: 0x0112 }]);
  });
});

describe('WebP', () => {
  /** mei__HTC_Desire.webp with an odd-sized XMP chunk and an odd-sized unknown chunk added, and its flags set. */
  function craftedWebp(): { file: Uint8Array; vp8: Uint8Array } {
    const original = load('mei__HTC_Desire.webp');
    const chunks: Array<{ fourcc: string; data: Uint8Array }> = [];
    for (let p = 12; p + 8 <= original.length;) {
      const size = original[p + 4]! | (original[p + 5]! << 8) | (original[p + 6]! << 16) | (original[p + 7]! << 24);
      chunks.push({ fourcc: String.fromCharCode(...original.subarray(p, p + 4)), data: original.subarray(p + 8, p + 8 + size) });
      p += 8 + size + (size % 2);
    }
    const vp8x = chunks.find((c) => c.fourcc === 'VP8X')!.data.slice();
    vp8x[0] = vp8x[0]! | 0x04; // XMP flag
    const body = cat(
      ...chunks.map((c) => riffChunk(c.fourcc, c.fourcc === 'VP8X' ? vp8x : c.data)),
      riffChunk('XMP ', enc.encode('<x/>!')), // 5 bytes: padded
      riffChunk('ABCD', Uint8Array.of(1, 2, 3)),
    );
    return { file: cat(enc.encode('RIFF'), le32(body.length + 4), enc.encode('WEBP'), body), vp8: chunks.find((c) => c.fourcc === 'VP8 ')!.data };
  }

  test('odd-sized chunks are padded, VP8X flags follow the chunks kept, and the RIFF size is right', async () => {
    const { file } = craftedWebp();
    const inv = await walk(bufferSource(file));
    expect(inv.warnings).toEqual([]);
    expect(inv.blocks.map((b) => b.label)).toEqual(['ICCP', 'EXIF', 'XMP ', 'ABCD']);
    for (const [options, flags] of [
      [{ keepOrientation: true, keepColorProfile: true }, 0x20 | 0x08],
      [{ keepOrientation: false, keepColorProfile: true }, 0x20],
      [{ keepOrientation: true, keepColorProfile: false }, 0x08],
      [{ keepOrientation: false, keepColorProfile: false }, 0x00],
    ] as const) {
      const clean = assemble(await planClean(bufferSource(file), options), file);
      expect(clean.length % 2).toBe(0);
      expect(clean[4]! | (clean[5]! << 8) | (clean[6]! << 16) | (clean[7]! << 24)).toBe(clean.length - 8);
      expect(clean[20]).toBe(flags); // VP8X flags byte: 12 (RIFF header) + 8 (chunk header)
      const after = await walk(bufferSource(clean));
      expect(after.warnings).toEqual([]);
      expect(after.imageEnd).toBe(clean.length);
      expect(after.blocks.map((b) => b.label)).toEqual([...(options.keepColorProfile ? ['ICCP'] : []), ...(options.keepOrientation ? ['EXIF'] : [])]);
    }
  });

  test.skipIf(!hasMagick)('the cleaned crafted WebP decodes to the same pixels', async () => {
    const dir = tempDir('bya-crafted-');
    const { file } = craftedWebp();
    const clean = assemble(await planClean(bufferSource(file), { keepOrientation: false, keepColorProfile: false }), file);
    expect(pixelsEqual(dir, load('mei__HTC_Desire.webp'), clean, 'webp')).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a simple (VP8 only) WebP whose stray EXIF holds an orientation gets a VP8X so the orientation stays valid', async () => {
    const { vp8 } = craftedWebp();
    const exif = readFileSync(join(IMAGES, 'mei__Issue_473_Java.webp')).subarray(19086 + 8 + 6, 19086 + 8 + 2064);
    const body = cat(riffChunk('VP8 ', vp8), riffChunk('EXIF', new Uint8Array(exif)));
    const file = cat(enc.encode('RIFF'), le32(body.length + 4), enc.encode('WEBP'), body);
    const clean = assemble(await planClean(bufferSource(file)), file);
    const after = await walk(bufferSource(clean));
    expect(String.fromCharCode(...clean.subarray(12, 16))).toBe('VP8X');
    expect(clean[20]).toBe(0x08);
    expect([after.width, after.height]).toEqual([776, 909]);
    expect(readExifFacts(clean.subarray(after.exif!.offset, after.exif!.offset + after.exif!.length)).orientation).toBe(6);
  });
});
