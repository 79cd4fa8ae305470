/// <reference lib="webworker" />
/**
 * The offline service worker, bundled to /sw.js by integrations/offline.mjs,
 * which fills in the build's version and the list of files to precache.
 *
 * Updates: a new build's worker installs (precaches) in the background and
 * then waits. On the reader's next navigation, if at most one window of the
 * site is open, the old worker tells it to take over, waits until it is
 * active, and answers the navigation with an immediate reload, which the new
 * worker serves: a new page runs entirely on the new build. A tab still on the
 * old build keeps working: its build's cache is kept until no window uses it
 * (see strategies.ts). Everything but the worker's globals lives in
 * strategies.ts, where the unit tests drive it.
 */
import { isShareRequest, receiveShare } from './share-target';
import { SKIP_WAITING, cacheName, handles, navigate, precache, removeOldCaches, removeUnusedCaches, respond, savesData, type NavigateDeps } from './strategies';

declare const self: ServiceWorkerGlobalScope;
/** Content hash of the build and of this worker's bundle (set at bundle time). */
declare const __BYA_VERSION__: string;
/** Every URL path of the build (set at bundle time). */
declare const __BYA_PRECACHE__: readonly string[];

const deps: NavigateDeps = {
  caches: self.caches,
  fetch: (input, init) => self.fetch(input, init),
  cache: cacheName(__BYA_VERSION__),
  origin: self.location.origin,
  waiting: () => self.registration.waiting,
  windowCount: async () => (await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).length,
};

/** The windows this worker's navigations created (in memory: a restart forgets them, which only keeps a cache longer). */
const loadedHere = new Set<string>();

self.addEventListener('install', (event) => {
  // Save-Data: the new build is not downloaded in the background; the installed worker and its cache stay.
  if (savesData(self.navigator)) {
    event.waitUntil(Promise.reject(new Error('Save-Data: the offline copy is not updated')));
    return;
  }
  // A failed install leaves no half-filled cache behind (the clean-up judges caches by their order).
  event.waitUntil(
    precache(deps, __BYA_PRECACHE__).catch(async (error: unknown) => {
      await self.caches.delete(deps.cache);
      throw error;
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(removeOldCaches(self.caches, deps.cache, { keepPrevious: true }).then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  // The only message this worker accepts is a fixed string; anything else is ignored.
  if (event.data === SKIP_WAITING) void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // The share sheet's POST of photos: answered here, so it never reaches the network.
  if (isShareRequest(request, deps.origin)) {
    event.respondWith(receiveShare(self.caches, request, deps.origin, self.navigator.language));
    return;
  }
  if (!handles(request, deps.origin)) return;
  if (request.mode !== 'navigate') {
    event.respondWith(respond(deps, request));
    return;
  }
  event.respondWith(navigate(deps, request));
  if (event.resultingClientId) loadedHere.add(event.resultingClientId);
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) =>
      removeUnusedCaches(
        deps,
        windows.map((w) => w.id),
        loadedHere,
      ),
    ),
  );
});
