// `make size`: the brotli size of every file in dist/ (the .br copies `make dist` wrote,
// the file itself where there is none) and of what each page loads: index.html (the
// student path) and team.html (the team path), each with the files it names, and the QR
// reader the team page loads when it reads a code. `make bench` measures the same paths
// in the browser.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] ?? 'dist';
const size = (rel) => {
  const file = path.join(dist, rel);
  return existsSync(`${file}.br`) ? statSync(`${file}.br`).size : statSync(file).size;
};

function files(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

const all = files(dist).filter((f) => !/\.(br|gz)$/.test(f)).sort();
let total = 0;
for (const f of all) {
  total += size(f);
  console.log(`${String(size(f)).padStart(8)}  ${f}`);
}
console.log(`dist/ brotli total: ${total} bytes (${(total / 1024).toFixed(1)} KiB)\n`);

/** The files a page names (preloads, loader, style sheet, icon, manifest and its icons). */
function pathOf(page) {
  const html = readFileSync(path.join(dist, page), 'utf8');
  const named = [...html.matchAll(/(?:href|src|data-js|data-wasm)="?\.\/([^"\s>]+)/g)]
    .map((m) => m[1])
    .filter((f) => !f.startsWith('nomodule-'));
  return [page, ...new Set(named)];
}

function show(title, list, budget) {
  const sum = list.reduce((n, f) => n + size(f), 0);
  console.log(`${title}:`);
  for (const f of list) console.log(`${String(size(f)).padStart(8)}  ${f}`);
  const over = budget ? ` (budget ${budget} bytes: ${sum <= budget ? 'within' : `${sum - budget} over`})` : '';
  console.log(`${String(sum).padStart(8)}  total, ${(sum / 1024).toFixed(1)} KiB${over}\n`);
}

show('student path (index.html and what it loads)', pathOf('index.html'), 160 * 1024);
show('team path (team.html and what it loads)', pathOf('team.html'));
show('QR reader (when the team page reads a code)', all.filter((f) => f.startsWith('scan_worker')));
