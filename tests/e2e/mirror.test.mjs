// End-to-end: the mirror. A class built from seed 000's own figures (25 students, 8 staff;
// `make fixtures`, mirror/) is imported through the real meting screens, then compared:
// the summary, every question on one chart sorted by its gap, verdicts per theme and per
// question, a small group that is not shown, the next steps, k, the language switch, a
// phone-wide screen and the printed team report. Expected verdicts come from
// expected.json, which the fixture generator computes with the domain's own analysis.
// Then: new responses wait until there are k of them, an earlier pair of metingen on the
// device shows what changed, and a team device of an earlier version still opens its
// metingen in the mirror.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import {
  openTeam,
  useApp,
  openApp,
  reloadApp,
  textOf,
  ensureOutDir,
  expectNoViolations,
  OUT_DIR,
  E2E_DIR,
} from './support.mjs';
import { loadFixtures, installMeting, filesIn } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 300_000 };

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

/** Metingen → the mirror → both PINs → compare, on a page where both are locked. */
async function openMirror(page, students, staff) {
  await openTeam(page);
  await page.click('[data-testid=open-mirror]');
  await unlockAndCompare(page, [students, staff]);
}

/**
 * On the mirror's choice screen: gives each meting's PIN when the screen asks for that
 * meting (in this order), then compares and waits for the summary.
 */
