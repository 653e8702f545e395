// End-to-end: the words on the screens. Staff are addressed with "u" on every screen of
// the team page and of a staff run; in English no Dutch word of the interface is left;
// counts say "1 antwoord" and "2 antwoorden".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp,
  openApp,
  openTeam,
  textOf,
  answerCurrent,
  runToEnd,
} from './support.mjs';
import { loadFixtures, installMeting, filesIn } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 180_000 };

/** "je" and its forms: never on a screen for staff. */
const JE = /\b(je|jij|jou|jouw|jezelf|jullie)\b/i;

/** Dutch words of the interface that have no place in English. */
const DUTCH = /\b(meting|metingen|vragenlijst|vragenlijsten|antwoord|antwoorden|ontvangen|verzameld|Terug|Vorige|Volgende|Nieuwe|bekijken|Exporteren|Kies|Deel|Stoppen|uitnodiging|docent)\b/;

/**
 * The visible text of the page's main region, without what the team or the data wrote
 * (a meting's label, titles and questions of a vragenlijst, which carry both languages
 * themselves), whitespace collapsed.
 */
function screenText(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main').cloneNode(true);
    for (const el of main.querySelectorAll('[data-testid=meting-title], .metingen__label, .question__fieldset, .question__section, .import__name')) {
      el.remove();
    }
    return main.textContent.replace(/\s+/g, ' ').trim();
  });
}

/** Visits the team page's screens; calls `check(name)` on each. */
async function visitTeamScreens(page, meting, check) {
  await openTeam(page);
  await check('the metingen');
  await page.click('[data-testid=new-meting]');
  await page.click('[data-testid=nm-create]');
  await page.waitForFunction(() => document.querySelector('[data-testid=nm-error]').textContent !== '');
  await check('a new meting with an error');
  await page.click('.question__nav button:first-child');
  await page.click(`[data-testid=meting-${meting.id}]`);
  await page.waitForSelector('[data-testid=unlock-pin]');
  await check('a locked meting');
  await page.fill('[data-testid=unlock-pin]', meting.pin);
  await page.click('[data-testid=unlock]');
  await page.waitForSelector('[data-testid=import-files]', { timeout: 30_000 });
  await page.setInputFiles('[data-testid=import-files]', filesIn('import30').filter((f) => f.includes('antwoord-')).slice(0, 1));
  await page.waitForSelector('[data-testid=import-summary][data-done=true]:not(:empty)');
  await page.fill('[data-testid=class-size]', '30');
  await page.press('[data-testid=class-size]', 'Tab');
  await check('an unlocked meting with one response');
  await page.click('[data-testid=meting-back]');
  await page.click('[data-testid=open-export]');
  await page.waitForSelector('[data-testid=export-back]');
  await check('the export');
  await page.click('[data-testid=export-back]');
  await page.click('[data-testid=open-mirror]');
  await page.waitForSelector('[data-testid=mirror-missing], [data-testid=mirror-compare]');
  await check('the mirror set-up');
}

test('every screen for staff says "u", and counts take the singular for 1', T, async () => {
  const { meting, staffMeting } = loadFixtures();
  const context = await env.newContext();
  await installMeting(context, meting);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  const found = [];
  await visitTeamScreens(page, meting, async (name) => {
    const text = await screenText(page);
    const hit = text.match(JE);
    if (hit) found.push(`${name}: "${hit[0]}" in ${text.slice(Math.max(0, hit.index - 60), hit.index + 60)}`);
  });
  assert.deepEqual(found, []);
  // One response: "1 antwoord".
  await openApp(page, env.server.url);
  await openTeam(page);
  assert.match(await textOf(page, `[data-testid=meting-${meting.id}]`), /· 1 antwoord$/);

  // A staff run, from the invitation to the receipt: "u" all the way.
  const staff = await (await env.newContext()).newPage();
  await openApp(staff, `${env.server.url}#${staffMeting.fragment}`);
  const seen = [await screenText(staff)];
  await staff.click('[data-testid=invite-begin]');
  await staff.waitForSelector('form.question');
  await staff.click('[data-testid=next]');
  await staff.waitForFunction(() => document.querySelector('[data-testid=error]').textContent.trim() !== '');
  seen.push(await screenText(staff));
  await staff.click('[data-testid=stop]');
  seen.push(await screenText(staff));
  await staff.click('[data-testid=stop-no]');
  await runToEnd(staff, async (p) => seen.push(await screenText(p)));
  seen.push(await screenText(staff));
  await staff.click('[data-testid=submit]');
  await staff.waitForSelector('[data-testid=receipt-qr] svg');
  seen.push(await screenText(staff));
  for (const text of seen) assert.doesNotMatch(text, JE, text);
  assert.match(seen[0], /Uw team vraagt u/);
  assert.deepEqual(context.pageErrors, []);
});

test('in English no Dutch interface word is left, on the team page and on a student phone', T, async () => {
  const { meting } = loadFixtures();
  const context = await env.newContext();
  await installMeting(context, meting);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await page.click('[data-testid=lang-en]');
  await page.waitForSelector('html[lang=en]');
  const found = [];
  const check = async (name) => {
    const text = await screenText(page);
    const hit = text.match(DUTCH);
    if (hit) found.push(`${name}: "${hit[0]}" in ${text.slice(Math.max(0, hit.index - 60), hit.index + 60)}`);
  };
  await check('the start screen');
  await visitTeamScreens(page, meting, check);

  // A student's phone in English: the way in, a trial, the invitation, the receipt.
  const phone = await (await env.newContext()).newPage();
  await openApp(phone, env.server.url);
  await phone.click('[data-testid=lang-en]');
  await phone.click('[data-testid=role-student]');
  const checkPhone = async (name) => {
    const text = await screenText(phone);
    const hit = text.match(DUTCH);
    if (hit) found.push(`${name}: "${hit[0]}" in ${text.slice(Math.max(0, hit.index - 60), hit.index + 60)}`);
  };
  await checkPhone('the way in');
  await phone.click('[data-testid=trial-start]');
  await phone.waitForSelector('form.question');
  await answerCurrent(phone);
  await phone.click('[data-testid=stop]');
  await checkPhone('a trial question with the stop confirmation');
  await phone.click('[data-testid=stop-no]');
  await openApp(phone, `${env.server.url}#${meting.fragment}`);
  await checkPhone('the invitation');
  await phone.click('[data-testid=invite-begin]');
  await runToEnd(phone);
  await checkPhone('the end screen');
  await phone.click('[data-testid=submit]');
  await phone.waitForSelector('[data-testid=receipt-qr] svg');
  await checkPhone('the receipt');
  assert.deepEqual(found, []);
  assert.match(await textOf(phone, '[data-testid=receipt]'), /Download response file/);
  assert.deepEqual(context.pageErrors, []);
});
