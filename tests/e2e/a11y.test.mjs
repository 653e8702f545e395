// Accessibility: axe-core (WCAG 2.1 A/AA and best practices) on every kind of screen a
// student sees. A failure lists each violation with its rule, help text and the failing
// elements, so a developer can fix the app.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  openTeam,
  useApp,
  KEYS,
  reloadApp,
  startStudent,
  currentItem,
  advanceTo,
  runToEnd,
  submit,
  waitForTitleFocus,
  openWithBlockedStorage,
  pressAndWaitForMove,
  openApp,
  expectNoViolations,
} from './support.mjs';
import { loadFixtures, installMeting, filesIn } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 120_000 };

test('start screen (Dutch) has no accessibility violations', T, async () => {
  // Promise: the first screen works with screen readers, keyboard and low vision.
  const { page } = await env.newApp();
  await page.waitForSelector('[data-testid=role-student]');
  await expectNoViolations(page, 'the start screen (NL)');
});

test('start screen (English) has no accessibility violations', T, async () => {
  // Promise: the English version is just as accessible, with the right page language.
  const { page } = await env.newApp();
  await page.click('[data-testid=lang-en]');
  await page.waitForSelector('html[lang=en]');
  await expectNoViolations(page, 'the start screen (EN)');
});

test('first question has no accessibility violations', T, async () => {
  // Promise: a single-choice question is announced and operable for everyone.
  const { page } = await env.newApp();
  await startStudent(page);
  await expectNoViolations(page, `the first question (${await currentItem(page)})`);
});

test('a multiple-choice question has no accessibility violations', T, async () => {
  // Promise: check boxes are labelled and grouped under their question.
  const { page } = await env.newApp();
  await startStudent(page);
  await advanceTo(page, (kind) => kind === 'choices');
  await waitForTitleFocus(page);
  await expectNoViolations(page, `a multiple-choice question (${await currentItem(page)})`);
});

test('a matrix question has no accessibility violations', T, async () => {
  // Promise: each statement of a matrix is its own labelled radio group.
  const { page } = await env.newApp();
  await startStudent(page);
  await advanceTo(page, (kind) => kind === 'matrix');
  await waitForTitleFocus(page);
  await expectNoViolations(page, `a matrix question (${await currentItem(page)})`);
});

test('the open-text question has no accessibility violations', T, async () => {
  // Promise: the text box is labelled and its privacy note is announced.
  const { page } = await env.newApp();
  await startStudent(page);
  await advanceTo(page, (kind) => kind === 'text');
  await waitForTitleFocus(page);
  assert.ok(await page.isVisible('text=Schrijf geen namen op'), 'privacy note shown');
  await expectNoViolations(page, `the open-text question (${await currentItem(page)})`);
});

test('a question showing the validation error has no accessibility violations', T, async () => {
  // Promise: the "choose an answer first" message is readable and announced.
  const { page } = await env.newApp();
  await startStudent(page);
  await page.click('[data-testid=next]');
  await page.waitForFunction(() => document.querySelector('[data-testid=error]')?.textContent.trim());
  await expectNoViolations(page, 'the first question with its validation error');
});

test('the end screen has no accessibility violations', T, async () => {
  // Promise: the "ready to send" screen is accessible.
  const { page } = await env.newApp();
  await startStudent(page);
  await runToEnd(page);
  await waitForTitleFocus(page);
  await expectNoViolations(page, 'the end screen');
});

test('the done screen has no accessibility violations', T, async () => {
  // Promise: the thank-you screen is accessible.
  const { page } = await env.newApp();
  await startStudent(page);
  await runToEnd(page);
  await submit(page);
  await waitForTitleFocus(page, 'done-title');
  await expectNoViolations(page, 'the done screen');
});

test('the storage-blocked banner has no accessibility violations', T, async () => {
  // Promise: the warning that nothing is kept is readable by everyone.
  const { page } = await openWithBlockedStorage(env);
  await expectNoViolations(page, 'the start screen with the storage-blocked banner');
  await startStudent(page);
  await expectNoViolations(page, 'the first question with the storage-blocked banner');
});

