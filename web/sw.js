// Spiegel's service worker: keeps the app working without a network after the first
// visit, and never touches what the app stored (localStorage, IndexedDB): it only keeps
// copies of Spiegel's own files in caches named "spiegel-…".
//
// - Pages (index.html, team.html): network first, so a new version is picked up on the
//   next visit; the cached copy when the network is gone or too slow.
// - Every other file has a content hash in its name and never changes: cache first.
// - Installing precaches the student's files; the team's files are kept once the team
//   page has been opened (and again by every later version on that device).
// - A new version activates at once and keeps the previous version's files, so a page
//   still open in another tab can finish what it loads.
//
// `make dist` (web/dist.mjs) fills in the file lists and the version below.

const VERSION = '{version}';
const CACHE = `spiegel-${VERSION}`;
/** The student page and everything it needs. */
const STUDENT = {student};
/** The team page and everything only it needs (the QR reader included). */
const TEAM = {team};
/** Every file of this version that may be cached (relative to the worker). */
const FILES = new Set([...STUDENT, ...TEAM, ...{other}]);
/** How long a page waits for the network before the cached copy is used. */
const PAGE_TIMEOUT_MS = 4000;
/** The list of versions, oldest first, kept in a cache of its own. */
const VERSIONS = 'spiegel-versions';

const url = (path) => new URL(path, self.registration.scope).href;
/** `./path` of an address inside the worker's scope, or null. */
function rel(href) {
  const { origin, pathname } = new URL(href);
  const scope = new URL(self.registration.scope);
  if (origin !== scope.origin || !pathname.startsWith(scope.pathname)) return null;
  return `./${pathname.slice(scope.pathname.length)}`;
}

async function teamWasOpened() {
  for (const name of await caches.keys()) {
    if (!name.startsWith('spiegel-') || name === VERSIONS) continue;
    if (await (await caches.open(name)).match(url('./team.html'))) return true;
  }
  return false;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(STUDENT.map(url));
      if (await teamWasOpened()) await cache.addAll(TEAM.map(url));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const meta = await caches.open(VERSIONS);
      const stored = await meta.match('versions');
      const versions = (stored ? await stored.json() : []).filter((v) => v !== VERSION);
      versions.push(VERSION);
      const keep = new Set(versions.slice(-2).map((v) => `spiegel-${v}`));
      await meta.put('versions', new Response(JSON.stringify(versions.slice(-2))));
      for (const name of await caches.keys()) {
        if (name.startsWith('spiegel-') && name !== VERSIONS && !keep.has(name)) {
          await caches.delete(name);
        }
      }
      await self.clients.claim();
    })(),
  );
});

/** Keeps the files a page loaded (`keep`), and the team's files when it is the team page. */
self.addEventListener('message', (event) => {
  const data = event.data ?? {};
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const wanted = new Set();
      for (const href of Array.isArray(data.keep) ? data.keep : []) {
        const path = rel(href);
        if (FILES.has(path)) wanted.add(url(path));
      }
      if (data.team === true) for (const path of TEAM) wanted.add(url(path));
      for (const href of wanted) {
        if (!(await cache.match(href))) await cache.add(href).catch(() => {});
      }
    })(),
  );
});

function pageOf(request) {
  const path = rel(request.url);
  if (path === './' || path === './index.html') return './';
  if (path === './team.html') return './team.html';
  return null;
}

async function page(request, path) {
  // This version's copy: an older version's page would load older files.
  const cached = caches.open(CACHE).then((c) => c.match(url(path)));
  try {
    const network = fetch(request);
    const timeout = new Promise((resolve) => setTimeout(resolve, PAGE_TIMEOUT_MS));
    const first = await Promise.race([network, timeout]);
    if (first instanceof Response && first.ok) return first;
    if (!first) {
      // Slow network: the cached copy if there is one, else keep waiting.
      return (await cached) ?? (await network);
    }
    return (await cached) ?? first;
  } catch {
    return (await cached) ?? Response.error();
  }
}

async function file(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && FILES.has(rel(request.url))) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone()).catch(() => {});
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const path = request.mode === 'navigate' ? pageOf(request) : null;
  if (path) {
    event.respondWith(page(request, path));
    return;
  }
  if (FILES.has(rel(request.url))) event.respondWith(file(request));
});
