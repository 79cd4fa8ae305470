/** Entry point of the walkers: sniff the format, then list its metadata blocks. */
import { sniff } from './sniff';
import { walkJpeg } from './jpeg';
import { FormatError, type ByteSource, type Inventory } from './types';

/** Options of walk(). */
export interface WalkOptions {
  /** Aborts the walk (the worker passes the reader's cancel). */
  signal?: AbortSignal;
}

/** Lists every metadata block of a file; throws FormatError on files it cannot read at all. */
export async function walk(source: ByteSource, options: WalkOptions = {}): Promise<Inventory> {
  const format = await sniff(source);
  const { signal } = options;
  switch (format) {
    case 'jpeg':
      return walkJpeg(source, signal);
    default:
      throw new FormatError('unsupported', `No walker for ${format} yet.`);
  }
}
