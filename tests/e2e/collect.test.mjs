// End-to-end: collecting a class without a server. Metingen with a PIN, kiosk mode on a
// shared device, a student's own phone with a QR code, and the team device importing
// response files and QR photos, and saying plainly when the camera is refused or missing.
// Real Chromium against the release build in dist/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  openTeam,
  useApp,
  launchBrowser,
  expectNoViolations,
  PHONE,
  openApp,
  reloadApp,
  waitForApp,
  currentItem,
  currentKind,
  shownAnswer,
  answerCurrent,
  pressAndWaitForMove,
  storageKeys,
  teamStore,
  waitForStored,
  textOf,
  ensureOutDir,
} from './support.mjs';
import { loadFixtures, installMeting, filesIn } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 180_000 };

/** Every localStorage key and value of the page's origin. */
function storageDump(page) {
  return page.evaluate(() => Object.entries(localStorage));
}

/**
 * Answers every question until the end screen; open questions get `secret` so a test can
 * look for it afterwards. Returns how many questions were answered.
 */
async function runWithSecret(page, secret) {
  for (let n = 0; n < 200; n++) {
    if (await page.$('[data-testid=end]')) return n;
    if ((await currentKind(page)) === 'text') {
      await page.locator('form.question textarea').fill(secret);
      await pressAndWaitForMove(page, 'next');
    } else {
      await answerCurrent(page);
    }
  }
  assert.fail('no end screen after 200 questions');
}

/** Start screen → Metingen → the meting with this id. */
async function openMeting(page, id) {
  await openTeam(page);
  await page.click(`[data-testid=meting-${id}]`);
  await page.waitForSelector('[data-testid=meting-title]');
}

/** Unlocks the open meting with its PIN and waits for the import field. */
async function unlock(page, pin) {
  await page.fill('[data-testid=unlock-pin]', pin);
  await page.click('[data-testid=unlock]');
  await page.waitForSelector('[data-testid=import-files]', { timeout: 30_000 });
}

/** A team device in `context` holding `meting`, on its page, unlocked; returns the page. */
async function openUnlocked(context, meting) {
  await installMeting(context, meting);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await openMeting(page, meting.id);
  await unlock(page, meting.pin);
  return page;
}

/** Picks files in the import field and waits until the batch is done; returns counts. */
async function importFiles(page, files) {
  await page.setInputFiles('[data-testid=import-files]', files);
  return importResult(page);
}

/** Waits until an import batch is done; returns its counts and its line per file. */
async function importResult(page) {
  await page.waitForSelector('[data-testid=import-summary][data-done=true]:not(:empty)', {
    timeout: 60_000,
  });
  const summary = page.locator('[data-testid=import-summary]');
  const lines = await page.$$eval('[data-testid=import-results] li', (lis) =>
    lis.map((li) => ({
      outcome: li.dataset.outcome,
      text: li.textContent.replace(/\s+/g, ' ').trim(),
    })),
  );
  return {
    new: Number(await summary.getAttribute('data-new')),
    duplicate: Number(await summary.getAttribute('data-duplicate')),
    refused: Number(await summary.getAttribute('data-refused')),
    lines,
  };
}

