// End-to-end: a student fills in the questionnaire in a real Chromium against the release
// build in dist/. Each test checks one promise a student (or school) would notice.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  useApp,
  KEYS,
  PHONE,
  startStudent,
  startInvited,
  submitInvited,
  storageHolding,
  progress,
  currentItem,
  shownAnswer,
  answerOnly,
  answerCurrent,
  answerN,
  runToEnd,
  submit,
  pressAndWaitForMove,
  reloadApp,
  waitForApp,
  waitForTitleFocus,
  getItem,
  storageKeys,
  textOf,
  ensureOutDir,
  fullStorageScript,
  openWithBlockedStorage,
  openApp,
} from './support.mjs';
import { loadFixtures } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 120_000 };

test('a complete invited run ends on the receipt with one sealed response and nothing in the clear', T, async () => {
  // Promise: answering every question and pressing "Versturen" keeps exactly one sealed
  // response for the meting on the device, and clears the run in progress.
  const { meting } = loadFixtures();
  const { context, page } = await env.newApp();
  await startInvited(page, env.server.url, meting.fragment);
  const log = await runToEnd(page);
  assert.ok(log.length >= 20, `only ${log.length} questions were shown`);
  await submitInvited(page);

  const keys = await storageKeys(page);
  assert.equal(keys.filter((k) => k.startsWith(KEYS.outboxPrefix(meting.id))).length, 1, 'one sealed response');
  assert.deepEqual(keys.filter((k) => k.startsWith(KEYS.responsePrefix)), [], 'nothing in the clear');
  assert.deepEqual(keys.filter((k) => k.startsWith('spiegel.v1.session.')), [], 'the run in progress is removed');
  assert.deepEqual(await storageHolding(page, ['prima']), [], 'no open answer in storage');
  assert.deepEqual(context.pageErrors, []);
});

test('a reload in the middle reopens the same question with earlier answers kept', T, async () => {
  // Promise: a reload (or a crash) loses nothing; the student is back where they were.
  const { meting } = loadFixtures();
  const { page } = await env.newApp();
  await startInvited(page, env.server.url, meting.fragment);
  const log = await answerN(page, 5);
  const where = await progress(page);
  const item = await currentItem(page);
  assert.ok(item, 'on a question page');

  await reloadApp(page);
  await page.waitForSelector('form.question');
  assert.equal(await page.$('[data-testid=invite-begin]'), null, 'no start screen after reload');
  assert.equal(await progress(page), where);
  assert.equal(await currentItem(page), item);

  for (const earlier of [...log].reverse()) {
    await pressAndWaitForMove(page, 'back');
    assert.equal(await currentItem(page), earlier.id);
    assert.deepEqual(await shownAnswer(page), earlier.answer, `answer to ${earlier.id} still selected`);
  }
});

test('closing the tab and opening the app again resumes at the same question', T, async () => {
  // Promise: closing the browser tab halfway does not lose the run.
  const { meting } = loadFixtures();
  const { context, page } = await env.newApp();
  await startInvited(page, env.server.url, meting.fragment);
  await answerN(page, 3);
  const where = await progress(page);
  const item = await currentItem(page);
  await page.close();

  const again = await context.newPage();
  await again.goto(`${env.server.url}#${meting.fragment}`);
  await waitForApp(again);
  await again.waitForSelector('form.question');
  assert.equal(await progress(again), where);
  assert.equal(await currentItem(again), item);
});

test('a corrupt stored session is set aside and a new run can start', T, async () => {
  // Promise: broken data on the device never breaks the app; it is kept aside and the
  // student is told, in plain words.
  const { context, page } = await env.newApp();
  await page.evaluate((key) => localStorage.setItem(key, '{kapot'), KEYS.session);
  await reloadApp(page);

  await page.waitForSelector('[data-testid=role-student]');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=notice]')?.textContent.includes('kapotte gegevens'),
  );
  assert.ok(await page.isVisible('[data-testid=notice] >> text=kapotte gegevens'));
  assert.equal(await getItem(page, KEYS.setAside(1)), '{kapot');

  await startStudent(page);
  assert.match(await progress(page), /^Deel 1 van \d+$/);
  await answerN(page, 2);
  const session = JSON.parse(await getItem(page, KEYS.session));
  assert.equal(Object.keys(session.answers).length, 2, 'the new run is stored');
  assert.deepEqual(context.pageErrors, []);
});

test('with storage blocked the app still works and says it keeps nothing', T, async () => {
  // Promise: on a browser that forbids storage the student can still fill in the list,
  // and is warned that nothing is kept.
  const { context, page } = await openWithBlockedStorage(env);
  assert.ok(await page.isVisible('[data-testid=storage-banner] >> text=bewaart niets'));
  await startStudent(page);
  const first = await answerCurrent(page);
  assert.notEqual(await currentItem(page), first.id, 'on to the next question');
  await waitForTitleFocus(page);
  assert.deepEqual(context.pageErrors, []);
});

