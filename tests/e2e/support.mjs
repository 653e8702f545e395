// Shared code for the end-to-end tests: a static server for dist/, Debian's Chromium via
// playwright-core, and page helpers that answer the questionnaire the way a student would.

import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = path.resolve(E2E_DIR, '..', '..', 'dist');
export const OUT_DIR = path.join(E2E_DIR, 'out');

/** localStorage keys the app uses (its DOM/storage contract). */
export const KEYS = {
  session: 'spiegel.v1.session.spiegel-student',
  /** Prefix of the per-response keys `spiegel.v1.response.<id>`. */
  responsePrefix: 'spiegel.v1.response.',
  lang: 'spiegel.v1.lang',
  setAside: (n) => `spiegel.v1.set-aside.${n}`,
};

export const PHONE = { width: 375, height: 667 };

/** The newest version of the built-in vragenlijst `id` (src/domain/builtin/<id>/<version>.json), parsed. */
export function builtinInstrument(id) {
  const dir = path.resolve(E2E_DIR, '..', '..', 'src', 'domain', 'builtin', id);
  const parts = (v) => v.split('.').map(Number);
  const newer = (a, b) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
    }
    return 0;
  };
  const versions = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort(newer);
  return JSON.parse(readFileSync(path.join(dir, `${versions.at(-1)}.json`), 'utf8'));
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves dist/ on 127.0.0.1 at a free port. Every request URL is recorded in `requests`.
 * `/` is index.html; anything that is not a file in dist/ is a 404.
 */