test('a meting gets a passphrase only after a plain warning: made and shown once, or an own one as hard to guess', T, async () => {
  const { context, page } = await env.newApp();
  await openTeam(page);
  await page.click('[data-testid=new-meting]');
  const warning = await textOf(page, '[data-testid=pin-warning]');
  assert.match(warning, /wachtzin kwijt/);
  assert.match(warning, /niemand de antwoorden nog openen/);
  const phrase = await textOf(page, '[data-testid=nm-passphrase]');
  assert.match(phrase, /^[a-z]{4,8}( [a-z]{4,8}){4}$/, 'five Dutch words');
  const before = await page.evaluate(() => {
    const w = document.querySelector('[data-testid=pin-warning]');
    const p = document.querySelector('[data-testid=nm-passphrase]');
    return Boolean(w.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(before, 'the warning comes before the passphrase');
  // Another one can be made; it is never the same.
  await page.click('[data-testid=nm-pass-other]');
  const other = await textOf(page, '[data-testid=nm-passphrase]');
  assert.notEqual(other, phrase);

  await page.selectOption('[data-testid=nm-instrument]', 'spiegel-student');
  await page.fill('[data-testid=nm-label]', 'Zorg 2B najaar');
  await page.selectOption('[data-testid=nm-domein]', 'zorg_welzijn');
  await page.selectOption('[data-testid=nm-niveau]', '2');
  // Not ticked as written down: refused.
  await page.click('[data-testid=nm-create]');
  await page.waitForFunction(() => document.querySelector('[data-testid=nm-error]').textContent.includes('opgeschreven'));
  // An own passphrase must be as hard to guess, and typed twice the same.
  await page.check('[data-testid=nm-pass-own]');
  const fields = await page.$$eval('form input', (inputs) =>
    inputs.map((i) => ({ type: i.type, autocomplete: i.getAttribute('autocomplete') })),
  );
  assert.ok(fields.every((f) => f.type !== 'password'), 'no field a password manager saves');
  assert.ok(fields.filter((f) => f.type === 'text').every((f) => f.autocomplete === 'off'));
  await page.fill('[data-testid=nm-pin]', 'Welkom2024!');
  await page.fill('[data-testid=nm-pin-again]', 'Welkom2024!');
  await page.click('[data-testid=nm-create]');
  await page.waitForFunction(() => document.querySelector('[data-testid=nm-error]').textContent.includes('te makkelijk'));
  await page.fill('[data-testid=nm-pin]', 'fiets regen koffie lamp trein boom');
  await page.fill('[data-testid=nm-pin-again]', 'fiets regen koffie lamp tram boom');
  await page.click('[data-testid=nm-create]');
  await page.waitForFunction(() => document.querySelector('[data-testid=nm-error]').textContent.includes('niet gelijk'));
  assert.equal((await storageKeys(page)).filter((k) => k.startsWith('spiegel.v1.meting.')).length, 0);

  // Back to the one Spiegel made: ticked, it makes the meting.
  await page.uncheck('[data-testid=nm-pass-own]');
  await page.check('[data-testid=nm-pass-written]');
  await page.click('[data-testid=nm-create]');
  await page.waitForSelector('[data-testid=meting-title]', { timeout: 30_000 });
  assert.equal(await textOf(page, '[data-testid=meting-title]'), 'Zorg 2B najaar');
  const link = await page.inputValue('[data-testid=invite-link]');
  // The meting's niveau travels with the link (its domein does not), so students are not
  // asked it again.
  assert.match(link, /#m=[0-9a-f]{16}&i=spiegel-student&v=[^&]+&k=[0-9a-f]{64}&n=2&c=[0-9a-f]{8}$/);
  const id = link.match(/#m=([0-9a-f]{16})/)[1];
  assert.ok(await page.$('[data-testid=invite-qr] svg title'), 'the invitation has a QR code');

  // After a reload the meting is in the team store, the passphrase nowhere.
  await reloadApp(page);
  await openMeting(page, id);
  const store = await teamStore(page);
  assert.equal(store.metingen.length, 1);
  assert.ok(store.metingen[0].includes(id), 'the meting is kept');
  // Not as typed, nor with other separators or none (a single listed word such as
  // "spiegel" or "jaar" can occur in stored text by chance, so words are not looked for
  // one by one).
  const words = other.split(' ');
  const everything = JSON.stringify([store.metingen, await storageDump(page)]);
  const stored = new RegExp(words.join('[\\s\\-_.,]*'), 'i');
  assert.doesNotMatch(everything, stored, 'the passphrase is not stored');
  // Locked again: a wrong passphrase says so and opens nothing; the right one opens.
  await page.fill('[data-testid=unlock-pin]', 'kaas brug vogel taart muis');
  await page.click('[data-testid=unlock]');
  await page.waitForFunction(() => document.querySelector('[data-testid=unlock-error]').textContent.includes('niet de goede wachtzin'), null, { timeout: 30_000 });
  assert.equal(await page.$('[data-testid=import-files]'), null);
  await unlock(page, other);
  assert.deepEqual(context.pageErrors, []);
});

test('kiosk: two students in a row on the team device, the second sees nothing of the first', T, async () => {
  const { context, page } = await env.newApp();
  await openTeam(page);
  await page.click('[data-testid=new-meting]');
  await page.fill('[data-testid=nm-label]', 'Kiosk klas');
  await page.check('[data-testid=nm-pass-written]');
  await page.click('[data-testid=nm-create]');
  await page.waitForSelector('[data-testid=kiosk-start]', { timeout: 30_000 });
  const metingKey = (await storageKeys(page)).find((k) => k.startsWith('spiegel.v1.meting.'));
  const id = metingKey.split('.').pop();
  await page.click('[data-testid=kiosk-start]');
  await page.waitForSelector('[data-testid=invite-begin]');
  assert.match(page.url(), /&kiosk=1&c=[0-9a-f]{8}$/);

  const secrets = ['GEHEIM-EEN-7731', 'GEHEIM-TWEE-1942'];
  for (const [n, secret] of secrets.entries()) {
    await page.click('[data-testid=invite-begin]');
    await page.waitForSelector('form.question fieldset');
    assert.deepEqual(await shownAnswer(page), {}, `student ${n + 1} starts with nothing filled in`);
    await runWithSecret(page, secret);
    await page.click('[data-testid=submit]');
    await page.waitForSelector('[data-testid=handover]');
    assert.match(await textOf(page, '[data-testid=handover]'), /Geef het apparaat door/);

    const dump = await storageDump(page);
    const clear = dump.filter(([k, v]) => secrets.some((s) => v.includes(s) || k.includes(s)));
    assert.deepEqual(clear, [], 'no answer text in storage in the clear');
    assert.deepEqual(
      dump.map(([k]) => k).filter((k) => /\.(session|response)\./.test(k) || k === 'spiegel.v1.active'),
      [],
      'no session, clear response or active run left',
    );
    const inbox = dump.filter(([k]) => k.startsWith(`spiegel.v1.inbox.${id}.`));
    assert.equal(inbox.length, n + 1, 'the sealed responses wait for the team');
    assert.ok(!(await page.content()).includes(secret), 'nothing of the answers on the screen');
    await page.click('[data-testid=kiosk-next]');
    await page.waitForSelector('[data-testid=invite-begin]');
  }

  // A student who stops half way: confirmed, wiped, and the next one starts empty.
  await page.click('[data-testid=invite-begin]');
  await answerCurrent(page);
  await page.click('[data-testid=stop]');
  await page.click('[data-testid=stop-yes]');
  await page.waitForSelector('[data-testid=handover][data-after=stopped]');
  await page.click('[data-testid=kiosk-next]');
  await page.click('[data-testid=invite-begin]');
  await page.waitForSelector('form.question fieldset');
  assert.deepEqual(await shownAnswer(page), {}, 'the half-way answers are gone');

  await openApp(page, env.server.url);
  await openMeting(page, id);
  assert.equal(await textOf(page, '[data-testid=collected-count]'), '2');
  assert.equal(await textOf(page, '[data-testid=received]'), 'ontvangen: 2');
  assert.deepEqual(context.pageErrors, []);
});

/** The names of the IndexedDB databases of the page's origin. */
function databases(page) {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
}

test('a kiosk on the team device hands its responses to the team page, which the student page never opens', T, async () => {
  const { meting } = await loadFixtures();
  const context = await env.newContext();
  // A team device that holds the meting (as the earlier version kept it).
  await installMeting(context, meting);
  const kiosk = await context.newPage();
  await openApp(kiosk, `${env.server.url}#${meting.kiosk_fragment}`);
  for (let n = 0; n < 2; n++) {
    if (n > 0) await kiosk.click('[data-testid=kiosk-next]');
    await kiosk.click('[data-testid=invite-begin]');
    await runWithSecret(kiosk, `KIOSK-HIER-${n}`);
    await kiosk.click('[data-testid=submit]');
    await kiosk.waitForSelector('[data-testid=handover]');
  }
  // Straight into the meting (nothing waits for a download), sealed, in localStorage: the
  // student page opened no IndexedDB at all.
  const keys = await storageKeys(kiosk);
  assert.equal(keys.filter((k) => k.startsWith(`spiegel.v1.inbox.${meting.id}.`)).length, 2);
  assert.equal(keys.filter((k) => k.includes('.outbox.')).length, 0);
  assert.deepEqual(await databases(kiosk), [], 'the student page made no database');

  // The team page, open in another tab, takes in what the kiosk delivers while it is open.
  const team = await context.newPage();
  await openApp(team, env.server.url);
  await openMeting(team, meting.id);
  await waitForStored(team, meting.id, 2);
  assert.equal(await textOf(team, '[data-testid=collected-count]'), '2');
  // The kiosk in front (a tab in the background gets no animation frames), the team page
  // open behind it.
  await kiosk.bringToFront();
  await kiosk.click('[data-testid=kiosk-next]');
  await kiosk.click('[data-testid=invite-begin]');
  await runWithSecret(kiosk, 'KIOSK-HIER-2');
  await kiosk.click('[data-testid=submit]');
  await kiosk.waitForSelector('[data-testid=handover]');
  await team.bringToFront();
  await team.waitForFunction(
    () => document.querySelector('[data-testid=collected-count]')?.textContent.trim() === '3',
    null,
    { timeout: 30_000 },
  );
  await waitForStored(team, meting.id, 3);
  const left = (await storageKeys(team)).filter((k) => k.includes('.inbox.') || k.includes('.meting.'));
  assert.deepEqual(left, [], 'nothing left behind in localStorage');
  assert.ok((await storageKeys(team)).includes(`spiegel.v1.held.${meting.id}`), 'the kiosk keeps finding the meting');
  // And they open.
  await unlock(team, meting.pin);
  assert.equal(await textOf(team, '[data-testid=collected-count]'), '3');
  assert.deepEqual(context.pageErrors, []);
});

test('a kiosk without the meting keeps sealed responses until the teacher downloads them for the team', T, async () => {
  const { meting } = await loadFixtures();
  const kioskContext = await env.newContext();
  const kiosk = await kioskContext.newPage();
  await openApp(kiosk, `${env.server.url}#${meting.kiosk_fragment}`);
  for (let n = 0; n < 3; n++) {
    if (n > 0) await kiosk.click('[data-testid=kiosk-next]');
    await kiosk.click('[data-testid=invite-begin]');
    await runWithSecret(kiosk, `KIOSK-${n}`);
    await kiosk.click('[data-testid=submit]');
    await kiosk.waitForSelector('[data-testid=handover]');
  }
  assert.equal(await kiosk.getAttribute('[data-testid=kiosk-waiting]', 'data-count'), '3');
  const waiting = (await storageKeys(kiosk)).filter((k) => k.startsWith(`spiegel.v1.outbox.${meting.id}.`));
  assert.equal(waiting.length, 3, 'three sealed responses wait on the kiosk');
  await kiosk.click('.handover__teacher summary');
  const [download] = await Promise.all([
    kiosk.waitForEvent('download'),
    kiosk.click('[data-testid=kiosk-collect]'),
  ]);
  const file = path.join(await ensureOutDir(), 'kiosk-collected.spiegel');
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /^spiegel-antwoorden-3-[0-9a-f]{6}\.spiegel$/);
  await kiosk.click('[data-testid=kiosk-clear]');
  await kiosk.waitForFunction(() => !Object.keys(localStorage).some((k) => k.includes('.outbox.')));

  const teamContext = await env.newContext();
  const team = await openUnlocked(teamContext, meting);
  const result = await importFiles(team, [file]);
  assert.equal(result.new, 3, JSON.stringify(result));
  assert.equal(await textOf(team, '[data-testid=collected-count]'), '3');
  assert.deepEqual([...kioskContext.pageErrors, ...teamContext.pageErrors], []);
});

test('importing 30 response files of which 3 are bad takes 27 and gives 3 clear reasons', T, async () => {
  const { meting, expected } = await loadFixtures();
  const context = await env.newContext();
  await installMeting(context, meting);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await openMeting(page, meting.id);
  assert.equal(await textOf(page, '[data-testid=collected-count]'), '0');
  await unlock(page, meting.pin);
  const files = await filesIn('import30');
  assert.equal(files.length, 30);
  const result = await importFiles(page, files);
  assert.equal(result.new, expected.import30.new);
  assert.equal(result.refused, 3);
  assert.equal(result.lines.length, 30, 'one line per file');
  const refused = Object.fromEntries(
    result.lines.filter((l) => l.outcome === 'refused').map((l) => [l.text.split(':')[0], l.text]),
  );
  assert.deepEqual(Object.keys(refused).sort(), ['andere-meting.spiegel', 'kapot.spiegel', 'notities.txt']);
  assert.match(refused['kapot.spiegel'], /beschadigd/);
  assert.match(refused['andere-meting.spiegel'], /andere meting/);
  assert.match(refused['notities.txt'], /geen antwoordbestand van Spiegel/);
  assert.equal(await textOf(page, '[data-testid=collected-count]'), '27');

  // The same files again: nothing twice.
  const again = await importFiles(page, files.filter((f) => f.includes('antwoord-')));
  assert.deepEqual([again.new, again.duplicate, again.refused], [0, 27, 0]);

  // Kept sealed: a reload shows 27, and no answer is stored in the clear.
  await reloadApp(page);
  await openMeting(page, meting.id);
  assert.equal(await textOf(page, '[data-testid=collected-count]'), '27');
  await waitForStored(page, meting.id, 27);
  const keys = await storageKeys(page);
  assert.equal(keys.filter((k) => k.includes('.response.')).length, 0);
  assert.deepEqual(context.pageErrors, []);
});

test('response files dropped on the import area are taken in like picked ones, and the page stays', T, async () => {
  const { meting } = await loadFixtures();
  const context = await env.newContext();
  const page = await openUnlocked(context, meting);
  const all = filesIn('import30');
  const files = [...all.filter((f) => path.basename(f).startsWith('antwoord-')).slice(0, 3), ...all.filter((f) => f.endsWith('notities.txt'))];
  assert.equal(files.length, 4);
  const dropped = files.map((f) => ({ name: path.basename(f), bytes: [...readFileSync(f)] }));
  const address = page.url();
  // What a browser does when files are dragged from a folder onto the area: dragover,
  // then drop. An event the page cancels is one the browser does not handle itself (it
  // would open the file in the tab instead).
  const cancelled = await page.evaluate((dropped) => {
    const transfer = new DataTransfer();
    for (const { name, bytes } of dropped) transfer.items.add(new File([new Uint8Array(bytes)], name));
    const zone = document.querySelector('[data-testid=drop-zone]');
    const fire = (type) => !zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    return { dragover: fire('dragover'), drop: fire('drop') };
  }, dropped);
  assert.deepEqual(cancelled, { dragover: true, drop: true }, 'the area takes the drop, not the browser');
  const result = await importResult(page);
  assert.deepEqual([result.new, result.refused], [3, 1]);
  assert.equal(result.lines.length, 4, 'one line per dropped file');
  const refused = result.lines.filter((l) => l.outcome === 'refused').map((l) => l.text);
  assert.equal(refused.length, 1);
  assert.match(refused[0], /^notities\.txt.*geen antwoordbestand van Spiegel/);
  assert.equal(await textOf(page, '[data-testid=collected-count]'), '3');
  assert.equal(page.url(), address, 'still on the meting page');
  assert.deepEqual(context.pageErrors, []);
});

test('own phone: the receipt QR code, photographed, is read by the team device in the browser', T, async () => {
  const { meting } = await loadFixtures();
  const phoneContext = await env.newContext({ viewport: PHONE, deviceScaleFactor: 2 });
  const phone = await phoneContext.newPage();
  await openApp(phone, `${env.server.url}#${meting.fragment}`);
  await phone.click('[data-testid=invite-begin]');
  await runWithSecret(phone, 'mijn eigen woorden');
  await phone.click('[data-testid=submit]');
  await phone.waitForSelector('[data-testid=receipt-qr] svg');
  assert.equal(await phone.$('[data-testid=receipt-part]'), null, 'a full student response fits one QR code');
  const dir = await ensureOutDir();
  const photo = path.join(dir, 'receipt-qr.png');
  await phone.locator('[data-testid=receipt-qr]').screenshot({ path: photo });
  const [download] = await Promise.all([
    phone.waitForEvent('download'),
    phone.click('[data-testid=receipt-download]'),
  ]);
  const file = path.join(dir, 'receipt.spiegel');
  await download.saveAs(file);
  const dump = await storageDump(phone);
  assert.deepEqual(dump.filter(([, v]) => v.includes('mijn eigen woorden')), [], 'sealed on the phone too');

  // Closing and reopening the link offers the receipt again.
  await reloadApp(phone);
  await phone.click('[data-testid=invite-receipt]');
  await phone.waitForSelector('[data-testid=receipt-qr] svg');

  const teamContext = await env.newContext();
  const team = await openUnlocked(teamContext, meting);
  const fromPhoto = await importFiles(team, [photo]);
  assert.deepEqual([fromPhoto.new, fromPhoto.refused], [1, 0], JSON.stringify(fromPhoto.lines));
  const fromFile = await importFiles(team, [file]);
  assert.deepEqual([fromFile.new, fromFile.duplicate], [0, 1], 'the file holds the same response');
  assert.deepEqual([...phoneContext.pageErrors, ...teamContext.pageErrors], []);
});

test('a camera that is refused or missing gets a plain message, and files can still be imported', T, async () => {
  const { meting } = await loadFixtures();
  /** Opens the unlocked meting in `context`, starts the scanner and checks what it says. */
  async function scanSays(context, says) {
    const errors = [];
    context.on('page', (p) => p.on('pageerror', (e) => errors.push(String(e))));
    const page = await openUnlocked(context, meting);
    await page.click('[data-testid=scan-start]');
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid=scan-status]')?.textContent === text,
      says,
      { timeout: 30_000 },
    );
    assert.equal(await page.getAttribute('[data-testid=scan-status]', 'role'), 'status', 'read out when it appears');
    await expectNoViolations(page, `the camera scanner saying: ${says}`);
    await page.click('[data-testid=scan-close]');
    await page.waitForSelector('[data-testid=scan-start]');
    const taken = await importFiles(page, filesIn('class').filter((f) => f.endsWith('student-01.spiegel')));
    assert.deepEqual([taken.new, taken.refused], [1, 0], JSON.stringify(taken.lines));
    assert.deepEqual(errors, []);
  }
  // Missing: this machine has no camera.
  await scanSays(await env.newContext(), 'Er is geen camera gevonden.');
  // Refused: there is a camera (Chromium's fake one), but the page was not allowed to use it.
  const withCamera = await launchBrowser(['--use-fake-device-for-media-stream']);
  try {
    await scanSays(
      await withCamera.newContext(),
      'De camera mag niet worden gebruikt. Geef toestemming in de browser.',
    );
  } finally {
    await withCamera.close();
  }
});

test('the meting page shows what came in against the class size, and says what the link allows', T, async () => {
  const { meting, expected } = await loadFixtures();
  const context = await env.newContext();
  await installMeting(context, meting);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await openMeting(page, meting.id);
  assert.match(await textOf(page, '[data-testid=link-open]'), /Iedereen met deze link kan antwoorden insturen\. Ook vaker, en ook buiten de klas\./);
  await unlock(page, meting.pin);
  await importFiles(page, await filesIn('import30'));
  assert.equal(await textOf(page, '[data-testid=received]'), `ontvangen: ${expected.import30.new}`);
  await page.fill('[data-testid=class-size]', '30');
  await page.press('[data-testid=class-size]', 'Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid=received]').textContent.includes('van de'));
  assert.equal(await textOf(page, '[data-testid=received]'), 'ontvangen: 27 van de 30');
  assert.equal(await page.$('[data-testid=too-many]'), null);
  // Kept on this device: after a reload the class size is still there.
  await reloadApp(page);
  await openMeting(page, meting.id);
  assert.equal(await textOf(page, '[data-testid=received]'), 'ontvangen: 27 van de 30');
  // More responses than students: the page says so in plain words.
  await page.fill('[data-testid=class-size]', '25');
  await page.press('[data-testid=class-size]', 'Tab');
  await page.waitForSelector('[data-testid=too-many]');
  assert.match(await textOf(page, '[data-testid=too-many]'), /meer antwoorden dan studenten/);
  assert.equal(await textOf(page, '[data-testid=received]'), 'ontvangen: 27 van de 25');
  // The large QR code for a projector, and back.
  await page.click('[data-testid=invite-large]');
  await page.waitForSelector('[data-testid=invite-full] [data-testid=invite-qr-large] svg');
  const box = await page.locator('[data-testid=invite-qr-large]').boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.width >= Math.min(viewport.width, viewport.height) * 0.75, `${box.width}px`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=invite-qr] svg');
  // A kiosk link for a shared device elsewhere, with its own checksum.
  assert.ok((await page.inputValue('[data-testid=kiosk-link]')).endsWith(meting.kiosk_fragment));
  assert.deepEqual(context.pageErrors, []);
});

test('a damaged invitation link says so and does not start', T, async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  await openApp(page, `${env.server.url}#m=12zz&i=spiegel-student`);
  assert.match(await textOf(page, '[data-testid=invite-error]'), /uitnodiging werkt niet/);
  assert.equal(await page.$('[data-testid=invite-begin]'), null);
  assert.deepEqual(context.pageErrors, []);
});
