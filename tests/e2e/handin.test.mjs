// End-to-end: a whole class hands in without friction or leaks, on a phone-sized screen.
// A long open answer needs two QR codes and both reach the team, photographed and live
// through the team device's camera; "Stoppen" says what happens and does it; no run
// without an invitation leaves answers behind; a kiosk wipes a run nobody touches and
// keeps Back inside; a damaged link is refused before question 1; a matrix names the
// statement still open.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import {
  useApp,
  launchBrowser,
  TALL_PHONE,
  KEYS,
  openApp,
  openTeam,
  reloadApp,
  startInvited,
  currentItem,
  currentKind,
  answerOnly,
  answerCurrent,
  answerN,
  advanceTo,
  runToEnd,
  pressAndWaitForMove,
  storageKeys,
  storageHolding,
  textOf,
  ensureOutDir,
  expectNoViolations,
} from './support.mjs';
import { loadFixtures, installMeting } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 180_000 };
const PHONE_OPTIONS = { viewport: TALL_PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/**
 * Answers every question until the end screen; open questions get `text`. Returns the
 * answered questions.
 */
async function runWithText(page, text) {
  const log = [];
  for (let n = 0; n < 200; n++) {
    if (await page.$('[data-testid=end]')) return log;
    if ((await currentKind(page)) === 'text') {
      await page.locator('form.question textarea').fill(text);
      log.push({ id: await currentItem(page), next: await pressAndWaitForMove(page, 'next') });
    } else {
      log.push(await answerCurrent(page));
    }
  }
  assert.fail('no end screen after 200 questions');
}

/** Start screen → Metingen → the meting with this id, unlocked with its PIN. */
async function openUnlocked(page, meting) {
  await openTeam(page);
  await page.click(`[data-testid=meting-${meting.id}]`);
  await page.waitForSelector('[data-testid=meting-title]');
  await page.fill('[data-testid=unlock-pin]', meting.pin);
  await page.click('[data-testid=unlock]');
  await page.waitForSelector('[data-testid=import-files]', { timeout: 30_000 });
}

/** The import's lines so far, each as "outcome: text". */
function importLines(page) {
  return page.$$eval('[data-testid=import-results] li', (lis) =>
    lis.map((li) => `${li.dataset.outcome}: ${li.textContent.replace(/\s+/g, ' ').trim()}`),
  );
}

/** Picks files in the import field and waits until the batch is done; returns counts. */
async function importFiles(page, files) {
  await page.setInputFiles('[data-testid=import-files]', files);
  await page.waitForSelector('[data-testid=import-summary][data-done=true]:not(:empty)', { timeout: 60_000 });
  const summary = page.locator('[data-testid=import-summary]');
  const lines = await importLines(page);
  return {
    new: Number(await summary.getAttribute('data-new')),
    refused: Number(await summary.getAttribute('data-refused')),
    lines,
  };
}

/**
 * Writes a video for Chromium's fake camera (`--use-file-for-fake-video-capture`:
 * YUV4MPEG2, 640×480, 2 frames a second) that shows each photo in turn for 4 seconds, on
 * white, as a teacher's camera sees a phone whose student taps "volgende code". Chromium
 * plays it over and over. The pixels are drawn by a canvas in `page`.
 */
async function cameraVideo(page, photos, file) {
  const [W, H, FPS, SECONDS] = [640, 480, 2, 4];
  const frames = [];
  for (const photo of photos) {
    const url = `data:image/png;base64,${(await readFile(photo)).toString('base64')}`;
    const luma = await page.evaluate(
      async ({ url, W, H }) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = W;
        canvas.height = H;
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, W, H);
        const side = H - 60;
        ctx.drawImage(img, (W - side) / 2, 30, side, side);
        const { data } = ctx.getImageData(0, 0, W, H);
        let text = '';
        for (let i = 0; i < W * H; i++) {
          const y = 0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2];
          text += String.fromCharCode(Math.round(y));
        }
        return btoa(text);
      },
      { url, W, H },
    );
    // Full-range luma (C420jpeg), then both chroma planes grey.
    const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.from(luma, 'base64'), Buffer.alloc((W * H) / 2, 128)]);
    for (let n = 0; n < FPS * SECONDS; n++) frames.push(frame);
  }
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F${FPS}:1 Ip A1:1 C420jpeg\n`);
  await writeFile(file, Buffer.concat([header, ...frames]));
}

/** Every key of the page's storage that holds a run in progress or a response in the clear. */
async function runsAndClearResponses(page) {
  return (await storageKeys(page)).filter(
    (k) => k.startsWith('spiegel.v1.session.') || k.startsWith(KEYS.responsePrefix) || k === 'spiegel.v1.trial',
  );
}

test('a long open answer makes two codes; photographed or held before the camera, both are read by the team and make one response', T, async () => {
  const { meting } = loadFixtures();
  const phoneContext = await env.newContext(PHONE_OPTIONS);
  // The share sheet of a phone: what the page hands it is recorded.
  await phoneContext.addInitScript(() => {
    window.__shared = [];
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.length > 0;
    navigator.share = async (data) => {
      window.__shared.push(...data.files.map((f) => ({ name: f.name, size: f.size })));
    };
  });
  const phone = await phoneContext.newPage();
  await startInvited(phone, env.server.url, meting.fragment);
  const long =
    'Ik wil graag meer uitleg bij de praktijklessen, want ik snap de opdrachten vaak niet meteen. ' +
    'Soms is het te druk in de klas en dan kan ik me niet goed concentreren op mijn werk. ' +
    'Het zou fijn zijn als er een vaste plek is waar ik rustig kan werken en vragen kan stellen.';
  assert.ok(long.length > 250);
  await runWithText(phone, long);
  await phone.click('[data-testid=submit]');
  await phone.waitForSelector('[data-testid=receipt-qr] svg');
  assert.match(await textOf(phone, '[data-testid=receipt-codes]'), /staan in 2 codes/);
  assert.equal(await textOf(phone, '[data-testid=receipt-part]'), 'Code 1 van 2');
  assert.match(await textOf(phone, '[data-testid=receipt-steps]'), /Laat je docent de QR-code scannen/);
  // No program text leaks from a view attribute into the page.
  const body = await textOf(phone, 'body');
  for (const leak of ['=>', '|_|', 'shown.update', 'move |', '>=']) {
    assert.ok(!body.includes(leak), `program text on the page: ${leak}`);
  }
  assert.equal(await phone.isDisabled('[data-testid=receipt-prev-code]'), true);
  assert.equal(await phone.isDisabled('[data-testid=receipt-next-code]'), false);

  // Full screen, each code in turn, photographed as a teacher's camera would.
  const dir = await ensureOutDir();
  await phone.click('[data-testid=receipt-large]');
  await phone.waitForSelector('[data-testid=receipt-full] [data-testid=receipt-qr-large] svg');
  const size = await phone.locator('[data-testid=receipt-qr-large]').boundingBox();
  assert.ok(size.width >= 330, `the full-screen code is ${size.width}px wide`);
  const photos = [];
  for (const n of [1, 2]) {
    assert.equal(await textOf(phone, '[data-testid=receipt-full] [data-testid=receipt-part]'), `Code ${n} van 2`);
    const photo = path.join(dir, `receipt-long-${n}.png`);
    await phone.locator('[data-testid=receipt-qr-large]').screenshot({ path: photo });
    photos.push(photo);
    if (n === 1) await phone.click('[data-testid=receipt-full] [data-testid=receipt-next-code]');
  }
  assert.equal(await phone.isDisabled('[data-testid=receipt-full] [data-testid=receipt-next-code]'), true);
  await phone.keyboard.press('Escape');
  await phone.waitForSelector('[data-testid=receipt-large]');
  await expectNoViolations(phone, 'the receipt with two codes');

  // Sharing hands the response file to the phone's share sheet.
  await phone.click('[data-testid=receipt-share]');
  await phone.waitForFunction(() => window.__shared.length === 1);
  const [shared] = await phone.evaluate(() => window.__shared);
  assert.match(shared.name, /^spiegel-antwoord-[0-9a-f]{6}\.spiegel$/);
  assert.ok(shared.size > 200, `a file of ${shared.size} bytes`);
  assert.deepEqual(await storageHolding(phone, ['praktijklessen']), [], 'sealed on the phone');

  const teamContext = await env.newContext();
  await installMeting(teamContext, meting);
  const team = await teamContext.newPage();
  await openApp(team, env.server.url);
  await openUnlocked(team, meting);
  const first = await importFiles(team, [photos[0]]);
  assert.deepEqual([first.new, first.refused], [0, 0], first.lines.join('\n'));
  assert.match(first.lines[0], /^part: .*Deel gelezen/);
  const second = await importFiles(team, [photos[1]]);
  assert.deepEqual([second.new, second.refused], [1, 0], second.lines.join('\n'));
  assert.match(await textOf(team, '[data-testid=received]'), /ontvangen: 1$/);
  assert.deepEqual([...phoneContext.pageErrors, ...teamContext.pageErrors], []);

  // The same two codes held in turn before the live camera of another team device
  // (Chromium's fake camera plays them as a video) make the same one response. When the
  // phone shows them again, the response is not taken twice; closing the scanner turns
  // the camera off.
  const video = path.join(dir, 'receipt-long.y4m');
  await cameraVideo(phone, photos, video);
  const cameraBrowser = await launchBrowser([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  try {
    const context = await cameraBrowser.newContext();
    await context.grantPermissions(['camera'], { origin: env.server.url });
    await installMeting(context, meting);
    await context.addInitScript(() => {
      window.__streams = [];
      const devices = navigator.mediaDevices;
      const open = devices.getUserMedia.bind(devices);
      devices.getUserMedia = async (constraints) => {
        const stream = await open(constraints);
        window.__streams.push(stream);
        return stream;
      };
    });
    const camera = await context.newPage();
    const errors = [];
    camera.on('pageerror', (e) => errors.push(String(e)));
    await openApp(camera, env.server.url);
    await openUnlocked(camera, meting);
    await camera.click('[data-testid=scan-start]');
    await camera.waitForSelector('[data-testid=scan-video]');
    await camera.waitForSelector('[data-testid=import-summary][data-new="1"]', { timeout: 60_000 });
    const live = await importLines(camera);
    assert.match(live[0], /^part: QR.*Deel gelezen/, live.join('\n'));
    assert.match(await textOf(camera, '[data-testid=received]'), /ontvangen: 1$/);
    await expectNoViolations(camera, 'the camera scanner while it reads');
    await camera.waitForSelector('[data-testid=import-summary][data-duplicate="1"]', { timeout: 60_000 });
    const summary = camera.locator('[data-testid=import-summary]');
    assert.deepEqual(
      [await summary.getAttribute('data-new'), await summary.getAttribute('data-refused')],
      ['1', '0'],
      (await importLines(camera)).join('\n'),
    );
    assert.match(await textOf(camera, '[data-testid=received]'), /ontvangen: 1$/);
    await camera.click('[data-testid=scan-close]');
    await camera.waitForSelector('[data-testid=scan-start]');
    const tracks = await camera.evaluate(() =>
      window.__streams.flatMap((s) => s.getTracks()).map((t) => t.readyState),
    );
    assert.ok(tracks.length > 0 && tracks.every((t) => t === 'ended'), `camera tracks: ${tracks}`);
    assert.deepEqual(errors, []);
  } finally {
    await cameraBrowser.close();
  }
});

test('Stoppen asks first, says what happens to the answers, and wipes the run', T, async () => {
  const { meting } = loadFixtures();
  const { context, page } = await env.newApp(PHONE_OPTIONS);
  await startInvited(page, env.server.url, meting.fragment);
  const first = await currentItem(page);
  // On question 1 there is a way out.
  assert.equal(await page.isDisabled('[data-testid=back]'), true);
  await answerN(page, 3);
  await page.click('[data-testid=stop]');
  await page.waitForSelector('[data-testid=stop-confirm]');
  assert.match(await textOf(page, '[data-testid=stop-confirm]'), /Wil je stoppen\?\s*Je antwoorden worden gewist van dit apparaat\. Er wordt niets verstuurd\./);
  await expectNoViolations(page, 'the stop confirmation');
  // "Nee" goes on where the student was.
  const at = await currentItem(page);
  await page.click('[data-testid=stop-no]');
  await page.waitForSelector('[data-testid=stop-confirm]', { state: 'detached' });
  assert.equal(await currentItem(page), at);
  assert.ok(await page.evaluate((k) => localStorage.getItem(k) !== null, KEYS.metingSession(meting.id)));
  // "Ja" wipes the run and goes back to the invitation; beginning again starts empty.
  await page.click('[data-testid=stop]');
  await page.click('[data-testid=stop-yes]');
  await page.waitForSelector('[data-testid=invite-begin]');
  assert.deepEqual(await runsAndClearResponses(page), []);
  await page.click('[data-testid=invite-begin]');
  await page.waitForSelector('form.question');
  assert.equal(await currentItem(page), first);

  // A staff member who tapped "Ik ben medewerker" by mistake: one confirmation away.
  await openApp(page, env.server.url);
  await page.click('[data-testid=role-staff]');
  await page.click('[data-testid=trial-start]');
  await page.waitForSelector('form.question');
  await page.click('[data-testid=stop]');
  assert.match(await textOf(page, '[data-testid=stop-confirm]'), /Wilt u stoppen\?\s*Uw proefantwoorden worden gewist\./);
  await page.click('[data-testid=stop-yes]');
  await page.waitForSelector('[data-testid=role-student]');
  // Nothing of the trial is left (the meting's new, empty run above is the student's).
  assert.deepEqual((await runsAndClearResponses(page)).filter((k) => !k.endsWith(`@${meting.id}`)), []);
  assert.deepEqual(context.pageErrors, []);
});

test('a run without an invitation cannot end in a stranded response', T, async () => {
  const { meting } = loadFixtures();
  const { context, page } = await env.newApp(PHONE_OPTIONS);
  await page.click('[data-testid=role-student]');
  await page.waitForSelector('[data-testid=join-open]');
  assert.equal(await textOf(page, '#question-title'), 'Open je uitnodiging');
  await expectNoViolations(page, 'the way in');
  // Pasting: not a link, a damaged one, then the real one.
  await page.fill('[data-testid=join-link]', 'hallo');
  await page.click('[data-testid=join-open]');
  await page.waitForFunction(() => document.querySelector('[data-testid=join-problem]').textContent.includes('geen link van een uitnodiging'));
  const damaged = meting.fragment.replace(/k=([0-9a-f])/, (_, c) => `k=${c === '0' ? '1' : '0'}`);
  await page.fill('[data-testid=join-link]', `${env.server.url}#${damaged}`);
  await page.click('[data-testid=join-open]');
  await page.waitForFunction(() => document.querySelector('[data-testid=join-problem]').textContent.includes('beschadigd'));
  assert.equal(await page.getAttribute('[data-testid=join-link]', 'aria-invalid'), 'true');

  // A trial is labelled on every screen, ends with nothing kept, and says so.
  await page.click('[data-testid=trial-start]');
  await page.waitForSelector('form.question');
  const secret = 'PROEF-TEKST-4411';
  for (let n = 0; n < 200 && !(await page.$('[data-testid=end]')); n++) {
    assert.match(await textOf(page, '[data-testid=trial-badge]'), /Proef: je antwoorden gaan nergens heen/);
    if ((await currentKind(page)) === 'text') {
      await page.locator('form.question textarea').fill(secret);
      await pressAndWaitForMove(page, 'next');
    } else {
      await answerCurrent(page);
    }
  }
  assert.match(await textOf(page, '[data-testid=end]'), /Dit was een proef/);
  assert.equal(await textOf(page, '[data-testid=submit]'), 'Klaar');
  await page.click('[data-testid=submit]');
  await page.waitForSelector('[data-testid=trial-done]');
  assert.match(await textOf(page, '[data-testid=trial-done]'), /Je antwoorden zijn gewist/);
  assert.deepEqual(await runsAndClearResponses(page), []);
  assert.deepEqual(await storageHolding(page, [secret]), []);
  assert.deepEqual((await storageKeys(page)).filter((k) => k.includes('.outbox.')), []);

  // Pasting the real link opens the invitation.
  await reloadApp(page);
  await page.click('[data-testid=role-student]');
  await page.fill('[data-testid=join-link]', `${env.server.url}#${meting.fragment}`);
  await page.click('[data-testid=join-open]');
  await page.waitForSelector('[data-testid=invite-begin]');
  assert.ok(page.url().endsWith(meting.fragment));
  assert.deepEqual(context.pageErrors, []);
});

