// End-to-end: the export for researchers. The fixture class (`make fixtures`, mirror/) is
// imported through the real meting screens; then the team previews what will leave the
// device, reviews open answers, and downloads JSON and CSV. The downloaded JSON must
// validate against the schema the app ships (public/schema/), and nothing that could
// point back to the device (meting ids, labels) may be in any downloaded file.
// The downloads are left in out/export/ for the real-client check (DuckDB, frictionless)
// that `make test` runs next.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import { useApp, openApp, openTeam, textOf, expectNoViolations, E2E_DIR, OUT_DIR } from './support.mjs';
import { loadFixtures, installMeting, filesIn } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 240_000 };
const SCHEMA = path.resolve(E2E_DIR, '..', '..', 'public', 'schema', 'spiegel-export.v1.schema.json');
const EXPORT_DIR = path.join(OUT_DIR, 'export');

/** From the metingen list: meting → unlocked → files imported → back to the list. */
async function importInto(page, meting, files) {
  await page.click(`[data-testid=meting-${meting.id}]`);
  await page.fill('[data-testid=unlock-pin]', meting.pin);
  await page.click('[data-testid=unlock]');
  await page.waitForSelector('[data-testid=import-files]', { timeout: 30_000 });
  await page.setInputFiles('[data-testid=import-files]', files);
  await page.waitForSelector('[data-testid=import-summary][data-done=true]:not(:empty)', { timeout: 60_000 });
  const added = Number(await page.getAttribute('[data-testid=import-summary]', 'data-new'));
  await page.click('[data-testid=meting-back]');
  return added;
}

/** Clicks `testid` and saves the `count` downloads it starts into EXPORT_DIR; returns their names. */
async function downloads(page, testid, count) {
  const saved = [];
  const done = new Promise((resolve) => {
    page.on('download', async function onDownload(d) {
      const name = d.suggestedFilename();
      await d.saveAs(path.join(EXPORT_DIR, name));
      saved.push(name);
      if (saved.length === count) {
        page.off('download', onDownload);
        resolve();
      }
    });
  });
  await page.click(`[data-testid=${testid}]`);
  await done;
  return saved.sort();
}

