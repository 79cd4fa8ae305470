/**
 * One file, start to finish: walk the container, then read its metadata.
 * Maps every failure to a reader-facing code. Pure (no DOM): the worker
 * runs it on `blobSource(file)`, the unit tests on a Buffer.
 */
import type { ByteSource } from '../../formats/types';
import { FormatError } from '../../formats/types';
import { walk } from '../../formats/walk';
import { readPhoto } from './adapter';
import type { ReadErrorCode, Reading } from './protocol';

/** A reading, or the code of the message that explains why there is none. */
export type ReadResult = { ok: true; reading: Reading } | { ok: false; code: ReadErrorCode };

/**
 * JPEGs larger than this get a quick first look at their first HEAD_BYTES:
 * metadata segments all sit before the image data, while the walker's search
 * for the true end of image (to find trailers such as motion-photo videos)
 * reads the whole entropy-coded scan (≈ 1.1 s for a 20 MB JPEG on our 2-core box).
 */
export const HEAD_THRESHOLD = 2 * 1024 * 1024;
export const HEAD_BYTES = 512 * 1024;

/** The first `limit` bytes of a source, seen as a whole (shorter) file. */
function headOf(source: ByteSource, limit: number): ByteSource {
  const size = Math.min(source.size, limit);
  return { size, read: (offset, length) => source.read(offset, Math.max(0, Math.min(length, size - offset))) };
}

/**
 * A quick reading from the head of a large JPEG, or undefined when there is
 * none worth showing (small file, other format, nothing found before the cut).
 */
export async function readHead(source: ByteSource): Promise<Reading | undefined> {
  if (source.size <= HEAD_THRESHOLD) return undefined;
  try {
    const head = headOf(source, HEAD_BYTES);
    const inventory = await walk(head);
    if (inventory.format !== 'jpeg' || !inventory.blocks.some((b) => b.kind === 'exif' || b.kind === 'xmp')) return undefined;
    // The cut is ours, not damage: drop the truncation warnings and restore the real size.
    const clean = { ...inventory, size: source.size, warnings: inventory.warnings.filter((w) => !w.includes('trunc')) };
    return await readPhoto(source, clean);
  } catch {
    return undefined;
  }
}

/** Reads one file through random-access slices (never the whole photo). */
export async function readSource(source: ByteSource): Promise<ReadResult> {
  if (source.size === 0) return { ok: false, code: 'empty' };
  try {
    const inventory = await walk(source);
    return { ok: true, reading: await readPhoto(source, inventory) };
  } catch (error) {
    if (error instanceof FormatError) return { ok: false, code: error.code };
    // RangeError from a lying length, or anything else: the file cannot be read, the page goes on.
    return { ok: false, code: 'unreadable' };
  }
}
