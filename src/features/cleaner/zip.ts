/**
 * One ZIP of clean files, built in the worker from the output Blobs chunk by
 * chunk (fflate streaming). Entries are stored, not compressed: JPEG, PNG and
 * WebP are already compressed, and storing keeps it fast on big batches.
 */
import { Zip, ZipPassThrough } from 'fflate';

// Archive chunks are gathered into a Blob every 8 MiB, so the worker never
// holds more than that in JavaScript memory however large the batch.
const FLUSH_BYTES = 8 * 1024 * 1024;
// A fixed timestamp (1980-01-01, the earliest ZIP can store): the current time
// would say when the reader cleaned the photos, and would make two ZIPs of the
// same files differ.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** Builds a stored ZIP of the given entries (names must already be unique). */
export async function zipBlobs(entries: ReadonlyArray<{ name: string; blob: Blob }>): Promise<Blob> {
  let archive = new Blob([], { type: 'application/zip' });
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  // Set from the Zip callback: the cast keeps TypeScript from narrowing it to `null` for good.
  let failure = null as Error | null;
  const flush = (): void => {
    archive = new Blob([archive, ...pending.map(asBlobPart)], { type: 'application/zip' });
    pending = [];
    pendingBytes = 0;
  };
  const zip = new Zip((error, chunk) => {
    if (error) {
      failure = error;
      return;
    }
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= FLUSH_BYTES) flush();
  });
  for (const entry of entries) {
    const file = new ZipPassThrough(entry.name);
    file.mtime = FIXED_MTIME;
    zip.add(file);
    const reader = entry.blob.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      file.push(value);
    }
    file.push(new Uint8Array(0), true);
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  flush();
  return archive;
}

/** A chunk as a BlobPart without copying it (only a shared buffer, which never occurs here, is copied). */
function asBlobPart(chunk: Uint8Array): BlobPart {
  return chunk.buffer instanceof ArrayBuffer ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : chunk.slice();
}
