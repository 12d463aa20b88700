// npm run budget: the first load (JS and CSS that dist/index.html pulls in, plus their static
// imports/modulepreloads), gzip level 9, must stay within 1.25 x the stack's floor of 154.8 kB.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const FLOOR_KB = 154.8;
const BUDGET_KB = 193; // 1.25 x floor
const AIM_KB = FLOOR_KB * 1.1;

const dist = 'dist';
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` first.');
  process.exit(1);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = new Set();
for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)) {
  entry.add(normalize(join(dist, m[1])));
}

// Follow static imports of the entry chunks (Vite emits `import{...}from"./x.js"` for shared chunks).
const files = new Set();
const queue = [...entry];
while (queue.length) {
  const file = queue.pop();
  if (files.has(file)) continue;
  files.add(file);
  if (!file.endsWith('.js')) continue;
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
  )) {
    queue.push(normalize(join(dirname(file), m[1])));
  }
}

let total = 0;
const rows = [];
for (const file of [...files].sort()) {
  const bytes = readFileSync(file);
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  rows.push(`  ${(gz / 1000).toFixed(1).padStart(7)} kB  ${file}`);
}
const totalKb = total / 1000;
console.log('First load (gzip -9):');
console.log(rows.join('\n'));
console.log(
  `Total ${totalKb.toFixed(1)} kB; budget ${BUDGET_KB} kB (1.25 x floor ${FLOOR_KB} kB), aim ${AIM_KB.toFixed(1)} kB (1.1 x floor).`,
);
if (totalKb > BUDGET_KB) {
  console.error(`Over budget by ${(totalKb - BUDGET_KB).toFixed(1)} kB.`);
  process.exit(1);
}
console.log(totalKb <= AIM_KB ? 'Within the aim.' : 'Within budget, above the aim.');
