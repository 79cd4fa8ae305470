import { describe, expect, it } from 'vitest';
import { outlineExif } from '../../src/features/cleaner/exif-tags';
import { TAGS } from '../../src/formats/exif';
import { summarizeRemoved, verifyClean } from '../../src/features/cleaner/verify';
import { keepReason } from '../../src/formats/clean';
import { blockKindSchema } from '../../src/formats/schemas';
import type { BlockKind, Inventory, MetadataBlock } from '../../src/formats/types';

const KEEP_ALL = { keepOrientation: true, keepColorProfile: true };

function block(kind: BlockKind, offset = 2, length = 100): MetadataBlock {
  return { kind, label: kind, offset, length, dataOffset: offset + 4, dataLength: length - 4 };
}

function inventory(kinds: BlockKind[], extra: Partial<Inventory> = {}): Inventory {
  return { format: 'jpeg', size: 10_000, blocks: kinds.map((k, i) => block(k, 2 + i * 100)), imageEnd: 10_000, warnings: [], ...extra };
}

/** A little-endian TIFF structure with IFD0 holding the given SHORT tags, and optionally a next IFD. */
function tiff(tags: Array<[number, number]>, nextIfd = 0): Uint8Array {
  const bytes = new Uint8Array(8 + 2 + tags.length * 12 + 4);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, 8, true);
  view.setUint16(8, tags.length, true);
  tags.forEach(([tag, value], i) => {
    const at = 10 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, 3, true);
    view.setUint32(at + 4, 1, true);
    view.setUint16(at + 8, value, true);
  });
  view.setUint32(10 + tags.length * 12, nextIfd, true);
  return bytes;
}

describe('reading IFD0 defensively', () => {
  it('finds an orientation-only EXIF', () => {
    expect(outlineExif(tiff([[TAGS.orientation, 6]]))).toEqual({ tags: [TAGS.orientation], orientation: 6, hasNextIfd: false });
  });

  it('skips the "Exif\\0\\0" prefix some WebP writers add', () => {
    const withPrefix = new Uint8Array([0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff([[TAGS.orientation, 3]])]);
    expect(outlineExif(withPrefix).orientation).toBe(3);
  });

  it('refuses what is not a TIFF structure or runs past its bytes', () => {
    expect(() => outlineExif(new Uint8Array([1, 2, 3]))).toThrow();
    expect(() => outlineExif(new TextEncoder().encode('<html>not exif</html>'))).toThrow();
    const cut = tiff([
      [TAGS.orientation, 1],
      [0x010f, 1],
    ]).subarray(0, 20);
    expect(() => outlineExif(cut)).toThrow();
  });
});

