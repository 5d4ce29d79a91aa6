/**
 * The compiled production server for the tests that run it as users do (`node
 * dist-server/server/serve.js`, serving dist/). Vitest's global setup makes it before the
 * server tests: the whole `npm run build` when there is no build yet (`npm test` runs the unit
 * tests before the e2e step builds), else only the server when dist-server/ is missing or
 * older than its sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SERVE_JS = join(REPO_ROOT, 'dist-server/server/serve.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The environment the build runs in: Vitest sets NODE_ENV=test, under which Vite builds React's
 * development JSX (jsxDEV), which the server, loading React's production build, cannot render.
 */
function buildEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production' };
}

export function ensureServerBuild(): void {
  const built = ['dist/index.html', 'dist/.ssr/entry-server.js', 'dist-server/server/serve.js'];
  if (!built.every((path) => existsSync(join(REPO_ROOT, path)))) {
    execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit', env: buildEnv() });
    return;
  }
  const sources = Math.max(
    newestSource(join(REPO_ROOT, 'server')),
    newestSource(join(REPO_ROOT, 'contract')),
    statSync(join(REPO_ROOT, 'tsconfig.server.json')).mtimeMs,
  );
  if (existsSync(SERVE_JS) && statSync(SERVE_JS).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json'],
    { cwd: REPO_ROOT, stdio: 'inherit', env: buildEnv() },
  );
}

/** Vitest global setup (vitest.config.ts, server project). */
export default function setup(): void {
  ensureServerBuild();
}
