/**
 * The walkers against every fixture of the shared corpus, with exiftool's
 * ground truth (truth/*.json, `-j -G1 -n`) as the oracle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readExifFacts } from '../../src/formats/exif';
import { blobSource, bufferSource } from '../../src/formats/source';
import { FormatError, type BlockKind, type Inventory } from '../../src/formats/types';
import { walk } from '../../src/formats/walk';
import { IMAGES, MANIFEST, truthFor } from '../support/paths';

function load(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(IMAGES, file)));
}

function groups(truth: Record<string, unknown>): Set<string> {
  return new Set(Object.keys(truth).map((k) => k.split(':')[0] ?? ''));
}

function has(inv: Inventory, ...kinds: BlockKind[]): boolean {
  return inv.blocks.some((b) => kinds.includes(b.kind));
}

const readable = MANIFEST.filter((m) => m.format !== 'empty' && m.format !== 'html');

describe('walk() on every fixture', () => {
  test('the empty file and the HTML page named .jpg are refused with a reason', async () => {
    await expect(walk(bufferSource(load('synthetic__zero_length.jpg')))).rejects.toMatchObject({ name: 'FormatError', code: 'empty' });
    await expect(walk(bufferSource(load('synthetic__html_page_named.jpg')))).rejects.toMatchObject({ name: 'FormatError', code: 'not-an-image' });
  });

  test.each(readable.map((m) => [m.file, m] as const))('%s', async (file, entry) => {
    const bytes = load(file);
    const inv = await walk(bufferSource(bytes));
    const truth = truthFor(file);
    const g = groups(truth);
    const xmpGroup = [...g].some((x) => x.startsWith('XMP'));
    expect(inv.format).toBe(entry.format);
    expect(inv.size).toBe(bytes.length);

    // Blocks are in file order and inside the file.
    for (const b of inv.blocks) {
      expect(b.offset).toBeGreaterThanOrEqual(0);
      expect(b.offset + b.length).toBeLessThanOrEqual(bytes.length);
      expect(b.dataOffset + b.dataLength).toBeLessThanOrEqual(bytes.length);
    }
    expect(inv.blocks.map((b) => b.offset)).toEqual([...inv.blocks.map((b) => b.offset)].sort((a, b) => a - b));

    // XMP: exiftool ignores the misspelt WebP chunk 'XMP\0', which we still report (it holds a packet).
    const xmpBlocks = inv.blocks.filter((b) => (b.kind === 'xmp' || b.kind === 'xmp-extended') && b.label !== 'XMP\0');
    expect(xmpBlocks.length > 0, 'xmp block ⇔ XMP group').toBe(xmpGroup);
    // IPTC lives in Photoshop IRBs (APP13, TIFF 33723/34377, PNG raw profile); an IRB may hold no IPTC.
    if (g.has('IPTC')) expect(has(inv, 'iptc')).toBe(true);
    if (has(inv, 'iptc')) expect(g.has('IPTC') || g.has('Photoshop')).toBe(true);
    expect(has(inv, 'icc'), 'icc block ⇔ ICC_Profile group').toBe(g.has('ICC_Profile'));
    // EXIF: truncated APP1s (exiftool: "JPEG format error") still count as an exif block for us.
    const exifGroup = g.has('IFD0') || g.has('ExifIFD') || g.has('GPS');
    if (exifGroup) expect(has(inv, 'exif')).toBe(true);
    if (has(inv, 'exif') && !exifGroup) expect(inv.warnings).toContain('exif-truncated');
    if (entry.format === 'jpeg') {
      // exiftool stops at the first damage in broken files, so there only "exiftool saw it ⇒ we see it" holds.
      if (g.has('Adobe') || !entry.broken) expect(has(inv, 'adobe')).toBe(g.has('Adobe'));
      if (g.has('JFIF') || !entry.broken) expect(has(inv, 'jfif')).toBe(g.has('JFIF'));
      if (g.has('Trailer')) expect(has(inv, 'trailer')).toBe(true);
    }
    if (entry.format === 'png') {
      const pngText = Object.keys(truth).filter((k) => /^PNG:(Make|Model|Software|CreateDate|Comment|Description|Author|Title)$/.test(k));
      if (pngText.length > 0) expect(has(inv, 'text')).toBe(true);
      if ('PNG:ModifyDate' in truth) expect(has(inv, 'time')).toBe(true);
    }

    // The EXIF location parses, and its Orientation matches exiftool's IFD0:Orientation.
    const orientation = truth['IFD0:Orientation'];
    if (inv.exif) {
      const facts = readExifFacts(bytes.subarray(inv.exif.offset, inv.exif.offset + inv.exif.length));
      if (typeof orientation === 'number') expect(facts.orientation).toBe(orientation);
      if (truth['IFD0:Make'] !== undefined) expect(facts.make).toBe(String(truth['IFD0:Make']).trim());
      if ('Composite:GPSLatitude' in truth) expect(facts.hasGps).toBe(true);
    } else {
      expect(typeof orientation === 'number' && !inv.warnings.includes('exif-truncated')).toBe(false);
    }

    if (!entry.broken) expect(inv.imageEnd, 'a sound file has a known end of image').toBeDefined();
    if (!entry.broken && entry.format === 'jpeg') expect(inv.warnings).toEqual([]);
    // Pixel size agrees with exiftool's File/PNG/RIFF/QuickTime ImageWidth when stated.
    const width = truth['File:ImageWidth'] ?? truth['PNG:ImageWidth'] ?? truth['RIFF:ImageWidth'] ?? truth['IFD0:ImageWidth'];
    if (typeof width === 'number' && inv.width !== undefined && entry.format !== 'heic' && entry.format !== 'avif') expect(inv.width).toBe(width);
  });

  test('truncated files are walked with warnings, not exceptions', async () => {
    const half = await walk(bufferSource(load('synthetic__truncated_half__ianare_DSCN0021.jpg')));
    expect(half.warnings).toContain('truncated');
    expect(half.imageEnd).toBe(half.size);
    const inApp1 = await walk(bufferSource(load('synthetic__truncated_in_app1__ianare_DSCN0025.jpg')));
    expect(inApp1.warnings).toEqual(expect.arrayContaining(['truncated', 'exif-truncated']));
    expect(inApp1.imageEnd).toBeUndefined();
  });

  test('the Exif item at the end of a HEIC file is found', async () => {
    const bytes = load('mei__exif-at-eof.heic');
    const inv = await walk(bufferSource(bytes));
    const exif = inv.blocks.find((b) => b.kind === 'exif');
    expect(exif?.offset).toBeGreaterThan(bytes.length - 4096);
    expect(inv.exif).toBeDefined();
    expect(has(inv, 'xmp')).toBe(true);
  });

  test('WebP EXIF is located for exifr, which cannot read WebP (Exif\\0\\0 prefix skipped)', async () => {
    const bytes = load('mei__Issue_473_Java.webp');
    const inv = await walk(bufferSource(bytes));
    expect(inv.warnings).toContain('webp-exif-header');
    const facts = readExifFacts(bytes.subarray(inv.exif!.offset, inv.exif!.offset + inv.exif!.length));
    expect(facts.orientation).toBe(6);
    expect(facts.hasGps).toBe(true);
  });

  test('a Blob source gives the same inventory as a buffer source', async () => {
    for (const file of ['mei__Multiple_ICC_segments.jpg', 'immich__denali.webp', 'mei__Issue_280_dotnet.png', 'mei__exif-at-eof.heic']) {
      const bytes = load(file);
      const fromBlob = await walk(blobSource(new Blob([new Uint8Array(bytes)])));
      expect(fromBlob).toEqual(await walk(bufferSource(bytes)));
    }
  });

  test('an aborted walk stops with the abort reason', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(walk(bufferSource(load('mei__Apple_iPhone_5.jpg')), { signal: controller.signal })).rejects.not.toBeInstanceOf(FormatError);
  });
});

describe('GIF', () => {
  test('comment and XMP application extensions are found; image data is stepped over', async () => {
    const enc = new TextEncoder();
    const xmp = enc.encode('<x:xmpmeta/>');
    // "magic trailer" of the XMP extension: 0x01, then 0xFF…0x00 (XMP spec part 3, §1.1.2), 258 bytes.
    const magic = Uint8Array.from([1, ...Array.from({ length: 256 }, (_, i) => 255 - i), 0]);
    const parts = [
      enc.encode('GIF89a'),
      Uint8Array.of(2, 0, 1, 0, 0, 0, 0), // 2×1, no global colour table
      Uint8Array.of(0x21, 0xfe, 5),
      enc.encode('hello'),
      Uint8Array.of(0),
      Uint8Array.of(0x21, 0xff, 11),
      enc.encode('XMP DataXMP'),
      xmp,
      magic,
      Uint8Array.of(0x2c, 0, 0, 0, 0, 2, 0, 1, 0, 0, 2, 2, 0x4c, 0x01, 0), // image: 2 data bytes
      Uint8Array.of(0x3b),
      enc.encode('junk'),
    ];
    const file = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) {
      file.set(p, o);
      o += p.length;
    }
    const inv = await walk(bufferSource(file));
    expect(inv.format).toBe('gif');
    expect([inv.width, inv.height]).toEqual([2, 1]);
    expect(inv.blocks.map((b) => b.kind)).toEqual(['comment', 'xmp', 'trailer']);
    expect(inv.blocks[1]?.text).toBe('<x:xmpmeta/>');
    expect(inv.warnings).toEqual([]);
  });
});
