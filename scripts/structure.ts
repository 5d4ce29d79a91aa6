/**
 * Structure figures for closing notes and a guard for the rule in CONVENTIONS.md: a React
 * component function (a capitalised function or arrow in a .tsx file under src/) stays at or
 * under 120 lines. `npm run structure` prints the longest components and the files over 200
 * lines; scripts/structure.test.ts fails on a component over the limit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const COMPONENT_LINE_LIMIT = 120;
export const LONG_FILE_LINES = 200;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIRS = ['src', 'server', 'contract', 'e2e', 'bench', 'scripts'];

export interface ComponentSize {
  file: string;
  name: string;
  lines: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [path] : [];
  });
}

export function componentSizes(root = ROOT): ComponentSize[] {
  const sizes: ComponentSize[] = [];
  for (const path of filesUnder(join(root, 'src')).filter((p) => p.endsWith('.tsx'))) {
    if (/\.test\.tsx$/.test(path)) continue;
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
    const visit = (node: ts.Node) => {
      let name: string | undefined;
      let body: ts.Node | undefined;
      if (ts.isFunctionDeclaration(node) && node.name) {
        name = node.name.text;
        body = node;
      } else if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        (ts.isArrowFunction(node.initializer) ||
          ts.isFunctionExpression(node.initializer) ||
          ts.isCallExpression(node.initializer)) // memo(function X() {…}), forwardRef(…)
      ) {
        name = node.name.text;
        body = node.initializer;
      }
      if (name && body && /^[A-Z]/.test(name)) {
        const lines = lineOf(body.getEnd()) - lineOf(body.getStart()) + 1;
        sizes.push({ file: relative(root, path), name, lines });
        return; // a component's inner helpers count towards it
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sizes.sort((a, b) => b.lines - a.lines);
}

export function longFiles(root = ROOT): { file: string; lines: number }[] {
  return SOURCE_DIRS.flatMap((dir) => filesUnder(join(root, dir)))
    .map((path) => ({
      file: relative(root, path),
      lines: readFileSync(path, 'utf8').split('\n').length,
    }))
    .filter((f) => f.lines > LONG_FILE_LINES)
    .sort((a, b) => b.lines - a.lines);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const components = componentSizes();
  console.log(`Longest component functions (limit ${COMPONENT_LINE_LIMIT} lines):`);
  for (const c of components.slice(0, 8)) console.log(`  ${c.lines}\t${c.name}\t${c.file}`);
  const long = longFiles();
  const nonTest = long.filter((f) => !/\.(test|spec)\.tsx?$/.test(f.file));
  console.log(`Files over ${LONG_FILE_LINES} lines: ${long.length} (${nonTest.length} not tests)`);
  for (const f of long) console.log(`  ${f.lines}\t${f.file}`);
}
