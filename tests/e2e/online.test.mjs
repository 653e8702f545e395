// Spiegel as a school puts it online: dist/ (make dist) behind Debian's nginx with the
// shipped configuration (deploy/nginx/). The headers, the compressed copies, the hashed
// file names, the student's path from an invitation link to the receipt without any team
// code, then the network gone: a reload still opens Spiegel and a second run is handed in.
// A new version is picked up on the next visit without touching stored data; the team
// page works offline once it has been opened; a browser without wasm gets a plain message;
// the example HTTPS site (deploy/nginx/site.conf) sends the same headers plus HSTS.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { useApp, openApp, openTeam, answerN, runToEnd, currentItem, storageKeys, DIST_DIR, startServer } from './support.mjs';
import { loadFixtures, installMeting } from './fixtures.mjs';
import { startSite } from './nginx.mjs';

const env = useApp();
const T = { timeout: 180_000 };

/** Files in dist/ (relative, with / separators), without the compressed copies. */
async function distFiles(dir = DIST_DIR, prefix = '') {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(...(await distFiles(path.join(dir, e.name), `${rel}/`)));
    else if (!/\.(br|gz)$/.test(e.name)) out.push(rel);
  }
  return out.sort();
}

const STABLE = ['index.html', 'team.html', 'sw.js'];
const HASHED = /-[0-9a-f]{8,}(_bg)?\.[a-z]+$/;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // The built-in vragenlijsten in their checked form (builtin/v1/…).
  '.bin': 'application/octet-stream',
};

test('every file name in dist/ carries its content hash, except the pages, the service worker and the schema', async () => {
  const files = await distFiles();
  for (const f of files) {
    if (STABLE.includes(f) || f.startsWith('schema/')) continue;
    assert.match(f, HASHED, `${f} has no content hash in its name`);
  }
  for (const f of [...STABLE, 'schema/spiegel-export.v1.schema.json']) assert.ok(files.includes(f), `${f} is in dist/`);
  assert.ok(files.some((f) => /^scan_worker_loader-[0-9a-f]+\.js$/.test(f)), "the QR worker's loader is hashed");
  assert.ok(files.some((f) => /^scan_worker-[0-9a-f]+_bg\.wasm$/.test(f)), "the QR worker's wasm is hashed");
});

test('the server sends every file with its type, the security headers, the right caching, and brotli or gzip', async () => {
  const files = await distFiles();
  for (const f of files) {
    const url = `${env.server.origin}/${f}`;
    const plain = await readFile(path.join(DIST_DIR, f));
    const ext = path.extname(f);
    const r = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(r.status, 200, f);
    const h = r.headers;
    assert.equal(h.get('content-type'), TYPES[ext], `content-type of ${f}`);
    const csp = h.get('content-security-policy');
    assert.match(csp, /frame-ancestors 'none'/, f);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/, `no 'unsafe-inline' for scripts (${f})`);
    assert.match(csp, /connect-src 'self'/, f);
    assert.equal(h.get('x-content-type-options'), 'nosniff', f);
    assert.equal(h.get('referrer-policy'), 'no-referrer', f);
    const cache = h.get('cache-control');
    if (HASHED.test(f)) assert.equal(cache, 'public, max-age=31536000, immutable', f);
    else assert.equal(cache, 'no-cache', f);
    // fetch() decodes the body; what it decodes must be the file itself.
    const body = Buffer.from(await r.arrayBuffer());
    assert.ok(body.equals(plain), `${f} arrives unchanged`);
    if (ext === '.png') {
      assert.equal(h.get('content-encoding'), null, `${f} is sent as it is`);
      continue;
    }
    assert.equal(h.get('content-encoding'), 'br', `${f} is sent brotli-compressed`);
    assert.equal(h.get('vary'), 'Accept-Encoding', f);
    const gz = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip', `${f} is sent gzip-compressed to a browser without brotli`);
    assert.ok(Buffer.from(await gz.arrayBuffer()).equals(plain));
  }
  // The compressed copies are the files themselves.
  const wasm = files.find((f) => f.startsWith('student-') && f.endsWith('.wasm'));
  const br = await readFile(path.join(DIST_DIR, `${wasm}.br`));
  assert.ok(zlib.brotliDecompressSync(br).equals(await readFile(path.join(DIST_DIR, wasm))));
  const missing = await fetch(`${env.server.origin}/nothing-here.js`);
  assert.equal(missing.status, 404);
  assert.match(missing.headers.get('content-security-policy'), /frame-ancestors 'none'/, 'also on errors');
});