export async function startServer(root = DIST_DIR) {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${path.join(root, 'index.html')} is missing: run make build first`);
  }
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
      const file = path.resolve(root, rel);
      if (!file.startsWith(root + path.sep)) throw new Error('outside dist');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Debian's Chromium, headless. Never downloads a browser. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * One server and one browser per test file, closed after the file's tests. Returns an
 * object whose fields are filled in by `before`:
 * `env.server`, `env.browser`, and `env.newContext(options)` (a fresh context: clean
 * localStorage; closed automatically at the end).
 */
export function useApp() {
  const contexts = new Set();
  const env = {
    server: null,
    browser: null,
    /** A fresh browser context; pageErrors collects uncaught page errors. */
    async newContext(options = {}) {
      const context = await env.browser.newContext({ locale: 'nl-NL', ...options });
      context.setDefaultTimeout(10_000);
      context.pageErrors = [];
      context.on('page', (p) => p.on('pageerror', (e) => context.pageErrors.push(e)));
      contexts.add(context);
      context.on('close', () => contexts.delete(context));
      return context;
    },
    /** A fresh context and a page in it, with the app opened. */
    async newApp(options = {}) {
      const context = await env.newContext(options);
      const page = await context.newPage();
      await openApp(page, env.server.url);
      return { context, page };
    },
  };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    for (const c of [...contexts]) await c.close().catch(() => {});
    await env.browser?.close().catch(() => {});
    await env.server?.close();
  });
  return env;
}

// ---------------------------------------------------------------------------------------
// Page helpers

const SCREEN = [
  'role-student', 'progress', 'end', 'done', // plain mode
  'invite-begin', 'invite-error', 'kiosk-continue', 'receipt', 'handover', // invitations
].map((id) => `[data-testid=${id}]`).join(', ');
const FIELDSET = 'form.question fieldset[data-testid^="question-"]';

/** Opens (or reloads to) the app and waits until some screen is drawn by the wasm app. */
export async function openApp(page, url) {
  await page.goto(url);
  await waitForApp(page);
}

/** Reloads the page and waits for the app. */
export async function reloadApp(page) {
  await page.reload();
  await waitForApp(page);
}

export async function waitForApp(page) {
  await page.waitForSelector(SCREEN, { state: 'visible' });
}

/**
 * Opens the app in a fresh context whose browser forbids storage, and waits until the
 * banner says nothing is kept. Returns { context, page }.
 */
export async function openWithBlockedStorage(env) {
  const context = await env.newContext();
  await context.addInitScript(blockStorageScript);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForApp(page);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=storage-banner]')?.textContent.includes('bewaart niets'),
  );
  return { context, page };
}

/** From the start screen: "Ik ben student" → the first question. */
export async function startStudent(page) {
  await page.click('[data-testid=role-student]');
  await page.waitForSelector(FIELDSET);
  await waitForTitleFocus(page);
}

/** The progress text, e.g. "Vraag 3 van 40". */
export async function progress(page) {
  return (await page.textContent('[data-testid=progress]')).trim();
}

/** The item id of the question on screen, or null if none is shown. */
export async function currentItem(page) {
  const el = await page.$(FIELDSET);
  if (!el) return null;
  return (await el.getAttribute('data-testid')).replace(/^question-/, '');
}

/** What kind of field the current question has. */
export async function currentKind(page) {
  return page.$eval(FIELDSET, (fs) => {
    if (fs.querySelector('fieldset[data-testid^="row-"]')) return 'matrix';
    if (fs.querySelector('textarea')) return 'text';
    if (fs.querySelector('input[type=number]')) return 'number';
    if (fs.querySelector('input[type=checkbox]')) return 'choices';
    if (fs.querySelector('input[type=radio]')) return 'choice';
    return 'unknown';
  });
}

/**
 * What the current question shows as answered: checked radio/checkbox values by group
 * (`name`), and the values of number fields and text areas.
 */
export async function shownAnswer(page) {
  return page.$eval(FIELDSET, (fs) => {
    const out = {};
    for (const i of fs.querySelectorAll('input[type=radio]:checked, input[type=checkbox]:checked')) {
      (out[i.name || '_'] ??= []).push(i.value);
    }
    for (const i of fs.querySelectorAll('input[type=number], textarea')) {
      if (i.value !== '') out[i.name || i.id || '_'] = [i.value];
    }
    return out;
  });
}

/** Waits until keyboard focus is on the question (or end) title. */
export async function waitForTitleFocus(page, id = 'question-title') {
  await page.waitForFunction((id) => document.activeElement?.id === id, id);
}

/**
 * Answers the current question, whatever kind it is: the first radio, the first check
 * box (unless one is already checked), the number field's minimum, "prima" in a text
 * area, or the first radio of every matrix row. Does not press next.
 * Returns { id, kind, answer } with what the screen then shows.
 */
export async function answerOnly(page) {
  const id = await currentItem(page);
  assert.ok(id, 'answerOnly: no question on screen');
  const kind = await currentKind(page);
  const fs = page.locator(FIELDSET);
  switch (kind) {
    case 'choice':
      await fs.locator('input[type=radio]').first().check();
      break;
    case 'choices':
      if ((await fs.locator('input[type=checkbox]:checked').count()) === 0) {
        await fs.locator('input[type=checkbox]').first().check();
      }
      break;
    case 'number': {
      const input = fs.locator('input[type=number]');
      await input.fill((await input.getAttribute('min')) ?? '0');
      break;
    }
    case 'text':
      await fs.locator('textarea').fill('prima');
      break;
    case 'matrix': {
      const rows = fs.locator('fieldset[data-testid^="row-"]');
      const n = await rows.count();
      for (let r = 0; r < n; r++) await rows.nth(r).locator('input[type=radio]').first().check();
      break;
    }
    default:
      assert.fail(`answerOnly: question ${id} has no field this helper knows`);
  }
  return { id, kind, answer: await shownAnswer(page) };
}

/**
 * Presses next (or back) and waits until another screen shows (the next question or the
 * end screen). Fails with the shown error message if the app refuses to move on.
 */
export async function pressAndWaitForMove(page, testid) {
  const before = await currentItem(page);
  await page.click(`[data-testid=${testid}]`);
  try {
    const handle = await page.waitForFunction(
      ({ before, FIELDSET }) => {
        if (!before && document.querySelector('[data-testid=end]')) return false;
        if (document.querySelector('[data-testid=end]')) return 'end';
        const fs = document.querySelector(FIELDSET);
        const now = fs?.getAttribute('data-testid')?.replace(/^question-/, '');
        return now && now !== before ? now : false;
      },
      { before, FIELDSET },
      { timeout: 5_000 },
    );
    return await handle.jsonValue();
  } catch (e) {
    const error = await textOf(page, '[data-testid=error]');
    assert.fail(
      `pressing ${testid} on ${before ?? 'the end screen'} did not move on` +
        (error ? ` (the app says: "${error}")` : ` (${e.message.split('\n')[0]})`),
    );
  }
}

/** Answers the current question and presses next; returns what was answered. */
export async function answerCurrent(page) {
  const answered = await answerOnly(page);
  answered.next = await pressAndWaitForMove(page, 'next');
  return answered;
}

/** Answers `n` questions in a row; returns what was answered. */
export async function answerN(page, n) {
  const log = [];
  for (let i = 0; i < n; i++) log.push(await answerCurrent(page));
  return log;
}

/**
 * Answers every question until the end screen shows. `onScreen(page)` is called on each
 * question screen before it is answered. Returns the list of answered questions.
 */
export async function runToEnd(page, onScreen) {
  const log = [];
  for (let i = 0; i < 200; i++) {
    if (await page.$('[data-testid=end]')) return log;
    if (onScreen) await onScreen(page);
    log.push(await answerCurrent(page));
  }
  assert.fail('runToEnd: no end screen after 200 questions');
}

/** Answers questions until `predicate(kind, id)` holds for the question on screen. */
export async function advanceTo(page, predicate) {
  for (let i = 0; i < 200; i++) {
    if (await page.$('[data-testid=end]')) break;
    const id = await currentItem(page);
    if (predicate(await currentKind(page), id)) return id;
    await answerCurrent(page);
  }
  assert.fail('advanceTo: no question on the way matched');
}

/** From the end screen: "Versturen" → the done screen. */
export async function submit(page) {
  await page.click('[data-testid=submit]');
  await page.waitForSelector('[data-testid=done]');
}

/** A localStorage value of the page's origin (null if missing). */
export function getItem(page, key) {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

/** All localStorage keys of the page's origin. */
export function storageKeys(page) {
  return page.evaluate(() => Object.keys(localStorage));
}

/** Text of an element, whitespace-collapsed ('' if missing). */
export async function textOf(page, selector) {
  const el = await page.$(selector);
  return el ? (await el.textContent()).replace(/\s+/g, ' ').trim() : '';
}

export async function ensureOutDir() {
  await mkdir(OUT_DIR, { recursive: true });
  return OUT_DIR;
}

// ---------------------------------------------------------------------------------------
// Init scripts that break storage the way real browsers do

/** localStorage throws a SecurityError on access (private mode, managed browsers). */
export function blockStorageScript() {
  const blocked = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  Object.defineProperty(window, 'localStorage', { get: blocked, configurable: true });
}

/**
 * setItem throws a QuotaExceededError for session keys after `allowed` such writes.
 * Pass as `page.addInitScript(fullStorageScript, allowed)`.
 */
export function fullStorageScript(allowed) {
  const original = Storage.prototype.setItem;
  let calls = 0;
  Storage.prototype.setItem = function setItem(key, value) {
    if (String(key).startsWith('spiegel.v1.session')) {
      calls += 1;
      if (calls > allowed) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    }
    return original.call(this, key, value);
  };
}

// ---------------------------------------------------------------------------------------
// Accessibility

/** Runs axe on the whole document and fails with a readable list of violations. */
export async function expectNoViolations(page, screen) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE });
  }
  const violations = await page.evaluate(async (values) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html.slice(0, 160),
        summary: n.failureSummary,
      })),
    }));
  }, TAGS);
  if (violations.length > 0) {
    const report = violations
      .map(
        (v) =>
          `- ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
          v.nodes.map((n) => `    at ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n'),
      )
      .join('\n');
    assert.fail(`${violations.length} axe violation(s) on ${screen}:\n${report}`);
  }
}

