/**
 * What the offline service worker does with each request, written against the
 * Cache and fetch APIs only (no worker globals) so unit tests can drive it.
 *
 * - One cache per build, named after a hash of the build and of the bundled
 *   worker (`bya-<hash>`). Activation keeps the previous build's cache (a tab
 *   opened before the update may still run that build and load its lazy
 *   chunks) and deletes older ones; the previous one goes once every open
 *   window was loaded by this build.
 * - Pages: network first (a reader online always gets the latest build), the
 *   precached copy when the network fails or stalls.
 * - Everything else that was precached (hashed /_astro/ assets, wasm, search
 *   index, images): cache first, the network only for what is missing. A
 *   hashed /_astro/ file never changes under its name, so it is looked up in
 *   every build cache of ours: the previous build's tab finds its chunks.
 * - Nothing fetched later is written to a build cache: it holds exactly one build.
 * - Models (`/models/<package>@<version>/…`, too big to precache) go to one
 *   long-lived cache, `bya-models-v1`, on first use, cache first: its name does
 *   not change with the build and the clean-up never deletes it; a new model
 *   version has a new path.
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

/** The long-lived cache of models, filled on first use, independent of the build (see the module comment). */
export const MODELS_CACHE = `${CACHE_PREFIX}models-v1`;

/** Where models are served from. */
export const MODELS_PATH = '/models/';

/** A cache of one build (ours, and not the models' cache nor the share target's, see share-target.ts). */
export function isBuildCache(name: string): boolean {
  return name.startsWith(CACHE_PREFIX) && !name.startsWith(`${CACHE_PREFIX}models-`) && !name.startsWith(`${CACHE_PREFIX}share-`);
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

/**
 * Deletes the caches of builds older than `current` (ours only, never the
 * models' cache, never a cache made after `current`: that is a newer worker
 * installing). With `keepPrevious`, the build just before `current` stays: a
 * tab may still run it. Cache names come back in the order they were made
 * (CacheStorage keys() is ordered by creation). Returns the names removed.
 */
export async function removeOldCaches(caches: CacheStorage, current: string, { keepPrevious }: { keepPrevious: boolean }): Promise<string[]> {
  const builds = (await caches.keys()).filter(isBuildCache);
  const at = builds.indexOf(current);
  if (at < 0) return []; // our own cache is gone: judge nothing
  const older = builds.slice(0, at);
  const doomed = keepPrevious ? older.slice(0, -1) : older;
  await Promise.all(doomed.map((name) => caches.delete(name)));
  return doomed;
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
  if (url.pathname.startsWith(MODELS_PATH)) return model(deps, request);
  return (await cachedAsset(deps, url)) ?? deps.fetch(request);
}

/** A precached file: this build's cache first; a hashed /_astro/ file from any build cache of ours (it is the same file). */
async function cachedAsset(deps: OfflineDeps, url: URL): Promise<Response | undefined> {
  const key = url.origin + url.pathname;
  const hashed = url.pathname.startsWith('/_astro/');
  const hit = await (await deps.caches.open(deps.cache)).match(key, { ignoreSearch: !hashed });
  if (hit || !hashed) return hit;
  for (const name of (await deps.caches.keys()).filter(isBuildCache).reverse()) {
    if (name === deps.cache) continue;
    const other = await (await deps.caches.open(name)).match(key);
    if (other) return other;
  }
  return undefined;
}

/** A model file: from the models' cache, else from the network, kept when it came whole (200). */
async function model(deps: OfflineDeps, request: Request): Promise<Response> {
  const cache = await deps.caches.open(MODELS_CACHE);
  const key = new URL(request.url).href;
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await deps.fetch(request);
  // Only a whole answer is kept (not a 206 range, not an error); the copy goes to the cache, the original to the page.
  if (response.status === 200 && !request.headers.has('range')) await cache.put(key, response.clone());
  return response;
}

/** The part of a waiting ServiceWorker that the handover uses. */
export interface WaitingWorker {
  readonly state: string;
  postMessage(message: string): void;
  addEventListener(type: 'statechange', listener: () => void): void;
  removeEventListener(type: 'statechange', listener: () => void): void;
}

/** What a navigation needs beyond the strategies (the worker's registration and clients, or fakes in tests). */
export interface NavigateDeps extends OfflineDeps {
  /** The new build's worker, installed and waiting, if there is one. */
  waiting: () => WaitingWorker | null;
  /** How many windows of the site are open, controlled or not. */
  windowCount: () => Promise<number>;
  /** How long to wait for the waiting worker to become active before serving the page as usual. */
  activationTimeoutMs?: number;
}

/** How long a navigation waits for the new worker to activate before it gives up and serves the page itself. */
export const ACTIVATION_TIMEOUT_MS = 3000;

/** Resolves true once `worker` is activated, false if it has not after `ms` (or became redundant). */
export function activated(worker: WaitingWorker, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (result: boolean): void => {
      clearTimeout(timer);
      worker.removeEventListener('statechange', check);
      resolve(result);
    };
    const check = (): void => {
      if (worker.state === 'activated') done(true);
      else if (worker.state === 'redundant') done(false);
    };
    const timer = setTimeout(() => done(false), ms);
    worker.addEventListener('statechange', check);
    check();
  });
}

/**
 * The answer to a navigation. When a new build's worker is waiting and at most
 * one window of the site is open, it is told to take over, and only once it is
 * activated is the navigation answered with an immediate reload, which the new
 * worker then serves: the new page runs entirely on the new build, and the
 * reload cannot come back to this worker and start again (no loop). If it does
 * not activate in time, the page is served as usual and the handover waits for
 * the next navigation.
 *
 * The window count cannot tell a navigation in the only tab from a new tab
 * opened beside one (a navigation not yet answered is not a client), so a tab
 * of the old build may be open when the new one takes over: it keeps working,
 * because its build's cache is kept and its hashed files are found there.
 */
export async function navigate(deps: NavigateDeps, request: Request): Promise<Response> {
  const waiting = deps.waiting();
  if (waiting && (await deps.windowCount()) < 2) {
    waiting.postMessage(SKIP_WAITING);
    if (await activated(waiting, deps.activationTimeoutMs ?? ACTIVATION_TIMEOUT_MS)) return new Response('', { headers: { Refresh: '0' } });
  }
  return respond(deps, request);
}

/** Whether the reader asked their browser to save data (Save-Data): then nothing big is downloaded in the background. */
export function savesData(nav: object): boolean {
  const connection: unknown = Reflect.get(nav, 'connection');
  return typeof connection === 'object' && connection !== null && Reflect.get(connection, 'saveData') === true;
}

/**
 * The clean-up after a navigation: the previous build's cache goes once every
 * open window (`windowIds`) was loaded by this build's worker (`loadedHere`,
 * the ids of the windows its navigations created). A window it does not know
 * (opened before the update, or before the worker last restarted) keeps it.
 */
export async function removeUnusedCaches(deps: OfflineDeps, windowIds: readonly string[], loadedHere: ReadonlySet<string>): Promise<string[]> {
  return removeOldCaches(deps.caches, deps.cache, { keepPrevious: windowIds.some((id) => !loadedHere.has(id)) });
}
