// End-to-end: the student vragenlijst fits the student. An invitation carries the
// meting's niveau and leerweg, so those are not asked; the future wish offers what fits
// that niveau and leerweg; "Niets" stands alone; lessons a student does not have get
// "Heb ik niet".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp,
  openApp,
  currentItem,
  answerOnly,
  pressAndWaitForMove,
  advanceTo,
  shownAnswer,
  builtinInstrument,
  expectNoViolations,
} from './support.mjs';
import { loadFixtures } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 120_000 };
const FIELDSET = 'fieldset[data-testid^="question-"]';

/** An invitation to the newest student vragenlijst for a meting of `niveau` and `leerweg`. */
function invitation(niveau, leerweg) {
  const { meting } = loadFixtures();
  const key = new URLSearchParams(meting.fragment).get('k');
  const student = builtinInstrument('spiegel-student');
  return `#m=${meting.id}&i=${student.id}&v=${student.version}&k=${key}&n=${niveau}&l=${leerweg}`;
}

async function begin(page, fragment) {
  await openApp(page, `${env.server.url}${fragment}`);
  await page.click('[data-testid=invite-begin]');
  await page.waitForSelector(FIELDSET);
}

/** The option values offered by the current question. */
function offered(page) {
  return page.$$eval(`${FIELDSET} input`, (inputs) => inputs.map((i) => i.value));
}

test('a niveau-4 BBL student is not asked niveau or leerweg and is offered the hbo and the leerbedrijf', T, async () => {
  const { page } = await env.newApp();
  await begin(page, invitation('4', 'bbl'));
  // BBL: no stage question either (the leerbedrijf is one); the first question is the diploma.
  assert.equal(await currentItem(page), 'diploma_wil');
  await answerOnly(page);
  await pressAndWaitForMove(page, 'next');
  assert.equal(await currentItem(page), 'toekomstwens');
  const wishes = await offered(page);
  assert.deepEqual(
    wishes,
    ['werken', 'leerbedrijf', 'hbo', 'eerst_werken', 'andere_opleiding', 'anders', 'weet_niet'],
    'the hbo and the leerbedrijf, not niveau 3 or 4',
  );
});

test('a niveau-2 BOL student is offered niveau 3 and 4 and gets the stage question', T, async () => {
  const { page } = await env.newApp();
  await begin(page, invitation('2', 'bol'));
  assert.equal(await currentItem(page), 'stage');
  await advanceTo(page, (_kind, id) => id === 'toekomstwens');
  const wishes = await offered(page);
  assert.ok(wishes.includes('niveau3') && wishes.includes('niveau4'), wishes.join(', '));
  assert.ok(!wishes.includes('hbo') && !wishes.includes('leerbedrijf'), wishes.join(', '));
});

test('"Niets" clears the other ticks, and another tick clears "Niets"', T, async () => {
  const { page } = await env.newApp();
  await begin(page, invitation('2', 'bol'));
  await advanceTo(page, (_kind, id) => id === 'nodig_pedagogisch');
  const box = (code) => page.locator(`${FIELDSET} input[value=${code}]`);
  await box('vertrouwen').check();
  await box('aanmoediging').check();
  await box('niets').check();
  await page.waitForFunction(() => !document.querySelector('input[value=vertrouwen]').checked);
  assert.deepEqual(Object.values(await shownAnswer(page)).flat(), ['niets']);
  await box('best_doen').check();
  await page.waitForFunction(() => !document.querySelector('input[value=niets]').checked);
  assert.deepEqual(Object.values(await shownAnswer(page)).flat(), ['best_doen']);
  await expectNoViolations(page, 'multiple choice with an exclusive option');
});

test('lessons a student does not have get "Heb ik niet"', T, async () => {
  const { page } = await env.newApp();
  await begin(page, invitation('3', 'bol'));
  await advanceTo(page, (_kind, id) => id === 'tevreden_lessen');
  const labels = await page.$$eval(`${FIELDSET} fieldset[data-testid=row-burgerschap] .option__label`, (ls) =>
    ls.map((l) => l.textContent.trim()),
  );
  assert.deepEqual(labels, ['Kan beter', 'Voldoende', 'Heel goed', 'Heb ik niet']);
  assert.ok(!(await page.textContent(FIELDSET)).includes('Weet ik niet'));
});
