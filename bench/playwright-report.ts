/**
 * The Playwright HTML report the dashboard is compared with (bench/side-by-side.ts): the specs in
 * bench/report-fixture/ are run once and their report cached in bench/.cache/ (git-ignored);
 * delete that folder to make it again. The specs use no browser and no network. It is served
 * by a tiny static server on loopback that gzips as the production server does, so both pages
 * pay the same transport.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RunningServer } from './server.ts';

export const CACHE = resolve('bench/.cache');
export const REPORT_DIR = join(CACHE, 'playwright-report');

export function ensurePlaywrightReport(): string {
  if (existsSync(join(REPORT_DIR, 'index.html'))) return REPORT_DIR;
  console.log('Making the Playwright HTML report (bench/report-fixture/), once…');
  execFileSync('npx', ['playwright', 'test', '-c', 'bench/report-fixture/playwright.config.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      REPORT_DIR,
      REPORT_RESULTS_DIR: join(CACHE, 'report-fixture-results'),
      PLAYWRIGHT_HTML_OPEN: 'never',
    },
  });
  if (!existsSync(join(REPORT_DIR, 'index.html'))) {
    throw new Error(`The report fixture wrote no ${REPORT_DIR}/index.html`);
  }
  return REPORT_DIR;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.zip': 'application/zip',
};

/**
 * Serves `root` on 127.0.0.1:0, gzipped when the browser asks for it; the gzipped bodies are
 * kept, as the production server's gzip cache keeps its own, so no load pays for compression.
 */
export function serveStatic(root: string): Promise<RunningServer> {
  const gzipped = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('Not Found');
      return;
    }
    const body = readFileSync(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    if (gzip && !gzipped.has(file)) gzipped.set(file, gzipSync(body));
    response.end(gzip ? gzipped.get(file) : body);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}
