// Shared code for the end-to-end tests: nginx serving dist/ with the shipped configuration
// (nginx.mjs), Debian's Chromium via playwright-core, and page helpers that answer the
// questionnaire the way a student would.

import { readFile, mkdir } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startNginx } from './nginx.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = path.resolve(E2E_DIR, '..', '..', 'dist');
export const OUT_DIR = path.join(E2E_DIR, 'out');

/** localStorage keys the app uses (its DOM/storage contract). */
export const KEYS = {
  /** A trial of the student vragenlijst (answers that go nowhere). */
  session: 'spiegel.v1.session.spiegel-student@trial',
  /** The run of a meting on this device (`kiosk`: the shared device's). */
  metingSession: (meting, kiosk = false) =>
    `spiegel.v1.session.spiegel-student@${meting}${kiosk ? '.kiosk' : ''}`,
  /** Prefix of the sealed responses waiting on this device for a meting. */
  outboxPrefix: (meting) => `spiegel.v1.outbox.${meting}.`,
  /** Prefix of responses an earlier version kept in the clear (never written now). */
  responsePrefix: 'spiegel.v1.response.',
  lang: 'spiegel.v1.lang',
  setAside: (n) => `spiegel.v1.set-aside.${n}`,
};

export const PHONE = { width: 375, height: 667 };
/** The phone the issue was tried on. */
export const TALL_PHONE = { width: 375, height: 740 };

/** `text` with the checksum Spiegel puts at the end of an invitation link. */
export function signed(text) {
  return `${text}&c=${crc32(text).toString(16).padStart(8, '0')}`;
}

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

/**
 * Serves dist/ the way a school would: Debian's nginx with Spiegel's shipped configuration
 * (see nginx.mjs), on 127.0.0.1 at a free port. `requests` lists the request URIs so far.
 */
export async function startServer(root = DIST_DIR) {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${path.join(root, 'index.html')} is missing: run make dist first`);
  }
  return startNginx(root);
}

/**
 * Debian's Chromium, headless. Never downloads a browser. `extraArgs` are added to its
 * command line (the live camera test gives it a fake camera).
 */
export function launchBrowser(extraArgs = []) {
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
      ...extraArgs,
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
  'role-student', 'join-open', 'progress', 'end', 'done', // the start screen, a trial
  'invite-begin', 'invite-error', 'receipt', 'handover', // invitations
  'new-meting', 'own-file', // the team page (team.html): metingen, own vragenlijst
].map((id) => `[data-testid=${id}]`).join(', ');
const FIELDSET = 'form.question fieldset[data-testid^="question-"]';

/** Opens (or reloads to) the app and waits until some screen is drawn by the wasm app. */
export async function openApp(page, url) {
  await page.goto(url);
  await waitForApp(page);
}

/**
 * Goes to the team's metingen: from the student page's start screen with "Voor het team"
 * (which opens team.html), or nothing to do when the team page is already open (a reload
 * there stays there).
 */
export async function openTeam(page) {
  if (await page.$('[data-testid=open-team]')) await page.click('[data-testid=open-team]');
  await page.waitForSelector('[data-testid=new-meting]');
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

/**
 * From the start screen: "Ik ben student" → "Probeer de vragenlijst" → the first question
 * of a trial (answers that go nowhere).
 */
export async function startStudent(page) {
  await page.click('[data-testid=role-student]');
  await page.click('[data-testid=trial-start]');
  await page.waitForSelector(FIELDSET);
  await waitForTitleFocus(page);
}

/** Opens an invitation (`fragment` without `#`) and begins: the first question. */
export async function startInvited(page, url, fragment) {
  await openApp(page, `${url}#${fragment}`);
  await page.click('[data-testid=invite-begin]');
  await page.waitForSelector(FIELDSET);
  await waitForTitleFocus(page);
}

/** The progress text, e.g. "Deel 3 van 8". */
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

/** From a trial's end screen: "Klaar" → the screen that says the answers are gone. */
export async function submit(page) {
  await page.click('[data-testid=submit]');
  await page.waitForSelector('[data-testid=done]');
}

/** From an invited run's end screen: "Versturen" → the receipt. */
export async function submitInvited(page) {
  await page.click('[data-testid=submit]');
  await page.waitForSelector('[data-testid=receipt-qr] svg');
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
 * Every localStorage key and value of the page's origin that holds one of `texts` (in
 * the key or the value): a test looks for answers left in the clear.
 */
export function storageHolding(page, texts) {
  return page.evaluate(
    (texts) =>
      Object.entries(localStorage).filter(([k, v]) => texts.some((t) => k.includes(t) || v.includes(t))),
    texts,
  );
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
    // Evaluated through the DevTools protocol: the page's CSP allows no inline script
    // (an added <script> tag would be refused), and axe is the test's, not the page's.
    await page.evaluate(await readFile(AXE, 'utf8'));
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


/**
 * The team device's IndexedDB (database `spiegel-team`, made by the app): the meting
 * records (JSON text) and, per meting id, the number of stored responses.
 */
export async function teamStore(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('spiegel-team');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('metingen')) {
            db.close();
            resolve({ metingen: [], responses: {} });
            return;
          }
          const tx = db.transaction(['metingen', 'responses'], 'readonly');
          const metingen = tx.objectStore('metingen').getAll();
          const keys = tx.objectStore('responses').getAllKeys();
          tx.oncomplete = () => {
            const responses = {};
            for (const [m] of keys.result) responses[m] = (responses[m] || 0) + 1;
            db.close();
            resolve({ metingen: metingen.result, responses });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Waits until the team store holds `count` responses for meting `id`. */
export async function waitForStored(page, id, count, timeout = 30_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const { responses } = await teamStore(page);
    if ((responses[id] || 0) === count) return;
    if (Date.now() > until) {
      throw new Error(`meting ${id}: ${responses[id] || 0} responses stored, expected ${count}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