async function unlockAndCompare(page, metingen) {
  for (const meting of metingen) {
    await page.waitForSelector('[data-testid=mirror-pin]');
    await page.waitForFunction(
      (label) => document.querySelector('.unlock')?.textContent.includes(label),
      meting.label,
      { timeout: 30_000 },
    );
    await page.fill('[data-testid=mirror-pin]', meting.pin);
    await page.click('[data-testid=mirror-unlock]');
  }
  await page.waitForSelector('[data-testid=mirror-compare]', { timeout: 30_000 });
  await page.click('[data-testid=mirror-compare]');
  await page.waitForSelector('[data-testid=summary]', { timeout: 30_000 });
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

/** Whether anything on the page is wider than the window. */
function widerThanScreen(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** The number of pages in a PDF file's bytes. */
function pdfPages(bytes) {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

test('the mirror of a class built from seed 000: the gaps it found, the chart, steps and the team report', T, async () => {
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

  // After a reload both keys are locked again; a wrong PIN is refused.
  await reloadApp(page);
  await openTeam(page);
  await page.click('[data-testid=open-mirror]');
  await page.waitForSelector('[data-testid=mirror-pin]');
  await page.fill('[data-testid=mirror-pin]', 'fout-fout-1');
  await page.click('[data-testid=mirror-unlock]');
  await page.waitForSelector('.unlock [role=alert]', { timeout: 30_000 });
  assert.match(await textOf(page, '.unlock [role=alert]'), /klopt niet/);
  await reloadApp(page);
  await openMirror(page, meting, staffMeting);
  await expectNoViolations(page, 'the mirror overview');

  // Who took part, what the staff answers stood for, and the summary the domain wrote:
  // werken overestimated and doorstroom divided come first.
  const facts = await textOf(page, '[data-testid=mirror-facts]');
  assert.match(facts, new RegExp(`${mirror.students} antwoorden`));
  assert.match(facts, new RegExp(`${mirror.staff} antwoorden`));
  assert.match(await textOf(page, '[data-testid=ranges]'), /zagen bij hun antwoorden deze percentages: bijna geen 0–10 %/);
  const summary = await page.$$eval('[data-testid=summary] p', (ps) => ps.map((p) => p.textContent.trim()));
  assert.deepEqual(summary, mirror.summary);
  const gaps = summary.slice(2, 4).join(' ');
  assert.match(gaps, /direct gaan werken\. \d van de 8 medewerkers schatten het hoger in/);
  assert.match(gaps, /niveau 3 of 4\. Het team is verdeeld/);

  // Every question on one chart, the biggest gap first, each with its verdict in words,
  // and a table with every number.
  const order = await page.$$eval('[data-testid=gap-chart] li[data-testid^=gap-]', (ls) =>
    ls.map((l) => l.dataset.testid.slice('gap-'.length)),
  );
  assert.deepEqual(order, mirror.chart_order);
  for (const [item, verdict] of Object.entries(mirror.estimates)) {
    assert.equal(await page.getAttribute(`[data-testid=gap-${item}]`, 'data-verdict'), verdict, item);
  }
  assert.match(await textOf(page, '[data-testid=gap-est_werken]'), /Team overschat: (te hoog|veel te hoog)/);
  assert.match(await textOf(page, '[data-testid=gap-est_doorleren]'), /Team is verdeeld/);
  const tableRows = await page.$$('[data-testid=gap-chart-table] tbody tr');
  assert.equal(tableRows.length, Object.keys(mirror.estimates).length);
  assert.match(await textOf(page, '[data-testid=gap-row-est_werken]'), /middelste antwoord: een groot deel \(60–90 %\)/);
  assert.match(await textOf(page, '[data-testid=gap-row-est_werken]'), /procentpunten/);
  assert.deepEqual(await themeVerdicts(page), mirror.themes);
  assert.equal(await page.isVisible('[data-testid=rule]'), false, 'the rule sits in a closed details');
  await page.click('.mirror__gaps .rule summary');
  assert.match(await textOf(page, '[data-testid=rule]'), /minstens een kwart hoger en minstens een kwart lager/);

  // The next steps, each once: werken points to step 1, doorstroom to step 2, the team
  // divided on its own success to step 3 (and so does the team view).
  assert.ok(await page.$('[data-testid=step-1]'));
  assert.ok(await page.$('[data-testid=step-2]'));
  assert.ok(await page.$('[data-testid=step-3]'));
  assert.ok((await page.$$('[data-testid=team] [data-testid=divided]')).length >= 1);
  // Manager and zorgcoördinator are one person each: not shown, and the view says why.
  assert.match(await textOf(page, '[data-testid=roles-suppressed]'), /minder dan 5 antwoorden/);
  await ensureOutDir();
  await page.screenshot({ path: path.join(OUT_DIR, 'mirror-overview.png'), fullPage: true });

  // A phone: nothing wider than the screen, on the overview and on a theme.
  await page.setViewportSize({ width: 375, height: 740 });
  assert.equal(await widerThanScreen(page), false, 'the overview fits a 375 px screen');
  await page.screenshot({ path: path.join(OUT_DIR, 'mirror-overview-phone.png'), fullPage: true });

  // The toekomst theme: its questions on one chart, each question's table with the same
  // columns for students and staff, and the step of a gap.
  await page.click('[data-testid=theme-open-toekomst]');
  await page.waitForSelector('[data-testid=theme-detail-toekomst]');
  assert.equal(await widerThanScreen(page), false, 'a theme fits a 375 px screen');
  await page.setViewportSize({ width: 1280, height: 900 });
  const verdictOf = (item) => page.getAttribute(`[data-testid=estimate-verdict-${item}]`, 'data-verdict');
  assert.equal(await verdictOf('est_werken'), 'Over');
  assert.equal(await verdictOf('est_doorleren'), 'Divided');
  assert.ok(await page.$('[data-testid=theme-chart-toekomst] [data-testid=gap-est_werken]'));
  const werken = '[data-testid=estimate-est_werken]';
  assert.equal(await page.getAttribute(`${werken} [data-testid=step]`, 'data-step'), '1');
  const table = await page.$$eval(`${werken} table.data tbody tr`, (rows) =>
    rows.map((r) => [...r.cells].map((c) => c.textContent.trim())),
  );
  assert.ok(table.every((cells) => cells.length === 4), JSON.stringify(table));
  assert.equal(table[0][0], 'Studenten');
  assert.match(table[0][2], /^\d+ van \d+$/);
  const staffRows = table.filter((cells) => cells[0] === 'Medewerkers');
  assert.equal(staffRows.length, 5, 'a row for each of the five answers');
  assert.deepEqual(staffRows[1].slice(1, 2), ['een klein deel (10–40 %)']);
  await expectNoViolations(page, 'a theme in detail');
  await page.screenshot({ path: path.join(OUT_DIR, 'mirror-toekomst.png'), fullPage: true });
  await page.click('[data-testid=theme-back]');

  // The placement question rests on fewer than 5 students: hidden, with the reason, and
  // never how few.
  assert.ok(mirror.suppressed_estimates.includes('est_stage_leren'));
  const stage = '[data-testid=gap-est_stage_leren]';
  assert.equal(await page.getAttribute(stage, 'data-verdict'), 'Unknown');
  assert.match(await textOf(page, `${stage} [data-testid=suppressed]`), /minder dan 5 antwoorden/);
  assert.doesNotMatch(await textOf(page, stage), /\b[1-4] van\b/);
  // Themes of statements only (the eight mechanisms) have no verdict but a count.
  assert.match(await textOf(page, '[data-testid=ordinals-mechanisme]'), /^Stellingen: bij \d+/);

  // k can be raised (all hidden with k = 26) but never lowered below 5.
  await page.click('.mirror__settings summary');
  await setNumber(page, 'mirror-k', 26);
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
  assert.match(await textOf(page, '[data-testid=gap-est_werken]'), /Staff overestimate/);
  await page.click('[data-testid=lang-nl]');
  await page.waitForSelector('[data-testid=summary]');

  // One click: the whole report, and the print dialog. On A4 it takes 15 pages at most.
  await page.click('[data-testid=print-report]');
  await page.waitForSelector('[data-testid=report]');
  await page.waitForFunction(() => window.__printed === 1);
  assert.match(await textOf(page, '[data-testid=report]'), /Teamrapport Spiegel/);
  assert.match(await textOf(page, '[data-testid=report] [data-testid=summary]'), /25 studenten/);
  assert.ok(await page.$('[data-testid=report] [data-testid=gap-chart-table]'));
  await expectNoViolations(page, 'the team report');
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() =>
    ['.app__header', '[data-testid=report-back]'].map((s) => getComputedStyle(document.querySelector(s)).display),
  );
  assert.deepEqual(hidden, ['none', 'none'], 'print hides the header and the buttons');
  const pdf = await page.pdf({ path: path.join(OUT_DIR, 'mirror-report.pdf'), format: 'A4', printBackground: true });
  const pages = pdfPages(pdf);
  console.log(`# the team report of the fixture class prints on ${pages} A4 pages`);
  assert.ok(pages >= 2 && pages <= 15, `the report takes ${pages} A4 pages`);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(context.pageErrors, []);
});

test('new responses join the mirror only when there are at least 5 of them', T, async () => {
  // Promise: a teacher who opens the mirror after each scanned phone never learns one
  // student's answers from the difference.
  const { meting, staffMeting, expected } = loadFixtures();
  const mirror = expected.mirror;
  const context = await env.newContext();
  await installMeting(context, meting);
  await installMeting(context, staffMeting);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  const files = filesIn('mirror');
  await importInto(page, meting, files.filter((f) => path.basename(f).startsWith('student-')));
  await reloadApp(page);
  await importInto(page, staffMeting, files.filter((f) => path.basename(f).startsWith('staff-')));
  await reloadApp(page);
  await openMirror(page, meting, staffMeting);
  assert.match(await textOf(page, '[data-testid=mirror-facts]'), new RegExp(`${mirror.students} antwoorden`));

  // One more student: still the same figures, and the mirror says why.
  const more = filesIn('class').filter((f) => /student-0[1-5]\.spiegel$/.test(f));
  await reloadApp(page);
  assert.equal(await importInto(page, meting, more.slice(0, 1)), 1);
  await reloadApp(page);
  await openMirror(page, meting, staffMeting);
  assert.match(await textOf(page, '[data-testid=mirror-facts]'), new RegExp(`${mirror.students} antwoorden`));
  assert.match(await textOf(page, '[data-testid=held-back]'), /^1 nieuw antwoord telt nog niet mee\. Nieuwe antwoorden komen erbij zodra er 5 nieuw zijn/);
  // The export shows the same responses as the mirror: the new one waits there too.
  await reloadApp(page);
  await openTeam(page);
  await page.click('[data-testid=open-export]');
  for (const m of [meting, staffMeting]) {
    await page.waitForSelector('[data-testid=export-pin]');
    await page.waitForFunction(
      (label) => document.querySelector('.unlock')?.textContent.includes(label),
      m.label,
      { timeout: 30_000 },
    );
    await page.fill('[data-testid=export-pin]', m.pin);
    await page.click('[data-testid=export-unlock]');
  }
  await page.click('[data-testid=export-preview]');
  await page.waitForSelector('[data-testid=export-preview-shown]', { timeout: 30_000 });
  assert.equal(await textOf(page, '[data-testid=preview-count-1]'), String(mirror.students + 1 + mirror.staff), 'on the device');
  assert.equal(await textOf(page, '[data-testid=preview-count-2]'), String(mirror.students + mirror.staff), 'what the mirror showed');
  assert.match(await textOf(page, '[data-testid=export-report]'), /1 antwoord blijft op dit apparaat/);
  // Four more make five new ones: all of them count.
  await reloadApp(page);
  assert.equal(await importInto(page, meting, more.slice(1)), 4);
  await reloadApp(page);
  await openMirror(page, meting, staffMeting);
  assert.match(await textOf(page, '[data-testid=mirror-facts]'), new RegExp(`${mirror.students + 5} antwoorden`));
  assert.equal(await page.$('[data-testid=held-back]'), null);
  assert.deepEqual(context.pageErrors, []);
});

test('an earlier pair of metingen on the device shows what changed, theme by theme, as the analysis says', T, async () => {
  // Promise: a team that used Spiegel last year sees, next to this year's mirror, how each
  // theme's verdict moved, with every meting's passphrase asked before anything opens.
  const { meting, staffMeting, earlierMeting, earlierStaffMeting, expected } = loadFixtures();
  const context = await env.newContext();
  for (const m of [meting, staffMeting, earlierMeting, earlierStaffMeting]) await installMeting(context, m);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  const files = (dir, who) => filesIn(dir).filter((f) => path.basename(f).startsWith(`${who}-`));
  const imports = [
    [meting, files('mirror', 'student'), expected.mirror.students],
    [staffMeting, files('mirror', 'staff'), expected.mirror.staff],
    [earlierMeting, files('earlier', 'student'), 25],
    [earlierStaffMeting, files('earlier', 'staff'), 8],
  ];
  for (const [m, list, count] of imports) {
    assert.equal(await importInto(page, m, list), count, m.label);
    // A new visit each time (back on the metingen), so every meting is locked again.
    await reloadApp(page);
  }

  await openTeam(page);
  await page.click('[data-testid=open-mirror]');
  await page.waitForSelector('[data-testid=mirror-students]');
  await page.selectOption('[data-testid=mirror-students]', meting.id);
  await page.selectOption('[data-testid=mirror-staff]', staffMeting.id);
  await page.click('.mirror__before summary');
  // Only the other metingen of the same vragenlijsten are offered as the earlier pair.
  const offered = (testid) =>
    page.$$eval(`[data-testid=${testid}] option`, (os) => os.map((o) => o.value).filter((v) => v));
  assert.deepEqual(await offered('mirror-before-students'), [earlierMeting.id]);
  assert.deepEqual(await offered('mirror-before-staff'), [earlierStaffMeting.id]);
  await page.selectOption('[data-testid=mirror-before-students]', earlierMeting.id);
  await page.selectOption('[data-testid=mirror-before-staff]', earlierStaffMeting.id);
  await unlockAndCompare(page, [meting, staffMeting, earlierMeting, earlierStaffMeting]);
  // This year's mirror is the one of the seed-000 class, whatever came before.
  assert.deepEqual(await themeVerdicts(page), expected.mirror.themes);
  await page.waitForSelector('[data-testid=change]');
  assert.equal(await textOf(page, '#change-heading'), `Wat is er veranderd sinds ${earlierMeting.label}`);
  const shown = await page.$$eval('[data-testid^=change-]', (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.testid.slice('change-'.length), e.textContent])),
  );
  const want = Object.fromEntries(Object.entries(expected.change).map(([t, words]) => [t, `Oordeel: ${words}`]));
  assert.deepEqual(shown, want);
  await expectNoViolations(page, 'the mirror with the change since an earlier pair');
  assert.deepEqual(context.pageErrors, []);
});