test('with storage full the banner says so and answering goes on', T, async () => {
  // Promise: a full browser storage does not stop the student; they are warned and can
  // still go forward and back without losing what they picked.
  const context = await env.newContext();
  await context.addInitScript(fullStorageScript, 2);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForApp(page);
  await startStudent(page);

  const log = await answerN(page, 3);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=storage-banner]')?.textContent.includes('vol'),
  );
  assert.ok(await page.isVisible('[data-testid=storage-banner] >> text=vol'));
  assert.equal(await currentItem(page), log[2].next, 'on the fourth question');

  await answerOnly(page);
  const fourth = await shownAnswer(page);
  const fourthId = await currentItem(page);
  await pressAndWaitForMove(page, 'back');
  assert.equal(await currentItem(page), log[2].id);
  assert.deepEqual(await shownAnswer(page), log[2].answer);
  await pressAndWaitForMove(page, 'next');
  assert.equal(await currentItem(page), fourthId);
  assert.deepEqual(await shownAnswer(page), fourth, 'the answer kept in memory is still selected');
  const fifth = await answerCurrent(page);
  assert.equal(fifth.id, fourthId);
  assert.equal(await currentItem(page), fifth.next, 'on to the fifth question');
  assert.ok(await page.isVisible('[data-testid=storage-banner] >> text=vol'), 'banner stays');
  assert.deepEqual(context.pageErrors, []);
});

test('a run in progress still resumes when storage has become completely full', T, async () => {
  // Promise: a full browser storage never hides answers already kept on the device.
  const context = await env.newContext();
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await startStudent(page);
  await answerN(page, 3);
  const where = { progress: await progress(page), item: await currentItem(page) };
  // From now on every write fails, also the app's own check when it opens.
  await context.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await reloadApp(page);
  assert.deepEqual({ progress: await progress(page), item: await currentItem(page) }, where);
  await answerCurrent(page);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=storage-banner]')?.textContent.includes('vol'),
  );
  assert.deepEqual(context.pageErrors, []);
});

test('when the phone cannot keep the sealed response, the receipt says so and the run stays until it can', T, async () => {
  // Promise: a full device at the very end loses nothing: the student can hand in from
  // the receipt at once, and the run is still there to send again.
  const { meting } = loadFixtures();
  const context = await env.newContext();
  await context.addInitScript(() => {
    window.__refuseResponses = true;
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(key, value) {
      if (window.__refuseResponses && String(key).startsWith('spiegel.v1.outbox.')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.call(this, key, value);
    };
  });
  const page = await context.newPage();
  await startInvited(page, env.server.url, meting.fragment);
  const log = await runToEnd(page);
  await submitInvited(page);
  assert.match(await textOf(page, '[data-testid=receipt] [role=alert]'), /kon je antwoorden niet bewaren\. Lever ze nu in\./);
  const session = JSON.parse(await getItem(page, KEYS.metingSession(meting.id)));
  const given = Object.keys(session.answers).filter((id) => log.some((a) => a.id === id));
  assert.equal(given.length, log.length, 'every answer is still kept');
  assert.equal((await storageKeys(page)).filter((k) => k.startsWith(KEYS.outboxPrefix(meting.id))).length, 0);
  // The device has room again: opening the link goes on at the end screen, and sending works.
  await context.addInitScript(() => {
    window.__refuseResponses = false;
  });
  await reloadApp(page);
  await page.waitForSelector('[data-testid=end]');
  await submitInvited(page);
  assert.equal(await page.$('[data-testid=receipt] [role=alert]'), null);
  const keys = (await storageKeys(page)).filter((k) => k.startsWith(KEYS.outboxPrefix(meting.id)));
  assert.equal(keys.length, 1);
  assert.equal(await getItem(page, KEYS.metingSession(meting.id)), null);
  assert.deepEqual(context.pageErrors, []);
});

test('next without an answer shows a friendly message and stays on question 1', T, async () => {
  // Promise: a missed answer is explained in plain words, not lost or skipped.
  const { page } = await env.newApp();
  await startStudent(page);
  const item = await currentItem(page);
  await page.click('[data-testid=next]');
  await page.waitForFunction(() => document.querySelector('[data-testid=error]')?.textContent.trim());
  assert.match(await textOf(page, '[data-testid=error]'), /Kies eerst een antwoord\./);
  assert.equal(await page.getAttribute('[data-testid=error]', 'role'), 'alert');
  assert.match(await progress(page), /^Deel 1 van \d+$/);
  assert.equal(await currentItem(page), item);

  // Answering makes the message go away and lets the student on.
  await answerCurrent(page);
  assert.notEqual(await currentItem(page), item);
  assert.equal(await textOf(page, '[data-testid=error]'), '');
});

test('switching to English changes the texts and survives a reload', T, async () => {
  // Promise: a student who reads English better can switch, and the choice sticks.
  const { page } = await env.newApp();
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  assert.equal(await page.getAttribute('[data-testid=lang-nl]', 'aria-pressed'), 'true');
  await startStudent(page);
  assert.match(await progress(page), /^Deel 1 van \d+$/);

  await page.click('[data-testid=lang-en]');
  await page.waitForFunction(() =>
    /^Part 1 of \d+$/.test(document.querySelector('[data-testid=progress]').textContent.trim()),
  );
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('[data-testid=lang-en]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('[data-testid=lang-nl]', 'aria-pressed'), 'false');

  await reloadApp(page);
  await page.waitForSelector('form.question');
  assert.match(await progress(page), /^Part 1 of \d+$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await textOf(page, '[data-testid=next]'), 'Next');
});

test('keyboard only: start, pick an answer and reach question 2', T, async () => {
  // Promise: a student who cannot use a mouse or touch screen can answer, and focus goes
  // to the question each time the screen changes.
  const { page } = await env.newApp();
  const focused = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      return { testid: a?.dataset?.testid ?? null, id: a?.id ?? '', tag: a?.tagName, type: a?.type ?? null, value: a?.value ?? null };
    });
  async function tabTo(match, key = 'Tab', max = 15) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(key);
      if (match(await focused())) return;
    }
    assert.fail(`${key} never reached the expected element; focus is on ${JSON.stringify(await focused())}`);
  }

  await tabTo((f) => f.testid === 'role-student');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=trial-start]');
  await tabTo((f) => f.testid === 'trial-start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('form.question');
  await waitForTitleFocus(page);
  assert.match(await progress(page), /^Deel 1 van \d+$/);
  const firstItem = await currentItem(page);

  // Into the radio group, pick with Space, move with the arrow key.
  await tabTo((f) => f.type === 'radio');
  await page.keyboard.press('Space');
  const first = await focused();
  assert.deepEqual(Object.values(await shownAnswer(page)), [[first.value]], 'Space picks the focused option');
  await page.keyboard.press('ArrowDown');
  const second = await focused();
  assert.notEqual(second.value, first.value);
  assert.deepEqual(Object.values(await shownAnswer(page)), [[second.value]], 'arrow keys move the choice');

  // To the next button, back to the options with Shift+Tab, then forward again.
  await tabTo((f) => f.testid === 'next');
  await tabTo((f) => f.type === 'radio', 'Shift+Tab');
  assert.equal((await focused()).value, second.value, 'Shift+Tab returns to the chosen option');
  await tabTo((f) => f.testid === 'next');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (first) => !document.querySelector(`[data-testid=question-${first}]`),
    firstItem,
  );
  await waitForTitleFocus(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'question-title');
});

