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
