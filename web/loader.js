// Spiegel's loader. A file of its own, so the Content-Security-Policy needs no
// 'unsafe-inline' for scripts. It starts this page's wasm app (the student app on
// index.html, the team app on team.html: the page's <script data-js data-wasm> names
// the hashed files), replaces the "Spiegel laadt…" shell once the app runs, says so
// plainly when the browser cannot run it, and registers the service worker that keeps
// Spiegel working without a network after the first visit.
//
// `make dist` (web/dist.mjs) writes this file under a content-hashed name.

const me = document.querySelector('script[data-js][data-wasm]');
const shell = document.getElementById('loading');

const MESSAGES = {
  browser: [
    'Spiegel werkt niet in deze browser. Open de link in een nieuwere browser, zoals Chrome, Edge, Firefox of Safari.',
    'Spiegel does not work in this browser. Open the link in a recent browser, such as Chrome, Edge, Firefox or Safari.',
  ],
  failed: [
    'Spiegel kon niet starten. Laad de pagina opnieuw. Lukt het dan nog niet? Gebruik een andere browser.',
    'Spiegel could not start. Reload the page. Still no luck? Use another browser.',
  ],
};

/** Replaces the loading text with a plain message, in Dutch and English. */
function fail(kind) {
  // The app's own panic message is already on the page: nothing to add.
  if (document.querySelector('.panic')) {
    shell?.remove();
    return;
  }
  if (!shell) return;
  const [nl, en] = MESSAGES[kind];
  shell.className = 'loading loading--failed';
  shell.setAttribute('role', 'alert');
  shell.replaceChildren();
  for (const [lang, text] of [['nl', nl], ['en', en]]) {
    const p = document.createElement('p');
    p.lang = lang;
    p.textContent = text;
    shell.append(p);
  }
}

/**
 * An invitation link names its vragenlijst (`#…&i=<id>&v=<version>&…`): start fetching
 * that file now, alongside the wasm, instead of after the app has started. The app's own
 * request then takes this one over (a preload).
 */
function prefetchInvited() {
  try {
    const meta = document.querySelector('meta[name=spiegel-builtins]');
    const params = new URLSearchParams(location.hash.slice(1));
    const path = meta && JSON.parse(meta.content)[`${params.get('i')}@${params.get('v')}`];
    if (!path) return;
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = path;
    document.head.append(link);
  } catch {
    // Only a head start: the app fetches the file itself anyway.
  }
}

async function start() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('browser');
    return false;
  }
  try {
    const { default: init } = await import(me.dataset.js);
    await init({ module_or_path: me.dataset.wasm });
  } catch (e) {
    console.error(e);
    fail(e instanceof WebAssembly.CompileError || e instanceof WebAssembly.LinkError ? 'browser' : 'failed');
    return false;
  }
  shell?.remove();
  return true;
}

/**
 * Registers the service worker once the app runs, and asks it to keep what this page
 * loaded (and, on the team page, every file of the team's part), so the next visit works
 * without a network. A browser that blocks service workers still runs Spiegel online.
 */
async function keepOffline() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    const registration = await navigator.serviceWorker.register('./sw.js');
    await navigator.serviceWorker.ready;
    const worker = registration.active ?? navigator.serviceWorker.controller;
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    worker?.postMessage({ keep: loaded, team: document.documentElement.dataset.app === 'team' });
  } catch (e) {
    console.warn('Spiegel: no offline copy in this browser', e);
  }
}

prefetchInvited();
if (await start()) keepOffline();
