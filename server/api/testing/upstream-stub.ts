/**
 * A stand-in SigmaMind API for the forwarder's tests: a real HTTP server on 127.0.0.1 (random
 * port) that records what reaches it and answers by path, so tests see exactly what the
 * forwarder sends over the wire and how it treats each kind of answer.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  /** The request-target as received. */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface UpstreamStub {
  url: string;
  requests: StubRequest[];
  /** Request-targets whose connection closed before the stub answered. */
  abandoned: string[];
  /** What `GET /v1/agents` answers (status 200, JSON content type). */
  agentsBody: string | Buffer;
  close: () => Promise<void>;
}

export const STUB_PAGE = {
  data: [],
  page: 0,
  size: 10,
  totalCount: 0,
  totalPages: 0,
  hasNext: false,
  hasPrevious: false,
};
export const STUB_SLOW_MS = 2_000;
const SCENARIOS = new Set([
  'echo-key',
  'echo-key-escaped',
  'redirect',
  'html',
  'slow',
  'huge',
  'huge-declared',
]);
const CHUNK = Buffer.alloc(64 * 1024, 'x');

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function documentedError(status: number, path: string) {
  const error =
    status === 400 ? 'Bad Request' : status === 404 ? 'Not Found' : 'Internal Server Error';
  return { error, message: `Stub ${status}`, path, status, timestamp: '2026-04-17T08:21:07.338Z' };
}

/**
 * Answers by scenario: `GET /v1/batch-runs?agentId=<scenario>` (the forwarder only lets the
 * dashboard's routes through, so the scenario rides in a documented parameter), and
 * `GET /v1/agents` with `stub.agentsBody`.
 */
export async function startUpstreamStub(): Promise<UpstreamStub> {
  const requests: StubRequest[] = [];
  const abandoned: string[] = [];
  const stub = { agentsBody: JSON.stringify(STUB_PAGE) as string | Buffer };
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    requests.push({ method: req.method ?? '', url, headers: req.headers });
    const [path = '', query = ''] = url.split('?', 2);
    if (path === '/v1/agents') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(stub.agentsBody);
    }
    const scenario = path === '/v1/batch-runs' ? new URLSearchParams(query).get('agentId') : null;
    const status = /^status-(\d{3})$/.exec(scenario ?? '')?.[1];

    if (path === '/v1/batch-runs' && !status && !SCENARIOS.has(scenario ?? '')) {
      // Headers the forwarder must not pass on, next to one it must.
      return json(res, 200, STUB_PAGE, {
        'Set-Cookie': 'session=stub; HttpOnly',
        'X-Internal-Trace': 'trace-1',
        'Retry-After': '7',
        ETag: '"stub"',
      });
    }
    if (status) return json(res, Number(status), documentedError(Number(status), path));
    if (scenario === 'echo-key') return json(res, 200, { youSent: req.headers['x-api-key'] });
    if (scenario === 'echo-key-escaped') {
      // The key as a JSON serialiser that escapes `/` (or everything) would write it.
      const key = String(req.headers['x-api-key']);
      const escaped = [...key].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(`{"a":"${key.replaceAll('/', '\\/')}","b":"${escaped.join('')}"}`);
    }
    if (scenario === 'redirect') {
      res.writeHead(302, { Location: 'http://127.0.0.1:9/steal' });
      return res.end();
    }
    if (scenario === 'html') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<script>alert(1)</script>');
    }
    if (scenario === 'slow') {
      const timer = setTimeout(() => json(res, 200, STUB_PAGE), STUB_SLOW_MS);
      res.on('close', () => {
        clearTimeout(timer);
        if (!res.writableFinished) abandoned.push(url);
      });
      return;
    }
    if (scenario === 'huge') {
      // Streams without a Content-Length until the reader gives up (or 50 MB, as a backstop).
      res.writeHead(200, { 'Content-Type': 'application/json' });
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024 && !res.destroyed) {
          sent += CHUNK.length;
          if (!res.write(CHUNK)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (scenario === 'huge-declared') {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': String(10 * 1024 * 1024),
      });
      return res.end();
    }
    json(res, 404, documentedError(404, path));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    url: `http://127.0.0.1:${port}`,
    requests,
    abandoned,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