test('a damaged invitation link is refused before question 1, in plain words, with a way back', T, async () => {
  const { meting } = loadFixtures();
  const { context, page } = await env.newApp(PHONE_OPTIONS);
  const cases = [
    // One character of the key changed.
    meting.fragment.replace(/k=([0-9a-f])/, (_, c) => `k=${c === 'a' ? 'b' : 'a'}`),
    // The end cut off while copying.
    meting.fragment.slice(0, -12),
    // One character of the meting id changed.
    meting.fragment.replace(/m=([0-9a-f])/, (_, c) => `m=${c === '1' ? '2' : '1'}`),
  ];
  for (const fragment of cases) {
    assert.notEqual(fragment, meting.fragment);
    await openApp(page, `${env.server.url}#${fragment}`);
    assert.match(await textOf(page, '[data-testid=invite-error]'), /Deze uitnodiging werkt niet: de link is (beschadigd|niet compleet)\. .*opnieuw te delen/);
    assert.equal(await page.$('[data-testid=invite-begin]'), null);
    assert.equal(await page.$('form.question'), null, 'no question is shown');
    assert.deepEqual(await runsAndClearResponses(page), []);
  }
  await expectNoViolations(page, 'a damaged invitation');
  // "Terug" goes to the start screen.
  await page.click('[data-testid=invite-back]');
  await page.waitForSelector('[data-testid=role-student]');
  assert.ok(!page.url().includes('#m='), page.url());
  assert.deepEqual(context.pageErrors, []);
});