test('export: preview what leaves the device, review open answers, download JSON and CSV that validate', T, async () => {
  const { meting, staffMeting } = loadFixtures();
  const context = await env.newContext({ acceptDownloads: true });
  await installMeting(context, meting);
  await installMeting(context, staffMeting);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  // The class of 40 students and their team of 8, one response per file.
  const files = filesIn('class').filter((f) => !f.endsWith('all-students.spiegel'));
  await openTeam(page);
  assert.equal(await importInto(page, meting, files.filter((f) => path.basename(f).startsWith('student-'))), 40);
  assert.equal(await importInto(page, staffMeting, files.filter((f) => path.basename(f).startsWith('staff-'))), 8);

  await page.click('[data-testid=open-export]');
  await page.waitForSelector('[data-testid=export-preview]');
  // Open answers are off by default.
  assert.equal(await page.isChecked('[data-testid=export-texts]'), false);
  await page.click('[data-testid=export-preview]');
  await page.waitForSelector('[data-testid=export-preview-shown]', { timeout: 30_000 });
  const count = (i) => textOf(page, `[data-testid=preview-count-${i}]`);
  assert.equal(await count(0), '2', 'two metingen');
  assert.equal(await count(1), '48', 'responses on the device');
  assert.equal(await count(2), '48', 'every response leaves as a record');
  assert.equal(await count(4), '0', 'no open answers by default');
  // One docent-heavy team of 8: roles are merged until every group holds k, and the
  // screen says so.
  assert.match(await textOf(page, '[data-testid=export-report]'), /Samengevoegd: rol/);
  const sample = JSON.parse(await textOf(page, '[data-testid=export-sample]'));
  assert.ok(sample.id && sample.meting && sample.answers, 'a sample record');
  const shown = await textOf(page, '[data-testid=export-preview-shown]');
  for (const secret of [meting.id, staffMeting.id, meting.label, staffMeting.label]) {
    assert.ok(!shown.includes(secret), `the preview holds nothing of the device: ${secret}`);
  }
  await expectNoViolations(page, 'the export preview');

  // Open answers: scrubbed, listed, and each can be left out.
  await page.check('[data-testid=export-texts]');
  assert.equal(await page.$('[data-testid=export-preview-shown]'), null, 'a changed choice hides the old preview');
  await page.click('[data-testid=export-preview]');
  await page.waitForSelector('[data-testid=review-0]', { timeout: 30_000 });
  const texts = Number(await count(4));
  assert.ok(texts > 0, 'the class wrote open answers');
  assert.equal(await page.$$eval('[data-testid^=review-text-]', (l) => l.length), texts);
  await page.check('[data-testid=review-drop-0]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=preview-count-4]')?.textContent === String(n - 1), texts, { timeout: 30_000 });
  assert.ok(await page.isChecked('[data-testid=review-drop-0]'), 'the dropped text stays listed, ticked');
  await expectNoViolations(page, 'the review of open answers');

  // Downloads.
  await rm(EXPORT_DIR, { recursive: true, force: true });
  await mkdir(EXPORT_DIR, { recursive: true });
  const [json] = await downloads(page, 'download-json', 1);
  assert.match(json, /^spiegel-export-\d{4}-W\d{2}\.json$/);
  const text = await readFile(path.join(EXPORT_DIR, json), 'utf8');
  const doc = JSON.parse(text);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')));
  assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
  assert.equal(doc.responses.length, 48);
  assert.equal(doc.anonymisation.texts.dropped, 1);
  // metingen.csv, aggregates.csv, one CSV per vragenlijst with records, datapackage.json.
  const withRecords = new Set(doc.metingen.filter((m) => m.records > 0).map((m) => `${m.instrument}@${m.instrument_version}`));
  const csvs = await downloads(page, 'download-csv', 3 + withRecords.size);
  assert.deepEqual(
    csvs.filter((n) => !n.startsWith('spiegel-')),
    ['aggregates.csv', 'datapackage.json', 'metingen.csv'],
  );
  assert.equal(withRecords.size, 2, 'students and staff both leave as records');
  for (const name of [json, ...csvs]) {
    const body = await readFile(path.join(EXPORT_DIR, name), 'utf8');
    for (const secret of [meting.id, staffMeting.id, meting.label, staffMeting.label]) {
      assert.ok(!body.includes(secret), `${name} holds nothing of the device: ${secret}`);
    }
  }
  // Read back: the export is the earlier side of the mirror. A file that is not an
  // export says so.
  await page.click('[data-testid=export-back]');
  await page.click('[data-testid=open-mirror]');
  await page.click('.mirror__before summary');
  await page.setInputFiles('[data-testid=mirror-export-file]', path.join(EXPORT_DIR, 'metingen.csv'));
  await page.waitForSelector('[data-testid=mirror-export-error]');
  assert.match(await textOf(page, '[data-testid=mirror-export-error]'), /export/i);
  await page.setInputFiles('[data-testid=mirror-export-file]', path.join(EXPORT_DIR, json));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=mirror-before-students] option[value^="export:"]').length === 1);
  assert.equal(await page.$('[data-testid=mirror-export-error]'), null);
  const pick = async (testid) => {
    const value = await page.getAttribute(`[data-testid=${testid}] option[value^="export:"]`, 'value');
    await page.selectOption(`[data-testid=${testid}]`, value);
  };
  await pick('mirror-before-students');
  await pick('mirror-before-staff');
  await page.click('[data-testid=mirror-compare]');
  await page.waitForSelector('[data-testid=change]', { timeout: 30_000 });
  assert.match(await textOf(page, '#change-heading'), /Wat is er veranderd sinds Uit export van \d{4}-W\d{2}/);
  assert.match(await textOf(page, '[data-testid=change-toekomst]'), /^Oordeel: Team \w+ → Team \w+/);

  // What the real-client check (tests/clients/check_export.py) expects.
  await writeFile(path.join(EXPORT_DIR, 'export.json'), text);
  const version = (id) => doc.metingen.find((m) => m.instrument === id).instrument_version;
  await writeFile(
    path.join(EXPORT_DIR, 'expected.json'),
    JSON.stringify({
      metingen: 2,
      responses: 48,
      by_instrument: {
        [`spiegel-student@${version('spiegel-student')}`]: { metingen: 1, responses: 40 },
        [`spiegel-staff@${version('spiegel-staff')}`]: { metingen: 1, responses: 8 },
      },
    }, null, 2),
  );
  assert.deepEqual(context.pageErrors, []);
});

test('export: a meting on its own below k leaves only as counts, and counts only leaves no records', T, async () => {
  const { meting } = loadFixtures();
  const context = await env.newContext();
  await installMeting(context, meting);
  const page = await context.newPage();
  await openApp(page, env.server.url);
  await openTeam(page);
  const files = filesIn('mirror').filter((f) => path.basename(f).startsWith('student-'));
  assert.equal(await importInto(page, meting, files.slice(0, 4)), 4);
  await page.click('[data-testid=open-export]');
  await page.click('[data-testid=export-preview]');
  await page.waitForSelector('[data-testid=export-preview-shown]', { timeout: 30_000 });
  assert.equal(await textOf(page, '[data-testid=preview-count-2]'), '0', 'four responses: no records');
  assert.match(await textOf(page, '[data-testid=export-report]'), /te weinig/);
  await page.check('[data-testid=export-aggregates]');
  await page.click('[data-testid=export-preview]');
  await page.waitForSelector('[data-testid=export-sample-none]', { timeout: 30_000 });
  assert.deepEqual(context.pageErrors, []);
});
