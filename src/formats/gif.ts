/**
 * GIF walker (GIF89a spec §17–§26): logical screen size, comment extensions
 * and XMP application extensions. Image data sub-blocks are stepped over by
 * their one-byte lengths, so the walk is linear and bounded by the file size.
 */
import { ascii, checkAbort, startsWith, u16le, utf8Text } from './bytes';
import { FormatError, type ByteSource, type Inventory } from './types';

/** Walks a GIF file (reading it through the source's page cache). */
export async function walkGif(src: ByteSource, signal?: AbortSignal): Promise<Inventory> {
  const size = src.size;
  const head = await src.read(0, 13);
  if (!startsWith(head, 'GIF8')) throw new FormatError('not-an-image', 'No GIF signature.');
  const inv: Inventory = { format: 'gif', size, blocks: [], warnings: [], width: u16le(head, 6), height: u16le(head, 8) };
  const packed = head[10] ?? 0;
  let pos = 13 + (packed & 0x80 ? 3 * (1 << ((packed & 7) + 1)) : 0);
  /** Steps over data sub-blocks from `p`; returns the position after the terminator, or -1 if the file ends first. */
  const skipSubBlocks = async (p: number): Promise<number> => {
    while (p < size) {
      checkAbort(signal);
      const n = (await src.read(p, 1))[0] ?? 0;
      p += 1 + n;
      if (n === 0) return p;
    }
    return -1;
  };
  while (pos < size) {
    checkAbort(signal);
    const h = await src.read(pos, 14);
    const intro = h[0];
    if (intro === 0x3b) {
      inv.imageEnd = pos + 1;
      if (pos + 1 < size)
        inv.blocks.push({ kind: 'trailer', label: 'after trailer', offset: pos + 1, length: size - pos - 1, dataOffset: pos + 1, dataLength: size - pos - 1 });
      return inv;
    }
    if (intro === 0x2c) {
      const lp = h[9] ?? 0;
      const after = pos + 10 + (lp & 0x80 ? 3 * (1 << ((lp & 7) + 1)) : 0) + 1; // + LZW minimum code size
      const end = await skipSubBlocks(after);
      if (end < 0) break;
      pos = end;
    } else if (intro === 0x21) {
      const label = h[1];
      const end = await skipSubBlocks(pos + 2);
      if (end < 0) break;
      if (label === 0xfe) {
        inv.blocks.push({ kind: 'comment', label: 'Comment Extension', offset: pos, length: end - pos, dataOffset: pos + 2, dataLength: end - pos - 2 });
      } else if (label === 0xff && ascii(h, 3, 14) === 'XMP DataXMP') {
        const block = {
          kind: 'xmp' as const,
          label: 'XMP Application Extension',
          offset: pos,
          length: end - pos,
          dataOffset: pos + 14,
          dataLength: Math.max(0, end - pos - 14 - 258),
        };
        inv.blocks.push({ ...block, text: utf8Text(await src.read(block.dataOffset, block.dataLength)) });
      }
      pos = end;
    } else {
      inv.warnings.push('gif-bad-block');
      return inv;
    }
  }
  inv.warnings.push('truncated');
  return inv;
}
