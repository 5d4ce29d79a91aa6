// Size budgets for what a first visit downloads, read from the build's Vite manifest:
// "initial" is the entry chunk, its static imports (transitively) and their CSS; chunks that
// are only imported dynamically load on first use and are listed apart. Gzip at level 9,
// kB = 1000 bytes (as Vite prints them). Exit code 1 when a budget is broken.
//   node scripts/check-budgets.mjs            (reads dist/, or DIST_DIR)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { initialJs: 100_000, initialCss: 15_000 };

const distDir = resolve(process.env.DIST_DIR?.trim() || 'dist');
const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'));

const gzipSize = (file) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

// Imported dynamically by src/main.tsx but on every start-up: only so that each is evaluated
// in a task of its own. They count as initial.
const STARTUP_IMPORTS = ['src/lib/react-dom/react-dom-client.ts'];

// Walk static imports from every entry, and from what start-up imports.
const initialKeys = new Set();
const visit = (key) => {
  if (initialKeys.has(key)) return;
  initialKeys.add(key);
  for (const next of manifest[key]?.imports ?? []) visit(next);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
for (const key of STARTUP_IMPORTS) {
  if (!manifest[key]) {
    console.error(`check-budgets: ${key} is not a chunk of this build; update STARTUP_IMPORTS`);
    process.exit(1);
  }
  visit(key);
}

const initialJs = new Set();
const initialCss = new Set();
for (const key of initialKeys) {
  const chunk = manifest[key];
  if (chunk.file.endsWith('.js')) initialJs.add(chunk.file);
  for (const css of chunk.css ?? []) initialCss.add(css);
}
const lazyFiles = new Set();
for (const chunk of Object.values(manifest)) {
  for (const file of [chunk.file, ...(chunk.css ?? [])]) {
    if (!initialJs.has(file) && !initialCss.has(file) && /\.(js|css)$/.test(file)) {
      lazyFiles.add(file);
    }
  }
}

// What index.html links is loaded first too: files from public/ (theme.js) count as initial;
// a link to a chunk the manifest calls lazy would defeat the split, so it fails.
const html = readFileSync(join(distDir, 'index.html'), 'utf8');
const linked = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const strays = linked.filter((file) => lazyFiles.has(file));
for (const file of linked) {
  if (lazyFiles.has(file)) continue;
  (file.endsWith('.css') ? initialCss : initialJs).add(file);
}

const sum = (files) => [...files].reduce((total, file) => total + gzipSize(file), 0);
const jsBytes = sum(initialJs);
const cssBytes = sum(initialCss);

const rows = [
  ...[...initialJs, ...initialCss].map((file) => ['initial', file, gzipSize(file)]),
  ...[...lazyFiles].sort().map((file) => ['lazy', file, gzipSize(file)]),
];
console.log('Bundle budgets (gzip -9):');
for (const [kind, file, bytes] of rows) {
  console.log(`  ${kind.padEnd(8)}${kB(bytes).padStart(10)}  ${file}`);
}
const failures = [];
const line = (label, bytes, budget) => {
  const ok = bytes <= budget;
  if (!ok) failures.push(label);
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}: ${kB(bytes)} of ${kB(budget)}`);
};
line('initial JS', jsBytes, BUDGETS.initialJs);
line('initial CSS', cssBytes, BUDGETS.initialCss);
console.log(
  `  lazy chunks: ${kB(sum(lazyFiles))} in ${lazyFiles.size} files (loaded on first use)`,
);
if (strays.length > 0) {
  failures.push('index.html');
  console.log(`  FAIL index.html links files outside the initial set: ${strays.join(', ')}`);
}
// Every chunk asks V8 to compile it whole, off the main thread (vite.config.ts): the comment
// must be the file's first line, which a change of bundler or minifier could quietly undo.
const HINT = '//# allFunctionsCalledOnLoad';
const chunks = [...initialJs, ...lazyFiles].filter(
  (file) => file.startsWith('assets/') && file.endsWith('.js'),
);
const unhinted = chunks.filter(
  (file) => !readFileSync(join(distDir, file), 'utf8').startsWith(HINT),
);
if (unhinted.length > 0) {
  failures.push('compile hint');
  console.log(
    `  FAIL chunks without the eager compile hint as their first line: ${unhinted.join(', ')}`,
  );
} else {
  console.log(`  ok   compile hint: the first line of all ${chunks.length} chunks`);
}

// Chrome loads the page's icon in the page's own renderer, and an SVG one as a document of its
// own (IsolatedSVGDocumentHost) on the main thread: 6-10 ms of CPU, a 15-48 ms task after the
// first paint under Lighthouse. A PNG decodes in well under a millisecond.
const icons = [...html.matchAll(/<link[^>]*rel="icon"[^>]*>/g)].map((m) => m[0]);
const svgIcons = icons.filter((tag) => /svg/i.test(tag));
if (svgIcons.length > 0) {
  failures.push('icon');
  console.log(
    `  FAIL index.html's icon is an SVG (a document built after the first paint): ${svgIcons.join(' ')}`,
  );
} else {
  console.log(`  ok   icon: ${icons.length === 0 ? 'none' : 'not an SVG'}`);
}
if (failures.length > 0) {
  console.error(`Budgets broken: ${failures.join(', ')}.`);
  process.exit(1);
}