describe('the verification rules', () => {
  it('accepts a file with only what was asked to be kept', () => {
    const verdict = verifyClean(inventory(['jfif', 'icc', 'icc', 'exif', 'adobe']), KEEP_ALL, outlineExif(tiff([[TAGS.orientation, 6]])));
    expect(verdict.ok).toBe(true);
    expect(verdict.left).toEqual([
      { kind: 'jfif', reason: 'harmless' },
      { kind: 'icc', reason: 'icc' },
      { kind: 'exif', reason: 'orientation' },
      { kind: 'adobe', reason: 'needed' },
    ]);
  });

  it.each<BlockKind>(['xmp', 'xmp-extended', 'iptc', 'comment', 'text', 'time', 'mpf', 'c2pa', 'thumbnail', 'trailer', 'app-other', 'unknown-chunk'])(
    'refuses a file that still holds %s',
    (kind) => {
      const verdict = verifyClean(inventory(['jfif', kind]), KEEP_ALL, undefined);
      expect(verdict.ok).toBe(false);
      expect(verdict.problems).toContain(kind);
    },
  );

  it('is never more lenient than the cleaner: a block the cleaner would remove is refused', () => {
    // Every kind, in a PNG and in a WebP, against the cleaner's own keep policy (the cleaner removes what it does not keep).
    for (const format of ['png', 'webp', 'jpeg'] as const) {
      for (const kind of blockKindSchema.options) {
        if (kind === 'exif') continue; // the cleaner writes its own; judged by the EXIF rules below
        const b = block(kind);
        const kept = keepReason(b, format, KEEP_ALL) !== undefined;
        expect(verifyClean(inventory([], { format, blocks: [b] }), KEEP_ALL, undefined).ok, `${format} ${kind}`).toBe(kept);
      }
    }
  });

  it('refuses an ICC profile a PNG carries in a text chunk (only iCCP is kept)', () => {
    const zTxtIcc: MetadataBlock = { ...block('icc'), label: 'zTXt' };
    expect(verifyClean(inventory([], { format: 'png', blocks: [zTxtIcc] }), KEEP_ALL, undefined).problems).toEqual(['icc']);
    expect(verifyClean(inventory([], { format: 'png', blocks: [{ ...zTxtIcc, label: 'iCCP' }] }), KEEP_ALL, undefined).ok).toBe(true);
  });

  it('refuses EXIF that holds more than the orientation, naming GPS when it is there', () => {
    const exif = outlineExif(
      tiff([
        [TAGS.orientation, 1],
        [0x010f, 0],
        [TAGS.gpsIfd, 100],
      ]),
    );
    const verdict = verifyClean(inventory(['exif']), KEEP_ALL, exif);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining(['gps', 'exif-tags']));
  });

  it('counts an IFD0 entry of unknown type as a tag (the reader keeps it, only its value is unreadable)', () => {
    const bytes = tiff([
      [TAGS.orientation, 1],
      [TAGS.make, 0],
    ]);
    new DataView(bytes.buffer).setUint16(10 + 12 + 2, 0, true); // the second entry's type: 0
    const exif = outlineExif(bytes);
    expect(exif.tags).toEqual([TAGS.orientation, TAGS.make]);
    expect(verifyClean(inventory(['exif']), KEEP_ALL, exif).problems).toEqual(['exif-tags']);
  });

  it('refuses an EXIF thumbnail (IFD1) even next to an orientation-only IFD0', () => {
    const verdict = verifyClean(inventory(['exif']), KEEP_ALL, outlineExif(tiff([[TAGS.orientation, 1]], 26)));
    expect(verdict.problems).toContain('thumbnail');
  });

  it('refuses any EXIF when the reader did not keep the orientation', () => {
    const verdict = verifyClean(inventory(['exif']), { keepOrientation: false, keepColorProfile: true }, outlineExif(tiff([[TAGS.orientation, 6]])));
    expect(verdict.problems).toEqual(['exif']);
  });

  it('treats EXIF it cannot read as unsafe', () => {
    expect(verifyClean(inventory(['exif']), KEEP_ALL, 'unreadable').problems).toEqual(['exif-unreadable']);
    expect(verifyClean(inventory(['exif']), KEEP_ALL, undefined).problems).toEqual(['exif-unreadable']);
  });

  it('refuses a colour profile the reader chose not to keep, but accepts the one a canvas writes', () => {
    const off = { keepOrientation: true, keepColorProfile: false };
    expect(verifyClean(inventory(['icc']), off, undefined).problems).toEqual(['icc']);
    expect(verifyClean(inventory(['icc']), off, undefined, 'converted').ok).toBe(true);
  });

  it('refuses any EXIF in a converted file (orientation is in the pixels there)', () => {
    const verdict = verifyClean(inventory(['exif']), KEEP_ALL, outlineExif(tiff([[TAGS.orientation, 1]])), 'converted');
    expect(verdict.problems).toEqual(['exif']);
  });

  it('refuses bytes after the end of the image even when no block names them', () => {
    expect(verifyClean(inventory([], { imageEnd: 9_000 }), KEEP_ALL, undefined).problems).toEqual(['trailer']);
  });

  it('accepts a file with no metadata at all', () => {
    expect(verifyClean(inventory([]), KEEP_ALL, undefined)).toEqual({ ok: true, problems: [], left: [] });
  });
});

describe('the "removed" summary', () => {
  it('groups by kind in order of first appearance, with counts and bytes', () => {
    expect(summarizeRemoved([block('exif', 2, 500), block('icc', 600, 100), block('exif', 700, 20)])).toEqual([
      { kind: 'exif', count: 2, bytes: 520 },
      { kind: 'icc', count: 1, bytes: 100 },
    ]);
  });
});
