/// <reference lib="webworker" />
/**
 * The offline service worker, bundled to /sw.js by integrations/offline.mjs,
 * which fills in the build's version and the list of files to precache.
 *
 * Updates: a new build's worker installs (precaches) in the background and
 * then waits. On the reader's next navigation, if this tab is the site's only
 * one, the old worker tells it to take over and answers the navigation with an
 * immediate reload, so the new page is served entirely by the new build: no
 * page ever runs with files of two builds, and old caches go on activation.
 */
import { SKIP_WAITING, cacheName, handles, precache, removeOldCaches, respond, type OfflineDeps } from './strategies';

declare const self: ServiceWorkerGlobalScope;
/** Content hash of the build (set at bundle time). */
declare const __BYA_VERSION__: string;
/** Every URL path of the build (set at bundle time). */
declare const __BYA_PRECACHE__: readonly string[];

const deps: OfflineDeps = {
  caches: self.caches,
  fetch: (input, init) => self.fetch(input, init),
  cache: cacheName(__BYA_VERSION__),
  origin: self.location.origin,
};

self.addEventListener('install', (event) => {
  event.waitUntil(precache(deps, __BYA_PRECACHE__));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(removeOldCaches(self.caches, deps.cache).then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  // The only message this worker accepts is a fixed string; anything else is ignored.
  if (event.data === SKIP_WAITING) void self.skipWaiting();
});

/** Hands over to a waiting worker at a navigation when no other tab of the site could be left with old files. */
async function navigate(request: Request): Promise<Response> {
  const waiting = self.registration.waiting;
  const windows = await self.clients.matchAll({ type: 'window' });
  if (waiting && windows.length < 2) {
    waiting.postMessage(SKIP_WAITING);
    return new Response('', { headers: { Refresh: '0' } });
  }
  return respond(deps, request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (!handles(request, deps.origin)) return;
  event.respondWith(request.mode === 'navigate' && self.registration.waiting ? navigate(request) : respond(deps, request));
});
