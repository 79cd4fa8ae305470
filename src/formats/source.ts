/**
 * ByteSource implementations: random access to a file's bytes so walkers read
 * only the headers they need (a 30 MB photo is never loaded whole to list its
 * metadata). Blob reads are asynchronous and costly per call, so small reads
 * go through a cache of aligned 64 KiB pages; large reads (the JPEG scan) go
 * straight to the Blob.
 */
import type { ByteSource } from './types';

/** A ByteSource over bytes already in memory (Node tests, small files). Returned views share memory: do not write to them. */
export function bufferSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(offset: number, length: number): Promise<Uint8Array> {
      const start = clampOffset(offset, bytes.length);
      const end = clampOffset(start + Math.max(0, length), bytes.length);
      return Promise.resolve(bytes.subarray(start, end));
    },
  };
}

const PAGE = 64 * 1024;
/** 16 pages = 1 MiB of cache: enough for the headers of any container we walk. */
const MAX_PAGES = 16;

/** A ByteSource over a Blob or File (browser and Node 24), reading small ranges through a page cache. */
export function blobSource(blob: Blob): ByteSource {
  const pages = new Map<number, Uint8Array>();
  async function page(index: number): Promise<Uint8Array> {
    const hit = pages.get(index);
    if (hit) {
      // Refresh its place in the Map's insertion order: a cheap LRU.
      pages.delete(index);
      pages.set(index, hit);
      return hit;
    }
    const start = index * PAGE;
    const data = new Uint8Array(await blob.slice(start, Math.min(blob.size, start + PAGE)).arrayBuffer());
    pages.set(index, data);
    if (pages.size > MAX_PAGES) {
      const oldest = pages.keys().next();
      if (!oldest.done) pages.delete(oldest.value);
    }
    return data;
  }
  return {
    size: blob.size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const start = clampOffset(offset, blob.size);
      const end = clampOffset(start + Math.max(0, length), blob.size);
      if (end <= start) return new Uint8Array(0);
      if (end - start > PAGE) return new Uint8Array(await blob.slice(start, end).arrayBuffer());
      const first = Math.floor(start / PAGE);
      const last = Math.floor((end - 1) / PAGE);
      if (first === last) {
        const p = await page(first);
        return p.subarray(start - first * PAGE, end - first * PAGE);
      }
      const out = new Uint8Array(end - start);
      for (let i = first; i <= last; i++) {
        const p = await page(i);
        const pStart = i * PAGE;
        const from = Math.max(start, pStart);
        const to = Math.min(end, pStart + p.length);
        out.set(p.subarray(from - pStart, to - pStart), from - start);
      }
      return out;
    },
  };
}

function clampOffset(n: number, size: number): number {
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(Math.floor(n), size);
}
