// End-to-end: a kiosk keeps one student's answers from the next. A run nobody touches is
// wiped after a visible countdown (storage and screen), "Ik ben er nog" keeps it, Back
// stays in the kiosk, a reload resumes only while the student can still be there, and
// no one is ever offered to go on with someone else's run. The page's clock is
// Playwright's, so the minutes pass at once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp,
  TALL_PHONE,
  KEYS,
  openApp,
  openTeam,
  reloadApp,
  currentItem,
  currentKind,
  answerN,
  advanceTo,
  shownAnswer,
  storageKeys,
  storageHolding,
  textOf,
  expectNoViolations,
} from './support.mjs';
import { loadFixtures, installMeting } from './fixtures.mjs';

const env = useApp();
const T = { timeout: 180_000 };

/** Keys of runs in progress. */
async function runs(page) {
  return (await storageKeys(page)).filter((k) => k.startsWith('spiegel.v1.session.'));
}

test('a kiosk run nobody touches is wiped after a countdown, screen and storage, and Back stays in the kiosk', T, async () => {
  const { meting } = loadFixtures();
  const context = await env.newContext({ viewport: TALL_PHONE });
  await installMeting(context, meting);
  await context.clock.install();
  const page = await context.newPage();
  await openApp(page, env.server.url);
  // The teacher starts the kiosk from the meting's page.
  await openTeam(page);
  await page.click(`[data-testid=meting-${meting.id}]`);
  await page.click('[data-testid=kiosk-start]');
  await page.waitForSelector('[data-testid=invite-begin]');
  const kioskUrl = page.url();
  assert.ok(kioskUrl.endsWith(meting.kiosk_fragment), kioskUrl);
  // Back does not lead to the team's screens.
  await page.goBack();
  await page.waitForTimeout(300);
  assert.equal(page.url(), kioskUrl);
  assert.ok(await page.isVisible('[data-testid=invite-begin]'));

  await page.click('[data-testid=invite-begin]');
  await page.waitForSelector('form.question');
  await answerN(page, 3);
  const secret = 'KIOSK-GEHEIM-5521';
  await advanceTo(page, (kind) => kind === 'text');
  await page.locator('form.question textarea').fill(secret);
  await page.click('[data-testid=next]');
  await page.waitForSelector('[data-testid=end]');
  assert.equal((await runs(page)).length, 1);
  assert.equal((await storageHolding(page, [secret])).length, 1, 'the answer is kept while the run goes on');

  // 90 seconds without a touch: the countdown shows, with the seconds left.
  await page.clock.fastForward(91_000);
  await page.waitForSelector('[data-testid=idle]');
  assert.match(await textOf(page, '[data-testid=idle-left]'), /^Over (29|30) seconden wordt alles gewist\./);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'idle-stay');
  await expectNoViolations(page, 'the kiosk countdown');
  // "Ik ben er nog" keeps the run.
  await page.click('[data-testid=idle-stay]');
  await page.waitForSelector('[data-testid=idle]', { state: 'detached' });
  await page.clock.fastForward(60_000);
  assert.equal(await page.$('[data-testid=idle]'), null, 'a minute later, no countdown yet');
  assert.ok(await page.isVisible('[data-testid=end]'));

  // Nobody comes back: everything is wiped, on the screen and in storage.
  await page.clock.fastForward(35_000);
  await page.waitForSelector('[data-testid=idle]');
  await page.clock.fastForward(31_000);
  await page.waitForSelector('[data-testid=handover][data-after=timed-out]');
  assert.match(await textOf(page, '[data-testid=handover]'), /Er gebeurde een tijd niets\. Alles is gewist\./);
  assert.deepEqual(await runs(page), []);
  assert.deepEqual(await storageHolding(page, [secret]), []);
  assert.ok(!(await page.content()).includes(secret), 'nothing of the answers on the screen');
  assert.deepEqual((await storageKeys(page)).filter((k) => k.startsWith('spiegel.v1.inbox.')), [], 'nothing was sent');

  // Back stays in the kiosk; the next student starts empty.
  await page.goBack();
  await page.waitForTimeout(300);
  assert.equal(page.url(), kioskUrl);
  assert.ok(await page.isVisible('[data-testid=handover]'));
  await page.click('[data-testid=kiosk-next]');
  await page.click('[data-testid=invite-begin]');
  await page.waitForSelector('form.question');
  assert.deepEqual(await shownAnswer(page), {});
  await page.goBack();
  await page.waitForTimeout(300);
  assert.equal(page.url(), kioskUrl);
  assert.ok(await page.isVisible('form.question'), 'Back leaves the question on screen');
  assert.deepEqual(context.pageErrors, []);
});

test('a kiosk resumes a run after a reload only while its student can still be there', T, async () => {
  const { meting } = loadFixtures();
  const context = await env.newContext({ viewport: TALL_PHONE });
  const page = await context.newPage();
  await openApp(page, `${env.server.url}#${meting.kiosk_fragment}`);
  await page.click('[data-testid=invite-begin]');
  await page.waitForSelector('form.question');
  const log = await answerN(page, 2);
  const where = await currentItem(page);

  // A reload a moment later (the tab crashed, someone bumped the screen): same student.
  await reloadApp(page);
  await page.waitForSelector('form.question');
  assert.equal(await currentItem(page), where);
  assert.equal(await page.$('[data-testid=kiosk-continue]'), null, 'nobody is asked "was jij dat?"');

  // Longer than the countdown would have allowed: the next student finds nothing.
  const key = KEYS.metingSession(meting.id, true);
  await page.evaluate((key) => {
    const s = JSON.parse(localStorage.getItem(key));
    s.touched -= 5 * 60 * 1000;
    localStorage.setItem(key, JSON.stringify(s));
  }, key);
  await reloadApp(page);
  await page.waitForSelector('[data-testid=invite-begin]');
  assert.match(await textOf(page, '[data-testid=kiosk-wiped]'), /Een vorige student was niet klaar\. Die antwoorden zijn gewist\./);
  assert.deepEqual(await runs(page), []);
  await page.click('[data-testid=invite-begin]');
  await page.waitForSelector('form.question');
  assert.equal(await currentItem(page), log[0].id, 'the next student starts at question 1');
  assert.deepEqual(await shownAnswer(page), {});

  // "Stoppen" in a kiosk: wiped, and the device goes to the next student.
  await page.click('[data-testid=stop]');
  assert.match(await textOf(page, '[data-testid=stop-confirm]'), /Daarna kan de volgende student beginnen/);
  await page.click('[data-testid=stop-yes]');
  await page.waitForSelector('[data-testid=handover][data-after=stopped]');
  assert.deepEqual(await runs(page), []);
  assert.equal(await currentKind(page).catch(() => null), null);
  assert.deepEqual(context.pageErrors, []);
});