/** Evaluates the async `check` in the page until it gives true (30 s at most). */
async function waitInPage(page, check, arg, what) {
  for (const until = Date.now() + 30_000; Date.now() < until; ) {
    if ((await page.evaluate(check, arg)) === true) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`waited 30 s for ${what}`);
}

/** Waits until the service worker controls the page and keeps these files. */
async function waitForOffline(page, files) {
  await waitInPage(page, async (names) => {
    if (!navigator.serviceWorker.controller) return false;
    for (const name of names) if (!(await caches.match(new URL(name, location.href).href))) return false;
    return true;
  }, files, 'the offline copy');
}

/**
 * The files index.html or team.html loads (preloads, loader, styles, icon, manifest),
 * not the message only browsers without JavaScript modules load.
 */
async function pageFiles(name) {
  const html = await readFile(path.join(DIST_DIR, name), 'utf8');
  return [...html.matchAll(/(?:href|src|data-js|data-wasm|content)="?\.\/([^"\s>]+)/g)]
    .map((m) => `./${m[1]}`)
    .filter((f) => !f.includes('nomodule-'));
}

test('the student path: invitation link to receipt without team code, then offline: a reload opens Spiegel and a second run is handed in', T, async () => {
  const { meting } = loadFixtures();
  const context = await env.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  await openApp(page, `${env.server.url}#${meting.fragment}`);
  // The loading shell is gone once the app runs.
  assert.equal(await page.$('#loading'), null);
  await page.click('[data-testid=invite-begin]');
  await runToEnd(page);
  await page.click('[data-testid=submit]');
  await page.waitForSelector('[data-testid=receipt-qr] svg');
  assert.deepEqual(messages.filter((m) => /integrity|preload/i.test(m)), [], 'no warning about a preload');
  const team = loaded.filter((p) => /\/(team|scan_worker)[-_.]/.test(p) || p.endsWith('team.html'));
  assert.deepEqual(team, [], 'a student phone never downloads team code');
  assert.ok(loaded.some((p) => /\/student-[0-9a-f]+_bg\.wasm$/.test(p)));

  await waitForOffline(page, await pageFiles('index.html'));
  await context.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector('[data-testid=invite-begin]');
    assert.ok(await page.$('[data-testid=invite-receipt]'), 'the first response still waits, with its receipt');
    await page.click('[data-testid=invite-begin]');
    await runToEnd(page);
    await page.click('[data-testid=submit]');
    await page.waitForSelector('[data-testid=receipt-qr] svg');
    const outbox = (await storageKeys(page)).filter((k) => k.startsWith(`spiegel.v1.outbox.${meting.id}.`));
    assert.equal(outbox.length, 2, 'both sealed responses are kept on the phone');
  } finally {
    await context.setOffline(false);
  }
  assert.deepEqual(context.pageErrors, []);
});

test('the team page works offline once it has been opened, the QR reader included', T, async () => {
  const { meting } = loadFixtures();
  const context = await env.newContext();
  await installMeting(context, meting);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await openTeam(page);
  assert.match(page.url(), /\/team\.html$/);
  const sw = await readFile(path.join(DIST_DIR, 'sw.js'), 'utf8');
  // sw.js is minified in a release build: its top-level names stay, the spaces go.
  const teamFiles = JSON.parse(sw.match(/\bTEAM\s*=\s*(\[[^\]]*\])/)[1]);
  assert.ok(teamFiles.some((f) => f.includes('scan_worker_loader-')), 'the QR reader is one of the team files');
  await waitForOffline(page, [...teamFiles, ...(await pageFiles('team.html'))]);
  await context.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector(`[data-testid=meting-${meting.id}]`);
    // The start screen and the team page again, all from the cache.
    await page.goto(env.server.url);
    await page.waitForSelector('[data-testid=open-team]');
    await openTeam(page);
    await page.waitForSelector(`[data-testid=meting-${meting.id}]`);
  } finally {
    await context.setOffline(false);
  }
  assert.deepEqual(context.pageErrors, []);
});