test('the corrupt-data notice has no accessibility violations', T, async () => {
  // Promise: the message that broken data was set aside (and its close button) is accessible.
  const { page } = await env.newApp();
  await page.evaluate((key) => localStorage.setItem(key, '{kapot'), KEYS.session);
  await reloadApp(page);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=notice]')?.textContent.includes('kapotte gegevens'),
  );
  await expectNoViolations(page, 'the start screen with the corrupt-data notice');
});

test('a staff estimate question has no accessibility violations', T, async () => {
  // Promise: staff answer "Hoeveel van uw studenten …?" with any assistive technology.
  const { staffMeting } = loadFixtures();
  const { page } = await env.newApp();
  await openApp(page, `${env.server.url}#${staffMeting.fragment}`);
  await expectNoViolations(page, 'a staff invitation');
  await page.click('[data-testid=invite-begin]');
  await page.waitForSelector('[data-testid=question-rol]');
  await expectNoViolations(page, 'the staff role question');
  await page.check('[data-testid=question-rol] input[value=docent]');
  await pressAndWaitForMove(page, 'next');
  await advanceTo(page, (_kind, id) => id.startsWith('est_'));
  await expectNoViolations(page, 'a staff estimate question');
});

test('the own-instrument screen with a list of problems has no accessibility violations', T, async () => {
  // Promise: a researcher using a screen reader hears every problem in a broken file.
  const { page } = await env.newApp();
  await page.click('[data-testid=open-own]');
  // The own-vragenlijst screen is on the team page (team.html): wait for it.
  await page.waitForSelector('[data-testid=own-file]');
  await expectNoViolations(page, 'the own-instrument screen');
  await page.setInputFiles('[data-testid=own-file]', {
    name: 'kapot.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"spiegel_instrument": 1, "id": "X", "sections": []}'),
  });
  await page.waitForSelector('[data-testid=own-problems]');
  await expectNoViolations(page, 'the own-instrument screen with problems');
});

test('the collection screens have no accessibility violations', T, async () => {
  // Promise: staff using a screen reader can make a meting, share it and collect; a
  // student can answer an invitation, get the receipt, and pass a kiosk on.
  const { meting } = loadFixtures();
  const context = await env.newContext();
  await installMeting(context, meting);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await openTeam(page);
  await expectNoViolations(page, 'the metingen list');
  await page.click('[data-testid=new-meting]');
  await expectNoViolations(page, 'the new-meting form');
  await page.click('[data-testid=nm-create]');
  await page.waitForFunction(() => document.querySelector('[data-testid=nm-error]').textContent !== '');
  await expectNoViolations(page, 'the new-meting form with an error');
  await openApp(page, env.server.url);
  await openTeam(page);
  await page.click(`[data-testid=meting-${meting.id}]`);
  await expectNoViolations(page, 'a locked meting');
  await page.fill('[data-testid=unlock-pin]', meting.pin);
  await page.click('[data-testid=unlock]');
  await page.waitForSelector('[data-testid=import-files]', { timeout: 30_000 });
  await page.setInputFiles('[data-testid=import-files]', filesIn('import30').slice(0, 3));
  await page.waitForSelector('[data-testid=import-summary][data-done=true]:not(:empty)');
  await expectNoViolations(page, 'an unlocked meting with import results');

  const student = await (await env.newContext()).newPage();
  await openApp(student, `${env.server.url}#${meting.kiosk_fragment}`);
  await expectNoViolations(student, 'the kiosk invitation');
  await student.click('[data-testid=invite-begin]');
  await runToEnd(student);
  await student.click('[data-testid=submit]');
  await student.waitForSelector('[data-testid=handover]');
  await student.click('.handover__teacher summary');
  await expectNoViolations(student, 'the kiosk hand-over screen');

  const phone = await (await env.newContext()).newPage();
  await openApp(phone, `${env.server.url}#${meting.fragment}`);
  await phone.click('[data-testid=invite-begin]');
  await runToEnd(phone);
  await phone.click('[data-testid=submit]');
  await phone.waitForSelector('[data-testid=receipt-qr] svg');
  await expectNoViolations(phone, 'the receipt with its QR code');
  await phone.click('[data-testid=receipt-large]');
  await phone.waitForSelector('[data-testid=receipt-full]');
  await expectNoViolations(phone, 'the receipt code full screen');

  await page.click('[data-testid=invite-large]');
  await page.waitForSelector('[data-testid=invite-full]');
  await expectNoViolations(page, 'the invitation code full screen');
});
