// End-to-end: the team device never loses a class and keeps its secrets. An older PIN
// meting moves to a passphrase; a backup made in one browser context is restored in
// another, and on the same device after its site data was wiped; the meting page reminds
// of responses after the last backup; 20,000 sealed responses are stored in IndexedDB
// and read back; an idle team device locks; a second tab of the same run says so.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, openTeam, reloadApp, startStudent, textOf, teamStore, waitForStored, KEYS, OUT_DIR } from './support.mjs';
import { loadFixtures, filesIn } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 300_000 };

/** Puts the fixture meting on this page's device once (not at every load, unlike installMeting). */
async function placeMeting(page, meting) {
  await page.evaluate(({ k, v }) => localStorage.setItem(k, v), { k: meting.storage_key, v: meting.storage_value });
  await reloadApp(page);
}

async function openMeting(page, id) {
  await openTeam(page);
  await page.click(`[data-testid=meting-${id}]`);
  await page.waitForSelector('[data-testid=meting-title]');
}

async function unlock(page, secret) {
  await page.fill('[data-testid=unlock-pin]', secret);
  await page.click('[data-testid=unlock]');
  await page.waitForSelector('[data-testid=import-files]', { timeout: 60_000 });
}

async function importFiles(page, files) {
  await page.setInputFiles('[data-testid=import-files]', files);
  await page.waitForSelector('[data-testid=import-summary][data-done=true]:not(:empty)', { timeout: 120_000 });
  return Number(await page.getAttribute('[data-testid=import-summary]', 'data-new'));
}

/** Clicks "Reservekopie maken" and returns the downloaded file's bytes. */
async function makeBackup(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=backup-make]')]);
  assert.match(download.suggestedFilename(), /^spiegel-[0-9a-f]{16}-\d{4}-W\d{2}\.spiegel-backup$/);
  const file = path.join(OUT_DIR, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function restore(page, file, secret) {
  await page.setInputFiles('[data-testid=restore-file]', file);
  await page.fill('[data-testid=restore-pass]', secret);
  await page.click('[data-testid=restore]');
  await page.waitForSelector('[data-testid=restore-result][data-ok]', { timeout: 60_000 });
  return {
    ok: (await page.getAttribute('[data-testid=restore-result]', 'data-ok')) === 'true',
    text: await textOf(page, '[data-testid=restore-result]'),
  };
}

test('a PIN meting moves to a passphrase; its backup restores in another browser and after a wipe', T, async () => {
  const { meting } = loadFixtures();
  const { context, page } = await env.newApp({ acceptDownloads: true });
  await placeMeting(page, meting);
  await openMeting(page, meting.id);
  // The first version's data moved into IndexedDB; localStorage keeps none of it.
  assert.equal((await teamStore(page)).metingen.length, 1);
  assert.ok(!(await page.evaluate(() => Object.keys(localStorage))).some((k) => k.includes('.meting.')));
  assert.match(await textOf(page, '[data-testid=backup-status]'), /nog geen reservekopie/);
  await unlock(page, meting.pin);
  const files = filesIn('import30').filter((f) => f.includes('antwoord-'));
  assert.equal(await importFiles(page, files.slice(0, 20)), 20);
  await waitForStored(page, meting.id, 20);

  // The PIN is replaced by a passphrase made here, shown once.
  await page.waitForSelector('[data-testid=rewrap]');
  const phrase = await textOf(page, '[data-testid=rewrap-passphrase]');
  assert.match(phrase, /^[a-z]{4,8}( [a-z]{4,8}){4}$/);
  await page.check('[data-testid=rewrap-written]');
  await page.click('[data-testid=rewrap-use]');
  await page.waitForSelector('[data-testid=rewrap]', { state: 'detached', timeout: 60_000 });

  // A backup; then more responses: the page says how many are not in it.
  const file = await makeBackup(page);
  await page.waitForFunction(() => document.querySelector('[data-testid=backup-status]').textContent.includes('20'));
  assert.equal(await importFiles(page, files.slice(20)), 7);
  await page.click('[data-testid=meting-back]');
  await page.click(`[data-testid=meting-${meting.id}]`);
  assert.equal(await page.getAttribute('[data-testid=backup-behind]', 'data-behind'), '7');
  const bytes = await readFile(file);
  assert.ok(!bytes.includes(Buffer.from(meting.label)), 'the label is sealed inside the backup');

  // Another browser context: restore with the passphrase (the PIN no longer opens it).
  const other = await env.newContext();
  const second = await other.newPage();
  await openApp(second, env.server.url);
  await openTeam(second);
  const wrong = await restore(second, file, meting.pin);
  assert.equal(wrong.ok, false);
  assert.match(wrong.text, /niet de goede wachtzin/);
  const right = await restore(second, file, phrase);
  assert.equal(right.ok, true, right.text);
  assert.match(right.text, /20 antwoorden teruggezet, 0 waren er al/);
  await waitForStored(second, meting.id, 20);
  // Again: nothing twice.
  assert.match((await restore(second, file, phrase)).text, /0 antwoorden teruggezet, 20 waren er al/);
  await second.click(`[data-testid=meting-${meting.id}]`);
  assert.equal(await textOf(second, '[data-testid=collected-count]'), '20');
  await unlock(second, phrase);

  // The first device's site data is wiped: everything is gone ...
  const newest = await makeBackup(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: env.server.url.replace(/\/$/, ''), storageTypes: 'all' });
  await openApp(page, env.server.url);
  await openTeam(page);
  assert.equal(await page.$(`[data-testid=meting-${meting.id}]`), null, 'the wipe removed the meting');
  // ... until the newest backup is restored: all 27, sealed, and they open.
  assert.match((await restore(page, newest, phrase)).text, /27 antwoorden teruggezet/);
  await waitForStored(page, meting.id, 27);
  await page.click(`[data-testid=meting-${meting.id}]`);
  assert.equal(await textOf(page, '[data-testid=collected-count]'), '27');
  await unlock(page, phrase);
  assert.deepEqual(context.pageErrors, []);
  assert.deepEqual(other.pageErrors, []);
});