test('no network request leaves the device during a complete run', T, async () => {
  // Promise: answers stay on this device; the app talks to no other host.
  const { meting } = loadFixtures();
  const context = await env.newContext();
  const page = await context.newPage();
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  const served = env.server.requests.length;
  await startInvited(page, env.server.url, meting.fragment);
  await runToEnd(page);
  await submitInvited(page);

  assert.ok(seen.length >= 3, 'the page loaded its files through the test server');
  const elsewhere = seen.filter((u) => !u.startsWith(`${env.server.origin}/`));
  assert.deepEqual(elsewhere, [], 'requests that went elsewhere than the local test server');
  const newOnServer = env.server.requests.slice(served);
  assert.ok(newOnServer.some((u) => u.endsWith('.wasm')), 'the wasm came from the test server');
});

test('touch targets are at least 44 px on a phone', T, async () => {
  // Promise: every option and button is easy to hit with a thumb on a small phone.
  const { page } = await env.newApp({ viewport: PHONE, isMobile: true, hasTouch: true });
  const tooSmall = [];
  const check = async (screen) => {
    const bad = await page.evaluate(() => {
      const out = [];
      const visible = (el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
      };
      const name = (el) =>
        `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${el.textContent.trim().slice(0, 30)}"`;
      for (const el of document.querySelectorAll('label.option, button, input[type=number]')) {
        if (!visible(el)) continue;
        const r = el.getBoundingClientRect();
        const needWidth = el.tagName === 'BUTTON';
        if (r.height < 44 || (needWidth && r.width < 44)) {
          out.push(`${name(el)} is ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
      }
      return out;
    });
    for (const b of bad) tooSmall.push(`${screen}: ${b}`);
  };
  await check('start');
  await page.click('[data-testid=role-student]');
  await page.waitForSelector('[data-testid=trial-start]');
  await check('the way in');
  await page.click('[data-testid=trial-start]');
  await page.waitForSelector('form.question');
  await runToEnd(page, async (p) => check(`question ${await currentItem(p)}`));
  await check('end');
  await submit(page);
  await check('done');
  assert.deepEqual(tooSmall, [], 'targets smaller than 44 px');
});

test('screenshot of the first question on a phone', T, async () => {
  // Promise: the first question looks right on a phone (saved for a human to review).
  const { page } = await env.newApp({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await startStudent(page);
  const file = path.join(await ensureOutDir(), 'question-phone.png');
  const png = await page.screenshot({ path: file, fullPage: true });
  assert.ok(png.length > 1000, 'screenshot written');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone (sideways scrolling)`);
});