test('a team device of the earlier version opens its metingen in the mirror', T, async () => {
  // Promise: a meting collected before the vragenlijsten had versions still compares; the
  // mirror says its staff did not see percentages.
  const legacy = JSON.parse(
    readFileSync(path.join(E2E_DIR, '..', 'fixtures', 'legacy', 'team-device-1.0.0.json'), 'utf8'),
  );
  const context = await env.newContext();
  await context.addInitScript((entries) => {
    try {
      if (localStorage.getItem('e2e.legacy-loaded') === null) {
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
        localStorage.setItem('e2e.legacy-loaded', '1');
      }
    } catch {
      // An opaque origin such as about:blank has no storage.
    }
  }, legacy.entries);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  const metingen = Object.entries(legacy.entries)
    .filter(([k]) => k.startsWith('spiegel.v1.meting.'))
    .map(([, v]) => JSON.parse(v));
  const students = metingen.find((m) => m.instrument === 'spiegel-student');
  const staff = metingen.find((m) => m.instrument === 'spiegel-staff');
  await openMirror(page, { label: students.label, pin: legacy.pin }, { label: staff.label, pin: legacy.pin });
  assert.match(await textOf(page, '[data-testid=summary]'), /12 studenten en 8 medewerkers deden mee/);
  assert.match(await textOf(page, '[data-testid=ranges]'), /nog geen percentages/);
  assert.ok((await page.$$('[data-testid=gap-chart] li[data-testid^=gap-]')).length >= 20);
  assert.deepEqual(context.pageErrors, []);
});
