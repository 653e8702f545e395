// Trunk's post-build hook (Trunk.toml [[hooks]]): turns Trunk's output into the two pages
// of Spiegel, each loading only its own wasm bundle, and makes everything ready for any
// static web server. Node only, no packages.
//
// In Trunk's staging directory it
// 1. gives the QR worker's three files content-hashed names (Trunk names workers by
//    their binary only);
// 2. writes the loader, the no-module message, the icons and the web app manifest under
//    content-hashed names;
// 3. writes index.html (the student app) and team.html (the team app) from the page
//    Trunk wrote: a preload of that page's own bundle, the loader, the manifest link,
//    and on team.html the QR worker's address (<meta name="spiegel-scan-worker">);
// 4. writes sw.js, the service worker, with the lists of files of both pages;
// 5. in a release build, writes a .br (brotli, quality 11) and a .gz (gzip -9) copy next
//    to every file a server would send compressed (not next to PNG images).
// A release build also minifies the apps' JavaScript (the wasm-bindgen glue, the loader
// and the service worker) with terser, from the npm packages of the test set-up
// (tests/e2e, like wasm-opt): Trunk's own minifier gives up on the glue and copies it
// as it is.
//
// Every file name carries its content hash except the addresses that must stay stable:
// index.html, team.html, sw.js, and the export's JSON Schema (schema/…), which
// researchers cite by address.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const stage = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const release = process.env.TRUNK_PROFILE === 'release';
if (!stage) throw new Error('web/dist.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)');

const web = (name) => path.join(source, 'web', name);
const staged = (name) => path.join(stage, name);
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Writes `bytes` as `<stem>-<hash><ext>` and returns that name. */
function writeHashed(stem, ext, bytes) {
  const name = `${stem}-${hash(bytes)}${ext}`;
  writeFileSync(staged(name), bytes);
  return name;
}

/** The one staged file whose name matches `pattern`. */
function find(pattern) {
  const found = readdirSync(stage).filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`expected one file like ${pattern} in ${stage}, found ${found}`);
  return found[0];
}

function bundle(bin) {
  return { js: find(new RegExp(`^${bin}-[0-9a-f]+\\.js$`)), wasm: find(new RegExp(`^${bin}-[0-9a-f]+_bg\\.wasm$`)) };
}

/** Renames a staged file to `<stem>-<hash><ext>` and returns the new name. */
function rename(from, stem, ext) {
  const bytes = readFileSync(staged(from));
  const name = `${stem}-${hash(bytes)}${ext}`;
  renameSync(staged(from), staged(name));
  return name;
}

// 1. The QR worker and the team bundle.
function hashWorker() {
  const js = rename('scan_worker.js', 'scan_worker', '.js');
  const wasm = rename('scan_worker_bg.wasm', 'scan_worker', '_bg.wasm');
  const old = readFileSync(staged('scan_worker_loader.js'), 'utf8');
  const loader = old.replace('./scan_worker.js', `./${js}`).replace('./scan_worker_bg.wasm', `./${wasm}`);
  if (loader === old || !loader.includes(js) || !loader.includes(wasm)) {
    throw new Error(`the QR worker's loader has an unexpected form: ${old}`);
  }
  unlinkSync(staged('scan_worker_loader.js'));
  return { loader: writeHashed('scan_worker_loader', '.js', loader), js, wasm };
}

/** Terser's `minify`, from the test set-up's npm packages (release builds only). */
const terser = release
  ? (await import(pathToFileURL(path.join(source, 'tests', 'e2e', 'node_modules', 'terser', 'main.js')).href)).minify
  : null;

/** `text` minified in a release build (an ES module unless `module` is false), else as it is. */
async function minified(text, module = true) {
  if (!terser) return text;
  const out = await terser(text, { module, compress: true, mangle: true, format: { comments: false } });
  if (typeof out.code !== 'string' || !out.code) throw new Error('terser returned nothing');
  return out.code;
}

/** Minifies the staged ES module `from` and names it `<stem>-<hash>.js` by its new content. */
async function minifyHashed(from, stem) {
  const text = await minified(readFileSync(staged(from), 'utf8'));
  unlinkSync(staged(from));
  return writeHashed(stem, '.js', text);
}

const trunkStudent = bundle('student');
const student = { js: await minifyHashed(trunkStudent.js, 'student'), wasm: trunkStudent.wasm };
// Trunk builds one "main" app per page; the team app is built as a worker-type app with
// ES-module glue (index.html), which Trunk names by its binary only.
const team = { js: await minifyHashed('team.js', 'team'), wasm: rename('team_bg.wasm', 'team', '_bg.wasm') };
const worker = hashWorker();
const css = find(/^main-[0-9a-f]+\.css$/);
const favicon = find(/^favicon-[0-9a-f]+\.svg$/);