test('a new version is picked up on the next visit, and the stored answers stay', T, async () => {
  // A copy of dist/ on a server of its own, so that the test can put a "new version" in it.
  const root = await mkdtemp(path.join(os.tmpdir(), 'spiegel-site-'));
  await cp(DIST_DIR, root, { recursive: true });
  const server = await startServer(root);
  try {
    const { meting } = loadFixtures();
    const context = await env.newContext();
    const page = await context.newPage();
    await openApp(page, `${server.url}#${meting.fragment}`);
    await page.click('[data-testid=invite-begin]');
    await page.waitForSelector('[data-testid=progress]');
    await answerN(page, 3);
    const where = await currentItem(page);
    const before = Object.fromEntries(await page.evaluate(() => Object.entries(localStorage)));
    await waitForOffline(page, await pageFiles('index.html'));

    // The school puts a new version online: another page, another service worker.
    for (const name of ['index.html', 'sw.js']) {
      const file = path.join(root, name);
      let text = await readFile(file, 'utf8');
      text = name === 'sw.js'
        ? text.replace(/\bVERSION\s*=\s*"([0-9a-f]+)"/, 'VERSION = "$1-new"')
        : text.replace('<title>', '<meta name="spiegel-test-version" content="new"><title>');
      assert.match(text, /-new"|spiegel-test-version/, `${name} changed`);
      await writeFile(file, text);
      await rm(`${file}.br`, { force: true });
      await rm(`${file}.gz`, { force: true });
    }
    const isNew = () => page.evaluate(() => document.querySelector('meta[name=spiegel-test-version]') !== null);
    assert.equal(await isNew(), false);
    // The next visit shows the new version, and the run resumes where it was: nothing
    // stored was touched.
    await page.reload();
    await page.waitForSelector('[data-testid=progress]');
    assert.equal(await isNew(), true, 'the next visit runs the new version');
    const after = Object.fromEntries(await page.evaluate(() => Object.entries(localStorage)));
    assert.deepEqual(after, before, 'stored data is the same after the update');
    assert.equal(await currentItem(page), where, 'the run resumes at the same question');
    // The new service worker takes over and keeps the new version for offline use.
    await waitInPage(page, async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const keys = await caches.keys();
      return Boolean(reg && !reg.installing && !reg.waiting && reg.active?.state === 'activated' && keys.some((k) => k.endsWith('-new')));
    }, null, 'the new service worker');
    await context.setOffline(true);
    try {
      await page.reload();
      await page.waitForSelector('[data-testid=progress]');
      assert.equal(await isNew(), true, 'offline, the new version too');
    } finally {
      await context.setOffline(false);
    }
    assert.deepEqual(context.pageErrors, []);
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
});

test('a browser without WebAssembly gets a plain message instead of a blank page', T, async () => {
  const context = await env.newContext();
  await context.addInitScript(() => {
    delete globalThis.WebAssembly;
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('#loading.loading--failed[role=alert]');
  const text = await page.textContent('#loading');
  assert.match(text, /Spiegel werkt niet in deze browser/);
  assert.match(text, /Spiegel does not work in this browser/);
});

test('before the app runs, the page already says that Spiegel is loading, in Dutch and English', async () => {
  const html = await readFile(path.join(DIST_DIR, 'index.html'), 'utf8');
  assert.match(html, /id="?loading"?[^>]*>[\s\S]*Spiegel laadt…[\s\S]*Spiegel is loading…/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /integrity=[^>]*rel="?preload/, 'no integrity attribute on a preload');
  const manifest = JSON.parse(await readFile(path.join(DIST_DIR, html.match(/manifest-[0-9a-f]+\.webmanifest/)[0]), 'utf8'));
  assert.equal(manifest.name, 'Spiegel');
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) {
    const r = await fetch(new URL(icon.src, env.server.url));
    assert.equal(r.status, 200, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
});

/** GET over HTTPS, accepting the test's self-signed certificate: { status, headers }. */
function httpsHead(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { rejectUnauthorized: false, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on('error', reject);
  });
}

test('the shipped example site: HTTPS with the same headers plus Strict-Transport-Security, and HTTP redirected to HTTPS', async () => {
  const site = await startSite(DIST_DIR);
  try {
    const page = await httpsHead(`https://127.0.0.1:${site.https}/`, { 'accept-encoding': 'br' });
    assert.equal(page.status, 200);
    assert.equal(page.headers['strict-transport-security'], 'max-age=31536000');
    assert.match(page.headers['content-security-policy'], /frame-ancestors 'none'/);
    assert.equal(page.headers['content-encoding'], 'br');
    assert.equal(page.headers['cache-control'], 'no-cache');
    const wasm = (await readdir(DIST_DIR)).find((f) => /^student-[0-9a-f]+_bg\.wasm$/.test(f));
    const file = await httpsHead(`https://127.0.0.1:${site.https}/${wasm}`, { 'accept-encoding': 'br' });
    assert.equal(file.headers['content-type'], 'application/wasm');
    assert.equal(file.headers['cache-control'], 'public, max-age=31536000, immutable');
    const plain = await fetch(`http://127.0.0.1:${site.http}/team.html`, { redirect: 'manual' });
    assert.equal(plain.status, 301);
    assert.match(plain.headers.get('location'), /^https:\/\/127\.0\.0\.1\/team\.html$/);
  } finally {
    await site.close();
  }
});
