/**
 * The share target's two halves with Node's own Request/Response/FormData and a
 * Map-backed CacheStorage: the service worker keeps a share's images (and only
 * images, at most MAX_SHARED_FILES) in their own cache and answers with a 303 to
 * the cleaner; the page takes them out in order, with their names, and deletes
 * the cache.
 */
import { describe, expect, it } from 'vitest';
import { shareLanding, takeSharedFiles } from '../../src/features/photos/shared';
import { isBuildCache } from '../../src/sw/strategies';
import { isShareRequest, landingUrl, MAX_SHARED_FILES, receiveShare, SHARE_CACHE } from '../../src/sw/share-target';

const ORIGIN = 'https://avant.example';

/** Just enough CacheStorage for the share target (keys in insertion order, as browsers keep them). */
class MemoryCaches {
  readonly stores = new Map<string, Map<string, Response>>();
  async open(name: string) {
    const store = this.stores.get(name) ?? new Map<string, Response>();
    this.stores.set(name, store);
    return {
      put: async (url: string, response: Response) => void store.set(url, response),
      keys: async () => [...store.keys()].map((u) => new Request(u)),
      match: async (request: Request) => store.get(request.url)?.clone(),
    };
  }
  async has(name: string) {
    return this.stores.has(name);
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
}
const asCaches = (c: MemoryCaches): CacheStorage => c as unknown as CacheStorage;

function sharePost(files: Array<File | string>): Request {
  const form = new FormData();
  for (const f of files) form.append('photos', f);
  return new Request(`${ORIGIN}/share/`, { method: 'POST', body: form });
}
const jpeg = (name: string, byte: number) => new File([new Uint8Array([0xff, 0xd8, 0xff, byte])], name, { type: 'image/jpeg' });

describe('share target', () => {
  it('keeps the images of a share and sends the reader to the cleaner; the page takes them out and the cache is gone', async () => {
    const caches = new MemoryCaches();
    const response = await receiveShare(asCaches(caches), sharePost([jpeg('IMG_0001.jpg', 1), 'a caption', jpeg('été à Lyon.jpg', 2)]), ORIGIN, 'fr-FR');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/outils/inspecteur/?shared=2&skipped=1#cleaner`);
    expect(shareLanding('?shared=2&skipped=1')).toEqual({ expected: 2, skipped: 1 });
    const files = await takeSharedFiles(asCaches(caches));
    expect(files.map((f) => [f.name, f.type, f.size])).toEqual([
      ['IMG_0001.jpg', 'image/jpeg', 4],
      ['été à Lyon.jpg', 'image/jpeg', 4],
    ]);
    expect(new Uint8Array((await files[1]?.arrayBuffer()) ?? new ArrayBuffer(0))[3]).toBe(2);
    expect(caches.stores.has(SHARE_CACHE)).toBe(false);
    expect(await takeSharedFiles(asCaches(caches))).toEqual([]);
  });

  it('a share with no image lands with shared=0; a new share replaces what an old one left', async () => {
    const caches = new MemoryCaches();
    await receiveShare(asCaches(caches), sharePost([jpeg('old.jpg', 9)]), ORIGIN, 'en-GB');
    const none = await receiveShare(asCaches(caches), sharePost(['just text']), ORIGIN, 'en-GB');
    expect(none.headers.get('location')).toBe(`${ORIGIN}/en/tools/inspector/?shared=0&skipped=1#cleaner`);
    expect(caches.stores.has(SHARE_CACHE)).toBe(false);
    const broken = await receiveShare(asCaches(caches), new Request(`${ORIGIN}/share/`, { method: 'POST', body: 'not a form' }), ORIGIN, 'en');
    expect(broken.headers.get('location')).toContain('shared=0');
  });

  it('keeps at most MAX_SHARED_FILES photos and counts the rest', async () => {
    const caches = new MemoryCaches();
    const many = Array.from({ length: MAX_SHARED_FILES + 3 }, (_, i) => jpeg(`p${i}.jpg`, i % 256));
    const response = await receiveShare(asCaches(caches), sharePost(many), ORIGIN, 'en');
    expect(response.headers.get('location')).toContain(`shared=${MAX_SHARED_FILES}&skipped=3`);
    const files = await takeSharedFiles(asCaches(caches));
    expect(files).toHaveLength(MAX_SHARED_FILES);
    expect(files.map((f) => f.name).slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => `p${i}.jpg`));
  });

  it('answers only our own POST to /share/; its cache is never taken for a build’s; the landing ignores junk', () => {
    expect(isShareRequest(new Request(`${ORIGIN}/share/`, { method: 'POST' }), ORIGIN)).toBe(true);
    expect(isShareRequest(new Request(`${ORIGIN}/share/`), ORIGIN)).toBe(false);
    expect(isShareRequest(new Request('https://other.example/share/', { method: 'POST' }), ORIGIN)).toBe(false);
    expect(isBuildCache(SHARE_CACHE)).toBe(false);
    expect(isBuildCache('bya-0123456789ab')).toBe(true);
    expect(shareLanding('?shared=<script>')).toBeUndefined();
    expect(shareLanding('')).toBeUndefined();
    expect(landingUrl(ORIGIN, 'de', { kept: 1, skipped: 0 })).toBe(`${ORIGIN}/en/tools/inspector/?shared=1#cleaner`);
  });
});
