// End-to-end: staff fill in the staff vragenlijst, routed by role, and a team or
// researcher opens its own instrument file. Expectations about role routing are read
// from the staff vragenlijst itself, so the tests follow the data.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  useApp,
  E2E_DIR,
  progress,
  currentItem,
  shownAnswer,
  answerN,
  runToEnd,
  submit,
  submitInvited,
  openApp,
  pressAndWaitForMove,
  reloadApp,
  waitForTitleFocus,
  storageKeys,
  textOf,
  builtinInstrument,
  advanceTo,
} from './support.mjs';
import { loadFixtures } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 180_000 };
const ROOT = path.resolve(E2E_DIR, '..', '..');
const STAFF = builtinInstrument('spiegel-staff');
const MINIMAL = readFileSync(path.join(ROOT, 'tests/fixtures/instruments/minimal.json'), 'utf8');

/** Sections routed by role: `{ id, roles, items }` for each section whose show_if is `rol in [...]`. */
function routedSections() {
  return STAFF.sections
    .filter((s) => s.show_if?.item === 'rol' && Array.isArray(s.show_if.in))
    .map((s) => ({ id: s.id, roles: s.show_if.in, items: s.items.map((i) => i.id) }));
}

/** The staff meting's invitation, addressed with "u": choose `role`, go to the next question. */
async function startStaffAs(page, role) {
  const { staffMeting } = loadFixtures();
  await openApp(page, `${env.server.url}#${staffMeting.fragment}`);
  assert.match(await textOf(page, '.invite'), /Uw team vraagt u deze vragenlijst in te vullen\.\s*Uw antwoorden gaan op slot\./);
  await page.click('[data-testid=invite-begin]');
  await page.waitForSelector('[data-testid=question-rol]');
  await waitForTitleFocus(page);
  await page.check(`[data-testid=question-rol] input[value=${role}]`);
  await pressAndWaitForMove(page, 'next');
}

/** Runs a whole staff vragenlijst as `role`, with a reload halfway; returns the shown item ids. */
async function staffRunAs(role) {
  const { context, page } = await env.newApp();
  await startStaffAs(page, role);
  const first = await answerN(page, 4);
  // Halfway: a reload comes back to the same question, with the earlier answers.
  const before = { progress: await progress(page), item: await currentItem(page) };
  await reloadApp(page);
  assert.deepEqual({ progress: await progress(page), item: await currentItem(page) }, before);
  await pressAndWaitForMove(page, 'back');
  assert.deepEqual(await shownAnswer(page), first.at(-1).answer, 'the last answer before the reload is still there');
  await pressAndWaitForMove(page, 'next');
  const rest = await runToEnd(page);
  assert.match(await textOf(page, '[data-testid=end]'), /U hebt alle vragen gehad/);
  await submitInvited(page);
  // Staff are addressed with "u" up to the receipt.
  const receipt = await textOf(page, '[data-testid=receipt]');
  assert.match(receipt, /Uw antwoorden zitten op slot\.\s*Lever ze in bij uw team\./);
  assert.doesNotMatch(receipt, /\b(je|jij|jouw|Je)\b/);
  assert.deepEqual(context.pageErrors, []);
  return ['rol', ...first.map((a) => a.id), ...rest.map((a) => a.id)];
}

function assertRouting(role, shown) {
  const routed = routedSections();
  assert.ok(routed.length >= 2, 'the staff vragenlijst routes some sections by role');
  for (const s of routed) {
    const seen = s.items.filter((id) => shown.includes(id));
    if (s.roles.includes(role)) {
      assert.ok(seen.length > 0, `${role} should see section ${s.id}`);
    } else {
      assert.deepEqual(seen, [], `${role} should not see section ${s.id}`);
    }
  }
}

test('a staff run as docent shows the docent blocks and resumes after a reload', T, async () => {
  // Promise: a teacher answers the questions meant for teachers, and a reload loses nothing.
  assertRouting('docent', await staffRunAs('docent'));
});

test('a staff run as zorgcoördinator shows the care blocks and resumes after a reload', T, async () => {
  // Promise: a care coordinator gets the care and shared blocks, not the teacher-only ones.
  assertRouting('zorg', await staffRunAs('zorg'));
});

