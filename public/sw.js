// Placeholder service worker: replaced by the offline precache (see src/sw).
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
