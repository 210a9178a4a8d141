// Study Explorer's service worker: after the first visit the explorer works offline.
// scripts/offline-manifest.sh fills in VERSION and ASSETS at build time (Trunk's
// post_build hook), so every deploy with changed files is a new worker. URLs are relative
// to this file, so the app works under any sub-path.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `study-explorer-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('study-explorer-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks a waiting worker to take over when the reader chooses "reload".
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself, and a download link (<a download> is a navigation too, such as the
    // dataset's study.json): network first (a deploy shows at once), offline the cached
    // copy of that file, else the page.
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((c) => c.match(request, { ignoreSearch: true })
        .then((r) => r || c.match('./index.html')).then((r) => r || c.match('./')))),
    );
    return;
  }
  // Hashed assets never change: cache first.
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