test('every share answer shows the percentages it stands for', T, async () => {
  // Promise: staff see what "een klein deel" means before they choose it, and the mirror
  // compares with exactly those ranges.
  const { context, page } = await env.newApp();
  await startStaffAs(page, 'docent');
  await advanceTo(page, (_kind, id) => id === 'est_diploma_wil');
  const labels = await page.$$eval('[data-testid=question-est_diploma_wil] label', (ls) =>
    ls.map((l) => l.textContent.replace(/\s+/g, ' ').trim()),
  );
  for (const expected of [
    'Bijna geen (0–10 %)',
    'Een klein deel (10–40 %)',
    'Ongeveer de helft (40–60 %)',
    'Een groot deel (60–90 %)',
    '(Bijna) alle (90–100 %)',
  ]) {
    assert.ok(labels.includes(expected), `${expected} in ${JSON.stringify(labels)}`);
  }
  await page.click('[data-testid=lang-en]');
  await page.waitForSelector('text=A small part (10–40%)');
  assert.deepEqual(context.pageErrors, []);
});

/** Opens the own-instrument screen and gives it a file with this text. */
async function openOwnFile(page, text) {
  await page.click('[data-testid=open-own]');
  // The own-vragenlijst screen is on the team page (team.html): wait for it.
  await page.waitForSelector('[data-testid=own-file]');
  await page.setInputFiles('[data-testid=own-file]', {
    name: 'vragenlijst.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

test('a broken instrument file shows all its problems and keeps nothing', T, async () => {
  // Promise: a researcher sees every problem in plain words, with its place, and the app
  // is unchanged.
  const { page } = await env.newApp();
  const broken = JSON.parse(MINIMAL);
  broken.sections[0].items[0].construct = 'context.leeftijd';
  delete broken.sections[1].items[0].text.en;
  broken.sections[2].items[0].id = 'stage';
  await openOwnFile(page, JSON.stringify(broken, null, 2));
  await page.waitForSelector('[data-testid=own-problems]');
  const items = await page.$$eval('[data-testid=own-problems] li', (lis) => lis.map((li) => li.textContent));
  assert.equal(items.length, 3, items.join('\n'));
  assert.ok(items.some((t) => t.includes("Construct 'context.leeftijd'") && t.includes('sections[0].items[0]')), items.join('\n'));
  assert.ok(items.some((t) => t.includes('Engelse tekst')), items.join('\n'));
  assert.ok(items.some((t) => t.includes("Id 'stage' komt twee keer voor")), items.join('\n'));
  assert.deepEqual((await storageKeys(page)).filter((k) => k.startsWith('spiegel.v1.instrument.')), []);
  // Not JSON at all: one clear message.
  await page.click('text=Terug');
  await openOwnFile(page, '{ dit is geen json');
  await page.waitForSelector('[data-testid=own-problems]');
  // In plain words, with the place: no JSON reader's English.
  const plain = await textOf(page, '[data-testid=own-problems]');
  assert.match(plain, /Dit bestand heeft 1 fout\. .*Een naam moet tussen aanhalingstekens staan, zoals "id"\. \(regel 1, kolom \d+\)/);
  assert.doesNotMatch(plain, /key must be|EOF|expected|line \d/);
  // And in English when English is chosen.
  await page.click('[data-testid=lang-en]');
  await page.click('text=Back');
  await openOwnFile(page, '{"spiegel_instrument": 1, "id": "x"');
  await page.waitForSelector('[data-testid=own-problems]');
  assert.match(await textOf(page, '[data-testid=own-problems]'), /The file ends too early\. A closing \}, \] or " is missing\. \(line 1, column \d+\)/);
});

test('a valid instrument file can be tried, and stays on the device', T, async () => {
  // Promise: a team's own vragenlijst runs like the built-in ones and is still there later.
  const { page } = await env.newApp();
  await openOwnFile(page, MINIMAL);
  await page.waitForSelector('[data-testid=own-ok]');
  assert.match(await textOf(page, '[data-testid=own-ok]'), /Kleine lijst \(3 vragen\)/);
  await page.click('[data-testid=own-start]');
  await page.waitForSelector('[data-testid=question-stage]');
  const log = await runToEnd(page);
  assert.ok(log.length >= 2);
  await submit(page);
  const keys = await storageKeys(page);
  assert.ok(keys.includes('spiegel.v1.instrument.mini@1.0.0'), keys.join(', '));
  // Tried outside a meting: nothing of the answers stays.
  assert.deepEqual(keys.filter((k) => /^spiegel\.v1\.(response|session|outbox)\./.test(k)), []);
  await reloadApp(page);
  await page.waitForSelector('[data-testid=start-mini]');
});
