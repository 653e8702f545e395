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
console.log(`dist/ brotli total: ${total} bytes (${(total / 1000).toFixed(1)} KB)\n`);

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
  const over = budget ? ` (budget ${budget / 1000} KB: ${sum <= budget ? 'within' : `${((sum - budget) / 1000).toFixed(1)} KB over`})` : '';
  console.log(`${String(sum).padStart(8)}  total, ${(sum / 1000).toFixed(1)} KB${over}\n`);
}

// The built-in vragenlijsten: a phone fetches the one version its invitation names (here:
// the newest student vragenlijst), the team page every version of every one.
const builtins = all.filter((f) => f.startsWith('builtin/'));
const versionOf = (f) => f.match(/-(\d+(?:\.\d+)*)-[0-9a-f]+\.[a-z]+$/)[1].split('.').map(Number);
const newer = (a, b) => {
  const [x, y] = [versionOf(a), versionOf(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};
const student = builtins.filter((f) => /^builtin\/(?:v\d+\/)?spiegel-student-/.test(f)).sort(newer).slice(-1);

// Budgets are in KB of 1,000 bytes.
show("student path (index.html, what it loads, the invitation's vragenlijst)", [...pathOf('index.html'), ...student], 160_000);
show('team path (team.html, what it loads, every built-in vragenlijst)', [...pathOf('team.html'), ...builtins]);
show('QR reader (when the team page reads a code)', all.filter((f) => f.startsWith('scan_worker')));
