// End-to-end: the mirror. A fixture class (40 students, 8 staff; `make fixtures`, mirror/)
// is imported through the real meting screens, then compared: verdicts per theme and per
// question, a small group that is not shown, settings, the language switch and the
// printable team report. Expected verdicts come from expected.json, which the fixture
// generator computes with the domain's own analysis and checks against the class design.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { stat } from 'node:fs/promises';
import {
  openTeam,
  useApp,
  openApp,
  reloadApp,
  textOf,
  ensureOutDir,
  expectNoViolations,
  OUT_DIR,
} from './support.mjs';
import { loadFixtures, installMeting, filesIn } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 240_000 };

/** Start screen → Metingen → meting → unlocked → these files imported; returns how many were new. */
async function importInto(page, meting, files) {
  await openTeam(page);
  await page.click(`[data-testid=meting-${meting.id}]`);
  await page.fill('[data-testid=unlock-pin]', meting.pin);
  await page.click('[data-testid=unlock]');
  await page.waitForSelector('[data-testid=import-files]', { timeout: 30_000 });
  await page.setInputFiles('[data-testid=import-files]', files);
  await page.waitForSelector('[data-testid=import-summary][data-done=true]:not(:empty)', { timeout: 60_000 });
  return Number(await page.getAttribute('[data-testid=import-summary]', 'data-new'));
}

/** The verdict (data-verdict) of every theme badge on the overview, by theme id. */
function themeVerdicts(page) {
  return page.$$eval('[data-testid^=verdict-]', (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.testid.slice('verdict-'.length), e.dataset.verdict])),
  );
}

/** Sets a number field and lets it fire `change`. */
async function setNumber(page, testid, value) {
  await page.fill(`[data-testid=${testid}]`, String(value));
  await page.press(`[data-testid=${testid}]`, 'Tab');
}

