/**
 * TIFF walker: a TIFF file is itself the EXIF structure, so its IFDs are the
 * EXIF blocks, and XMP (tag 700), IPTC (33723), Photoshop (34377) and ICC
 * (34675) are tags pointing at byte ranges. Cleaning TIFF is out of scope.
 */
import { utf8Text } from './bytes';
import { readTiff, TAGS, entryUint } from './exif';
import { FormatError, type BlockKind, type ByteSource, type Inventory } from './types';

/** TIFF values can sit anywhere, so the walker reads the file whole, up to this size. */
const TIFF_CAP = 64 * 1024 * 1024;

/** Walks a TIFF file. */
export async function walkTiff(src: ByteSource): Promise<Inventory> {
  if (src.size > TIFF_CAP) throw new FormatError('too-large', 'TIFF files over 64 MiB are not read.');
  const bytes = await src.read(0, src.size);
  const tiff = readTiff(bytes);
  const inv: Inventory = {
    format: 'tiff',
    size: src.size,
    blocks: [],
    warnings: [...tiff.warnings],
    exif: { offset: 0, length: src.size },
    imageEnd: src.size,
  };
  const tagKinds = new Map<number, [BlockKind, string]>([
    [TAGS.xmp, ['xmp', 'XMP (tag 700)']],
    [TAGS.iptc, ['iptc', 'IPTC (tag 33723)']],
    [TAGS.photoshop, ['iptc', 'Photoshop (tag 34377)']],
    [TAGS.icc, ['icc', 'ICC (tag 34675)']],
  ]);
  for (const ifd of tiff.ifds) {
    const length = 2 + ifd.entries.length * 12 + 4;
    inv.blocks.push({ kind: 'exif', label: ifd.name, offset: ifd.offset, length, dataOffset: ifd.offset, dataLength: length });
    for (const entry of ifd.entries) {
      if (ifd.name === 'IFD0' && (entry.tag === TAGS.imageWidth || entry.tag === TAGS.imageLength)) {
        const v = entryUint(bytes, tiff, entry);
        if (v !== undefined) {
          if (entry.tag === TAGS.imageWidth) inv.width = v;
          else inv.height = v;
        }
      }
      const kind = tagKinds.get(entry.tag);
      if (!kind || entry.valueOffset < 0) continue;
      const size = entry.count * (entry.type === 3 ? 2 : entry.type === 4 ? 4 : 1);
      const block = { kind: kind[0], label: kind[1], offset: entry.valueOffset, length: size, dataOffset: entry.valueOffset, dataLength: size };
      inv.blocks.push(kind[0] === 'xmp' ? { ...block, text: utf8Text(bytes.subarray(entry.valueOffset, entry.valueOffset + size)) } : block);
    }
  }
  inv.blocks.sort((a, b) => a.offset - b.offset);
  return inv;
}