test('a matrix with one statement open names it, marks it and moves to it', T, async () => {
  const { meting } = loadFixtures();
  const { context, page } = await env.newApp(PHONE_OPTIONS);
  await startInvited(page, env.server.url, meting.fragment);
  await advanceTo(page, (kind) => kind === 'matrix');
  const rows = page.locator('form.question fieldset[data-testid^="row-"]');
  const n = await rows.count();
  assert.ok(n >= 3, `${n} rows`);
  for (let r = 0; r < n - 1; r++) await rows.nth(r).locator('input[type=radio]').first().check();
  const open = rows.nth(n - 1);
  const statement = (await open.locator('legend').textContent()).trim();
  await page.click('[data-testid=next]');
  await page.waitForFunction(() => document.querySelector('[data-testid=error]').textContent.trim() !== '');
  assert.equal(await textOf(page, '[data-testid=error]'), `Deze zin heeft nog geen antwoord: '${statement}'`);
  assert.equal(await open.getAttribute('data-open'), 'true');
  assert.equal(await rows.nth(0).getAttribute('data-open'), null);
  const focused = await page.evaluate(() => document.activeElement.closest('fieldset[data-testid^="row-"]')?.dataset.testid);
  assert.equal(focused, await open.getAttribute('data-testid'), 'focus on the open statement');
  const box = await open.boundingBox();
  assert.ok(box.y >= 0 && box.y < TALL_PHONE.height, 'the open statement is on the screen');
  await expectNoViolations(page, 'a matrix with an open statement');
  // A matrix row fits a phone: its answers two by two.
  const height = (await rows.nth(0).boundingBox()).height;
  assert.ok(height < 260, `a statement with its answers is ${height}px tall`);
  await open.locator('input[type=radio]').first().check();
  await pressAndWaitForMove(page, 'next');
  assert.deepEqual(context.pageErrors, []);
});

test('the progress figure never jumps back or changes its total on the way', T, async () => {
  const { meting } = loadFixtures();
  const { context, page } = await env.newApp(PHONE_OPTIONS);
  await startInvited(page, env.server.url, meting.fragment);
  const seen = [];
  for (let n = 0; n < 200 && !(await page.$('[data-testid=end]')); n++) {
    const text = await textOf(page, '[data-testid=progress]');
    const value = Number(await page.getAttribute('progress.progress__bar', 'value'));
    seen.push({ text, value });
    await answerCurrent(page);
  }
  const totals = new Set(seen.map((s) => s.text.match(/^Deel \d+ van (\d+)$/)?.[1]));
  assert.equal(totals.size, 1, `one total: ${[...totals]}`);
  for (let i = 1; i < seen.length; i++) {
    const part = (s) => Number(s.text.split(' ')[1]);
    assert.ok(part(seen[i]) >= part(seen[i - 1]), `${seen[i - 1].text} → ${seen[i].text}`);
    assert.ok(seen[i].value > seen[i - 1].value, `the bar moved back: ${seen[i - 1].value} → ${seen[i].value}`);
  }
  assert.deepEqual(context.pageErrors, []);
});
