/**
 * The page side of the share target (src/sw/share-target.ts): when the site
 * opens from the share sheet (`?shared=N` on the cleaner's page), the photos
 * wait in a cache of their own; they are taken out as Files and the cache is
 * deleted at once, so nothing of them is left on the device but the clean
 * copies the reader downloads or shares on.
 */
import { NAME_HEADER, SHARE_CACHE } from '../../sw/share-target';

/** What the landing URL says of a share, or undefined when the page was not opened by one. */
export interface ShareLanding {
  /** Photos the service worker kept (0: the share held none). */
  expected: number;
  /** Items left out (not images, or past the limit). */
  skipped: number;
}

/** Reads `?shared=N&skipped=M` (untrusted: anything else is no share). */
export function shareLanding(search: string): ShareLanding | undefined {
  const params = new URLSearchParams(search);
  const shared = params.get('shared');
  if (shared === null || !/^\d{1,4}$/.test(shared)) return undefined;
  const skipped = params.get('skipped');
  return { expected: Number(shared), skipped: skipped !== null && /^\d{1,6}$/.test(skipped) ? Number(skipped) : 0 };
}

/** Takes the shared photos out of their cache (in the order shared) and deletes the cache. */
export async function takeSharedFiles(caches: CacheStorage): Promise<File[]> {
  if (!(await caches.has(SHARE_CACHE))) return [];
  const cache = await caches.open(SHARE_CACHE);
  const requests = await cache.keys();
  const files: File[] = [];
  const order = (r: Request): number => Number(new URL(r.url).pathname.split('/').pop());
  for (const request of [...requests].sort((a, b) => order(a) - order(b))) {
    const response = await cache.match(request);
    if (!response) continue;
    let name = 'photo';
    try {
      name = decodeURIComponent(response.headers.get(NAME_HEADER) ?? 'photo') || 'photo';
    } catch {
      /* a name that does not decode: keep 'photo' */
    }
    const blob = await response.blob();
    files.push(new File([blob], name.slice(0, 255), { type: blob.type }));
  }
  await caches.delete(SHARE_CACHE);
  return files;
}