test('the mirror of a fixture class: verdicts, a hidden small group, settings and the team report', T, async () => {
  const { meting, staffMeting, expected } = loadFixtures();
  const mirror = expected.mirror;
  const context = await env.newContext();
  await installMeting(context, meting);
  await installMeting(context, staffMeting);
  // The print dialog cannot be driven; count the calls instead.
  await context.addInitScript(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  const page = await context.newPage();
  await openApp(page, env.server.url);

  const files = filesIn('mirror');
  const students = files.filter((f) => path.basename(f).startsWith('student-'));
  const staff = files.filter((f) => path.basename(f).startsWith('staff-'));
  assert.equal(await importInto(page, meting, students), mirror.students);
  await reloadApp(page);
  assert.equal(await importInto(page, staffMeting, staff), mirror.staff);

  // After a reload both keys are locked again: the mirror asks each PIN in turn.
  await reloadApp(page);
  await openTeam(page);
  await page.click('[data-testid=open-mirror]');
  await page.waitForSelector('[data-testid=mirror-pin]');
  await page.fill('[data-testid=mirror-pin]', 'fout-fout-1');
  await page.click('[data-testid=mirror-unlock]');
  await page.waitForSelector('.unlock [role=alert]', { timeout: 30_000 });
  assert.match(await textOf(page, '.unlock [role=alert]'), /klopt niet/);
  await page.fill('[data-testid=mirror-pin]', meting.pin);
  await page.click('[data-testid=mirror-unlock]');
  await page.waitForFunction(
    (label) => document.querySelector('.unlock')?.textContent.includes(label),
    staffMeting.label,
    { timeout: 30_000 },
  );
  await page.fill('[data-testid=mirror-pin]', staffMeting.pin);
  await page.click('[data-testid=mirror-unlock]');
  await page.waitForSelector('[data-testid=mirror-compare]', { timeout: 30_000 });
  await expectNoViolations(page, 'choosing what the mirror compares');
  await page.click('[data-testid=mirror-compare]');
  await page.waitForSelector('[data-testid=summary]', { timeout: 30_000 });

  // The overview: who took part, and every theme's badge as the domain computed it.
  const facts = await textOf(page, '[data-testid=mirror-facts]');
  assert.match(facts, /40 antwoorden/);
  assert.match(facts, /8 antwoorden/);
  const summary = await textOf(page, '[data-testid=summary]');
  assert.match(summary, /40 studenten en 8 medewerkers deden mee/);
  assert.deepEqual(await themeVerdicts(page), mirror.themes);
  assert.ok(await page.isVisible('[data-testid=rule]') === false, 'the rule sits in a closed details');
  await page.click('.rule summary');
  assert.match(await textOf(page, '[data-testid=rule]'), /meer dan de helft van de medewerkers/);

  // Manager and zorgcoördinator are one person each: not shown, and the view says why.
  assert.match(await textOf(page, '[data-testid=roles-suppressed]'), /minder dan 5 antwoorden/);
  // The team is split on its own approach: a place for teamafspraken, step 3.
  assert.ok((await page.$$('[data-testid=team] [data-testid=divided]')).length >= 1);
  assert.equal(await page.getAttribute('[data-testid=team] [data-testid=step]', 'data-step'), '3');
  await expectNoViolations(page, 'the mirror overview');
  await ensureOutDir();
  await page.screenshot({ path: path.join(OUT_DIR, 'mirror-overview.png'), fullPage: true });

  // A theme in detail: the designed verdicts per question, a chart with its data table,
  // and the planmatig step of a gap.
  const toekomst = Object.keys(mirror.themes).find((t) => t === 'toekomst');
  assert.ok(toekomst, 'the toekomst theme is compared');
  await page.click('[data-testid=theme-open-toekomst]');
  await page.waitForSelector('[data-testid=theme-detail-toekomst]');
  const verdictOf = (item) => page.getAttribute(`[data-testid=estimate-verdict-${item}]`, 'data-verdict');
  assert.equal(await verdictOf('est_doorleren'), 'Under');
  assert.equal(await verdictOf('est_werken'), 'Over');
  assert.equal(await verdictOf('est_diploma_wil'), 'Right');
  for (const [item, verdict] of Object.entries(mirror.estimates)) {
    const badge = await page.$(`[data-testid=estimate-verdict-${item}]`);
    if (badge) assert.equal(await badge.getAttribute('data-verdict'), verdict, item);
  }
  const doorleren = '[data-testid=estimate-est_doorleren]';
  assert.equal(await page.getAttribute(`${doorleren} [data-testid=step]`, 'data-step'), '1');
  assert.ok(await page.$(`${doorleren} svg[role=img] title`), 'a chart with a title');
  const table = await page.$$eval(`${doorleren} table.data tbody tr`, (rows) =>
    rows.map((r) => [...r.cells].map((c) => c.textContent.trim()).join(' | ')),
  );
  assert.match(table[0], /^Studenten \| 60 % \(marge 45–74 %\) \| 24 van 40$/);
  assert.ok(table.includes('Medewerkers: een klein deel (10–40 %) | 6 van 8 · meerderheid | 75 %'), table.join('\n'));
  await expectNoViolations(page, 'a theme in detail');
  await page.screenshot({ path: path.join(OUT_DIR, 'mirror-toekomst.png'), fullPage: true });
  await page.click('[data-testid=theme-back]');

  // The stage question rests on 4 students: hidden, with the reason, wherever it is.
  // Themes of statements only (the eight mechanisms) have no verdict but a count.
  assert.match(await textOf(page, '[data-testid=ordinals-mechanisme]'), /^Stellingen: bij \d+/);
  const themes = await page.$$eval('[data-testid^=theme-open-]', (b) => b.map((x) => x.dataset.testid.slice('theme-open-'.length)));
  let stageFound = false;
  for (const theme of themes) {
    await page.click(`[data-testid=theme-open-${theme}]`);
    await page.waitForSelector(`[data-testid=theme-detail-${theme}]`);
    const stage = await page.$('[data-testid=estimate-est_stage_leren]');
    if (stage) {
      stageFound = true;
      assert.equal(await verdictOf('est_stage_leren'), 'Unknown');
      assert.match(await textOf(page, '[data-testid=estimate-est_stage_leren] [data-testid=suppressed]'), /minder dan 5 antwoorden/);
      assert.doesNotMatch(await textOf(page, '[data-testid=estimate-est_stage_leren]'), /\b4 van\b/);
    }
    await page.click('[data-testid=theme-back]');
  }
  assert.ok(stageFound, 'the stage question is on a theme page');

  // k can be raised (all hidden with k = 41) but never lowered below 5.
  await page.click('.mirror__settings summary');
  await setNumber(page, 'mirror-k', 41);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid^=verdict-]')].every((e) => e.dataset.verdict === 'Unknown'),
  );
  assert.match(await textOf(page, '[data-testid=summary]'), /te weinig antwoorden/);
  await setNumber(page, 'mirror-k', 3);
  assert.equal(await page.inputValue('[data-testid=mirror-k]'), '5');
  assert.deepEqual(await themeVerdicts(page), mirror.themes);

  // English keeps the view and the settings.
  await page.click('[data-testid=lang-en]');
  await page.waitForFunction(() => document.querySelector('[data-testid=summary]')?.textContent.includes('took part'));
  assert.deepEqual(await themeVerdicts(page), mirror.themes);
  await page.click('[data-testid=lang-nl]');
  await page.waitForSelector('[data-testid=summary]');

  // One click: the whole report, and the print dialog.
  await page.click('[data-testid=print-report]');
  await page.waitForSelector('[data-testid=report]');
  await page.waitForFunction(() => window.__printed === 1);
  const details = await page.$$eval('[data-testid=report] [data-testid^=theme-detail-]', (s) => s.length);
  assert.equal(details, themes.length, 'every theme is in the report');
  assert.match(await textOf(page, '[data-testid=report]'), /Teamrapport Spiegel/);
  assert.match(await textOf(page, '[data-testid=report] [data-testid=summary]'), /40 studenten/);
  await expectNoViolations(page, 'the team report');
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() =>
    ['.app__header', '[data-testid=report-back]'].map((s) => getComputedStyle(document.querySelector(s)).display),
  );
  assert.deepEqual(hidden, ['none', 'none'], 'print hides the header and the buttons');
  const pdf = path.join(OUT_DIR, 'mirror-report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  assert.ok((await stat(pdf)).size > 20_000, 'the report prints to a PDF of several pages');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(context.pageErrors, []);
});