test('the storage screen says what is kept; deleting a meting names what goes', T, async () => {
  const { meting } = loadFixtures();
  const { context, page } = await env.newApp();
  await placeMeting(page, meting);
  await openTeam(page);
  await page.waitForSelector('[data-testid=storage-used]');
  assert.match(await textOf(page, '[data-testid=storage-persisted]'), /browser (bewaart|mag)/);
  assert.match(await textOf(page, '[data-testid=storage-moved]'), /vorige versie/);
  await page.click(`[data-testid=meting-${meting.id}]`);
  await unlock(page, meting.pin);
  assert.equal(await importFiles(page, filesIn('import30').filter((f) => f.includes('antwoord-')).slice(0, 3)), 3);
  // Closed: no more responses are taken in.
  await page.click('[data-testid=meting-close]');
  await page.waitForSelector('[data-testid=meting-closed]');
  assert.equal(await importFiles(page, filesIn('import30').filter((f) => f.includes('antwoord-')).slice(3, 4)), 0);
  await page.click('[data-testid=meting-delete]');
  const what = await textOf(page, '[data-testid=delete-confirm]');
  assert.match(what, new RegExp(`'${meting.label}' met 3 antwoorden`));
  assert.match(what, /geen reservekopie/);
  await page.click('[data-testid=delete-yes]');
  await page.waitForSelector('[data-testid=new-meting]');
  assert.equal(await page.$(`[data-testid=meting-${meting.id}]`), null);
  assert.deepEqual((await teamStore(page)).responses, {});
  assert.deepEqual(context.pageErrors, []);
});

test('20,000 sealed responses are stored in IndexedDB and read back after a reload', T, async () => {
  const { meting } = loadFixtures();
  const { context, page } = await env.newApp();
  await placeMeting(page, meting);
  await openMeting(page, meting.id);
  await unlock(page, meting.pin);
  assert.equal(await importFiles(page, filesIn('big20k')), 20_000);
  await waitForStored(page, meting.id, 20_000, 120_000);
  await reloadApp(page);
  await openMeting(page, meting.id);
  assert.equal(await textOf(page, '[data-testid=collected-count]'), '20000');
  assert.deepEqual(context.pageErrors, []);
});

test('an idle team device locks its metingen again', T, async () => {
  const { meting } = loadFixtures();
  const context = await env.newContext();
  const page = await context.newPage();
  await page.clock.install();
  await openApp(page, env.server.url);
  await placeMeting(page, meting);
  await openMeting(page, meting.id);
  await unlock(page, meting.pin);
  await page.clock.fastForward('09:00');
  assert.ok(await page.$('[data-testid=import-files]'), 'still open after 9 minutes');
  await page.clock.fastForward('02:00');
  await page.waitForSelector('[data-testid=idle-locked]');
  await page.click(`[data-testid=meting-${meting.id}]`);
  await page.waitForSelector('[data-testid=unlock-pin]');
  assert.equal(await page.$('[data-testid=import-files]'), null, 'the key is forgotten');
  assert.deepEqual(context.pageErrors, []);
});

test('a second tab of the same run says so and does not write over the first', T, async () => {
  const { context, page } = await env.newApp();
  await startStudent(page);
  const key = KEYS.session;
  const first = await page.evaluate((k) => localStorage.getItem(k), key);
  assert.ok(first, 'the first tab keeps its run');
  const tab = await context.newPage();
  await openApp(tab, env.server.url);
  await tab.waitForSelector('[data-other-tab=true]');
  assert.match(await textOf(tab, '[data-testid=storage-banner]'), /al open in een ander tabblad/);
  await tab.locator('form.question input').first().check().catch(() => {});
  await tab.click('[data-testid=next]').catch(() => {});
  assert.equal(await tab.evaluate((k) => localStorage.getItem(k), key), first, 'the second tab wrote nothing');
  assert.deepEqual(context.pageErrors, []);
});
