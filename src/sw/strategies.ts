/**
 * What the offline service worker does with each request, written against the
 * Cache and fetch APIs only (no worker globals) so unit tests can drive it.
 *
 * - One cache per build, named after a hash of the build (`bya-<hash>`): a
 *   page never mixes files of two builds, and activation removes older caches.
 * - Pages: network first (a reader online always gets the latest build), the
 *   precached copy when the network fails or stalls.
 * - Everything else that was precached (hashed /_astro/ assets, wasm, search
 *   index, images): cache first, the network only for what is missing.
 * - Nothing fetched later is written to the cache: it holds exactly one build.
 */

/** Every cache this site creates starts with this; other caches are left alone. */
export const CACHE_PREFIX = 'bya-';

/** Message a page or an old worker sends a waiting worker to take over now. */
export const SKIP_WAITING = 'bya:skip-waiting';

/** How long a page request may wait for the network before the cached copy is served. */
export const NETWORK_TIMEOUT_MS = 4000;

/** The cache name of one build. */
export function cacheName(version: string): string {
  return `${CACHE_PREFIX}${version}`;
}

/** What the strategies need from the worker's world (real globals in the worker, fakes in tests). */
export interface OfflineDeps {
  caches: CacheStorage;
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Name of this build's cache. */
  cache: string;
  /** The site's origin; requests elsewhere are never touched. */
  origin: string;
  networkTimeoutMs?: number;
}

/** Whether the worker answers this request at all: same-origin GETs only (the site makes no others). */
export function handles(request: Request, origin: string): boolean {
  return request.method === 'GET' && new URL(request.url).origin === origin;
}

/** A page (HTML document) rather than a subresource. */
export function isPageRequest(request: Request): boolean {
  return request.mode === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html');
}

/** How many files the install downloads at once: enough to keep the connection busy, few enough not to crowd the reader's page. */
export const PRECACHE_CONCURRENCY = 4;

/**
 * Downloads every listed URL into this build's cache, at most
 * `PRECACHE_CONCURRENCY` at a time. Any failure rejects (and stops starting
 * new downloads), so the install fails and the previous worker (and its
 * complete cache) stays.
 */
export async function precache(deps: OfflineDeps, urls: readonly string[], concurrency = PRECACHE_CONCURRENCY): Promise<void> {
  const cache = await deps.caches.open(deps.cache);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < urls.length) {
      const url = urls[next++] ?? '';
      // 'no-cache': revalidate with the server, so the HTTP cache cannot hand over a file of an older build.
      const absolute = new URL(url, deps.origin).href;
      try {
        const response = await deps.fetch(absolute, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
        await cache.put(absolute, response);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, urls.length)) }, lane));
}

/** Deletes the caches of older builds (ours only). Returns the names removed. */
export async function removeOldCaches(caches: CacheStorage, keep: string): Promise<string[]> {
  const old = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && name !== keep);
  await Promise.all(old.map((name) => caches.delete(name)));
  return old;
}

/** The cached copy of a page: exact path, then with a trailing slash, then the language's 404 page. */
async function cachedPage(deps: OfflineDeps, url: URL): Promise<Response | undefined> {
  const cache = await deps.caches.open(deps.cache);
  const candidates = [url.pathname];
  if (!url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(url.pathname)) candidates.push(`${url.pathname}/`);
  candidates.push(url.pathname.startsWith('/en/') ? '/en/404/' : '/404.html');
  for (const path of candidates) {
    const hit = await cache.match(new URL(path, deps.origin).href, { ignoreSearch: true });
    if (hit) return hit;
  }
  return undefined;
}

/** Resolves with the network's answer, or rejects when it fails or takes longer than `ms`. */
function networkWithin(deps: OfflineDeps, request: Request, ms: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), ms);
    deps.fetch(request).then(
      (response) => {
        clearTimeout(timer);
        resolve(response);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error('network error'));
      },
    );
  });
}

/** The answer to one same-origin GET request (see the module comment for the rules). */
export async function respond(deps: OfflineDeps, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (isPageRequest(request)) {
    try {
      return await networkWithin(deps, request, deps.networkTimeoutMs ?? NETWORK_TIMEOUT_MS);
    } catch (error) {
      const cached = await cachedPage(deps, url);
      if (cached) return cached;
      throw error;
    }
  }
  const cache = await deps.caches.open(deps.cache);
  const hit = await cache.match(url.origin + url.pathname, { ignoreSearch: !url.pathname.startsWith('/_astro/') });
  return hit ?? deps.fetch(request);
}