// The built-in vragenlijsten as files in their checked form
// (builtin/v<form>/<id>-<version>-<hash>.bin), written by the library itself
// (web/builtin_files.rs), so their names and contents match what the apps read.
const builtins = JSON.parse(
  execFileSync('cargo', ['run', '--offline', '--quiet', '--example', 'builtin_files', '--', stage], {
    cwd: source,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);
if (!builtins.length) throw new Error('no built-in vragenlijsten were written');

// 2. Loader, no-module message, icons, manifest.
const loader = writeHashed('loader', '.js', await minified(readFileSync(web('loader.js'), 'utf8')));
const nomodule = writeHashed('nomodule', '.js', readFileSync(web('nomodule.js')));
const icon192 = writeHashed('icon-192', '.png', readFileSync(path.join(source, 'public', 'icon-192.png')));
const icon512 = writeHashed('icon-512', '.png', readFileSync(path.join(source, 'public', 'icon-512.png')));
const manifestText = readFileSync(web('manifest.webmanifest'), 'utf8')
  .replace('{icon-svg}', `./${favicon}`)
  .replace('{icon-192}', `./${icon192}`)
  .replace('{icon-512}', `./${icon512}`);
JSON.parse(manifestText);
const manifest = writeHashed('manifest', '.webmanifest', manifestText);

// 3. The two pages.
const trunkPage = readFileSync(staged('index.html'), 'utf8');
// Where each page's own links go (a <meta> survives Trunk's HTML minifier; a comment would not).
const MARK = /<meta[^>]*name="?spiegel-app"?[^>]*>/;
if (!MARK.test(trunkPage)) throw new Error('index.html lacks <meta name="spiegel-app">');

function page(app, files) {
  const head = [
    `<link rel="modulepreload" href="./${files.js}">`,
    `<link rel="preload" href="./${files.wasm}" as="fetch" type="application/wasm" crossorigin>`,
    `<link rel="manifest" href="./${manifest}">`,
    app === 'team' ? `<meta name="spiegel-scan-worker" content="./${worker.loader}">` : '',
    // The loader starts fetching an invitation's vragenlijst while the wasm loads.
    app === 'student' ? `<meta name="spiegel-builtins" content="${builtinMap}">` : '',
    `<script type="module" src="./${loader}" data-js="./${files.js}" data-wasm="./${files.wasm}"></script>`,
    `<script nomodule src="./${nomodule}"></script>`,
  ].filter(Boolean);
  return trunkPage
    // Trunk leaves the rust links when it injects no scripts (Trunk.toml inject_scripts).
    .replace(/<link[^>]*data-trunk[^>]*rel="?rust"?[^>]*>\s*/g, '')
    .replace(/<html[^>]*>/, `<html lang="nl" data-app="${app}">`)
    .replace(MARK, head.join(''));
}

const builtinMap = JSON.stringify(Object.fromEntries(builtins.map((b) => [`${b.id}@${b.version}`, b.path])))
  .replaceAll('&', '&amp;')
  .replaceAll('"', '&quot;');
const index = page('student', student);
const teamPage = page('team', team);
for (const [name, text] of [['index.html', index], ['team.html', teamPage]]) {
  if (/data-trunk/.test(text)) throw new Error(`${name} still has a Trunk link`);
  writeFileSync(staged(name), text);
}

// 4. The service worker.
const rel = (name) => `./${name}`;
// The student page under its usual address, ./ (an invitation link opens the folder), so
// precaching it reuses the copy the browser just loaded.
const STUDENT = ['', loader, student.js, student.wasm, css, favicon, manifest].map(rel);
const TEAM = ['team.html', team.js, team.wasm, worker.loader, worker.js, worker.wasm, ...builtins.map((b) => b.path)].map(rel);
const OTHER = [nomodule, icon192, icon512].map(rel);
const swTemplate = readFileSync(web('sw.js'), 'utf8');
const version = hash(JSON.stringify([STUDENT, TEAM, OTHER, hash(index), hash(teamPage), hash(swTemplate)]));
const sw = swTemplate
  .replace("'{version}'", JSON.stringify(version))
  .replace('{student}', JSON.stringify(STUDENT))
  .replace('{team}', JSON.stringify(TEAM))
  .replace('{other}', JSON.stringify(OTHER));
if (/\{(version|student|team|other)\}/.test(sw)) throw new Error('sw.js has a placeholder left');
// A classic worker script: its top-level names stay as they are.
writeFileSync(staged('sw.js'), await minified(sw, false));

// 5. Compressed copies.
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
if (release) {
  for (const file of files(stage)) {
    if (/\.(br|gz|png)$/.test(file)) continue;
    const bytes = readFileSync(file);
    const text = !/\.(wasm|bin)$/.test(file);
    const br = zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
        [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  }
}
console.log(`spiegel: index.html + team.html, sw.js version ${version}${release ? ', .br and .gz written' : ''}`);
