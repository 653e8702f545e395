// The deterministic fixtures that `make fixtures` writes (tests/fixtures.rs) into
// out/fixtures/: a student and a staff meting with PIN, and directories of response
// files. Helpers to read them and to put a meting on the team device before the app loads.
// Both readers are synchronous; `await` on them works too.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { OUT_DIR } from './support.mjs';

/** Where `make fixtures` writes. */
export const FIXTURES_DIR = path.join(OUT_DIR, 'fixtures');

function readJson(name) {
  const file = path.join(FIXTURES_DIR, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run make fixtures first`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The fixture metingen and what importing them should report:
 * `{ meting, staffMeting, earlierMeting, earlierStaffMeting, expected, dir }`. A meting is
 * `{ id, pin, storage_key, storage_value, fragment, kiosk_fragment, label }`; `expected` is
 * `{ import30: { new, refused: { <file name>: <Refusal> } }, bench500, mirror, change }`.
 */
export function loadFixtures() {
  return {
    meting: readJson('meting.json'),
    staffMeting: readJson('staff-meting.json'),
    earlierMeting: readJson('earlier-meting.json'),
    earlierStaffMeting: readJson('earlier-staff-meting.json'),
    expected: readJson('expected.json'),
    dir: FIXTURES_DIR,
  };
}

/**
 * Puts `meting` on the team device of every page in `context`, as the app stores it, before
 * the app starts. Only when the key is not there yet, so reloads keep what the app did.
 */
export function installMeting(context, meting) {
  return context.addInitScript(
    ({ key, value }) => {
      try {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
      } catch {
        // Storage blocked on purpose by a test, or an opaque origin such as about:blank.
      }
    },
    { key: meting.storage_key, value: meting.storage_value },
  );
}

/** Sorted absolute paths of the files in out/fixtures/<subdir>. */
export function filesIn(subdir) {
  const dir = path.join(FIXTURES_DIR, subdir);
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run make fixtures first`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort()
    .map((name) => path.join(dir, name));
}
