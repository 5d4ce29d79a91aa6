// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, rawRequest } from './api/testing/http.ts';
import { createServerApp } from './app.ts';
import { loadConfig } from './config.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const APP_JS = `console.log(${JSON.stringify('batch runs '.repeat(500))});`;

const config = loadConfig({ SANDBOX: '1', PORT: '0', LOG_LEVEL: 'silent' }, 'serve');

let distDir: string;
let app: ReturnType<typeof createServerApp>;

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return app.fetch(new Request(`http://127.0.0.1${path}`, { method, headers }));
}

function expectSecurityHeaders(res: Response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(res.headers.get(name), name).toBe(value);
  }
}

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), 'dist-'));
  await mkdir(join(distDir, 'assets'));
  await writeFile(join(distDir, 'index.html'), INDEX_HTML);
  await writeFile(join(distDir, 'assets', 'app-abc123.js'), APP_JS);
  await writeFile(join(distDir, 'robots.txt'), 'User-agent: *\nAllow: /\n');
  await writeFile(join(distDir, '.env'), 'SECRET=1');
  app = createServerApp(config, { distDir });
});

afterAll(async () => {
  await rm(distDir, { recursive: true, force: true });
});

describe('security headers', () => {
  it.each([
    ['the page', '/', 200],
    ['an asset', '/assets/app-abc123.js', 200],
    ['a missing file', '/missing.png', 404],
    ['the API', '/v1/agents', 200],
    ['a refused API path', '/v1//agents', 400],
  ])('are on %s', async (_, path, status) => {
    const res = await get(path, { Accept: 'text/html' });
    expect(res.status).toBe(status);
    expectSecurityHeaders(res);
  });

  it('allow neither inline scripts nor inline styles', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy'] ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('static files', () => {
  it('serves index.html with no-cache', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX_HTML);
    expect((await get('/index.html')).headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets as immutable for a year', async () => {
    const res = await get('/assets/app-abc123.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(APP_JS);
  });

  it('caches other files briefly', async () => {
    const res = await get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers a revalidation with 304', async () => {
    const etag = (await get('/')).headers.get('etag') ?? '';
    const res = await get('/', { 'If-None-Match': etag });
    expect(res.status).toBe(304);
  });

  it('gzips text when the client accepts it', async () => {
    const res = await get('/assets/app-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(APP_JS.length / 4);
    expect(gunzipSync(body).toString()).toBe(APP_JS);
  });

  it('sends identity when gzip is refused or not offered', async () => {
    for (const acceptEncoding of ['gzip;q=0, br', 'identity', '']) {
      const res = await get('/assets/app-abc123.js', { 'Accept-Encoding': acceptEncoding });
      expect(res.headers.get('content-encoding'), acceptEncoding).toBeNull();
      expect(await res.text()).toBe(APP_JS);
    }
  });

  it('answers HEAD without a body', async () => {
    const res = await get('/assets/app-abc123.js', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(APP_JS)));
    expect(await res.text()).toBe('');
  });
});

describe('SPA fallback and 404s', () => {
  it('answers page navigations with index.html', async () => {
    for (const path of ['/some/page', '/batches/batch_1?agent=a', '/agents/']) {
      const res = await get(path, { Accept: 'text/html,application/xhtml+xml' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX_HTML);
    }
  });

  it.each([
    ['a missing asset', '/assets/missing.js', 'text/html'],
    ['a missing file with an extension', '/missing.png', 'text/html'],
    ['a non-HTML request', '/some/page', 'application/json'],
    ['the assets folder (no listing)', '/assets/', 'text/html'],
    ['the assets folder without slash', '/assets', 'text/html'],
    ['a dotfile', '/.env', 'text/html'],
    ['an encoded traversal', '/assets/..%2f..%2f.env', 'text/html'],
  ])('answers 404 for %s', async (_, path, accept) => {
    const res = await get(path, { Accept: accept });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<div id="root">');
  });

  it('refuses other methods on pages with 405', async () => {
    const res = await get('/', {}, 'POST');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('/v1', () => {
  it('is forwarded (here to the sandbox) with no-store', async () => {
    const res = await get('/v1/batch-runs?agentId=agent_D5D0p7TUs66TTAEAx', {
      Accept: 'text/html',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses traversal as sent on the wire, with security headers', async () => {
    const server = await listen(app.fetch);
    try {
      for (const target of ['/v1/../etc/passwd', '/v1/%2e%2e/agents', '/assets/../v1//agents']) {
        const res = await rawRequest(server.url, target, { headers: { Accept: 'text/html' } });
        expect(res.status, target).toBe(400);
        expect(res.headers['content-security-policy']).toBe(
          SECURITY_HEADERS['Content-Security-Policy'],
        );
      }
    } finally {
      await server.close();
    }
  });

  it('never falls back to index.html', async () => {
    const res = await get('/v1/unknown-endpoint', { Accept: 'text/html' });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<div id="root">');
  });
});
