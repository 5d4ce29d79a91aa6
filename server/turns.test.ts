import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { takingTurns, Turns } from './turns.ts';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const request = (path: string) => new Request(`http://dashboard.test${path}`);

describe('Turns', () => {
  it('resumes one request per turn of the event loop, first come first served', async () => {
    const turns = new Turns();
    const started: string[] = [];
    const all = ['a', 'b', 'c'].map((name) =>
      turns.take(request(`/${name}`)).then(() => started.push(name)),
    );
    expect(started).toEqual([]);
    await turn();
    expect(started).toEqual(['a']);
    await turn();
    expect(started).toEqual(['a', 'b']);
    await Promise.all(all);
    expect(started).toEqual(['a', 'b', 'c']);
    expect(turns.waiting).toBe(0);
  });

  it('notes how many requests were waiting when each arrived, and how long it waited', async () => {
    const turns = new Turns();
    const [first, second, third] = ['/1', '/2', '/3'].map(request);
    await Promise.all([first!, second!, third!].map((r) => turns.take(r)));
    expect([first, second, third].map((r) => turns.queued(r!)?.ahead)).toEqual([0, 1, 2]);
    expect(turns.queued(third!)?.waitedMs).toBeGreaterThanOrEqual(0);
    expect(turns.queued(request('/never'))).toBeUndefined();
  });
});

describe('takingTurns', () => {
  it('lets health probes through at once and queues everything else', async () => {
    const turns = new Turns();
    const seen: string[] = [];
    const fetch = takingTurns((r: Request) => {
      seen.push(new URL(r.url).pathname);
      return new Response('ok');
    }, turns);
    const answers = ['/', '/healthz', '/readyz?verbose=1', '/v1/batch-runs'].map((path) =>
      fetch(request(path), {}),
    );
    await Promise.resolve();
    expect(seen).toEqual(['/healthz', '/readyz']);
    await Promise.all(answers);
    expect(seen).toEqual(['/healthz', '/readyz', '/', '/v1/batch-runs']);
  });
});

/**
 * The reason for Turns: on a busy server, new connections must not wait for many turns each.
 * BUSY keep-alive clients keep the process busy (each request burns a few ms of CPU); then
 * FRESH connections open at once. Counted in requests, not in time: while the fresh requests
 * wait to be read, how many busy requests does the server answer? Taking turns, about what was
 * already waiting (BUSY) plus the fresh ones; without, each turn admits about one new
 * connection and runs every busy request in it, so it is several times that.
 */
describe('a busy server taking turns', () => {
  const BUSY = 8;
  const FRESH = 20;
  const BURN_MS = 4;
  let server: ServerType | undefined;
  afterEach(() => {
    server?.close();
    if (server && 'closeAllConnections' in server) server.closeAllConnections();
  });

  async function busyRequestsWhileFreshWait(withTurns: boolean): Promise<number> {
    // withTurns false is how the figure without Turns in the test below was measured.
    let busyAnswered = 0;
    let freshAnswered = 0;
    let counting = false;
    let busyDuringWait = 0;
    const app = (r: Request) => {
      if (new URL(r.url).pathname === '/busy') {
        const until = performance.now() + BURN_MS;
        while (performance.now() < until);
        busyAnswered += 1;
        if (counting) busyDuringWait += 1;
      } else {
        freshAnswered += 1;
        if (freshAnswered === FRESH) counting = false;
      }
      return new Response('ok');
    };
    const port = await new Promise<number>((resolve) => {
      server = serve(
        { fetch: withTurns ? takingTurns(app, new Turns()) : app, hostname: '127.0.0.1', port: 0 },
        (info: AddressInfo) => resolve(info.port),
      );
    });
    const base = `http://127.0.0.1:${port}`;
    let stop = false;
    const busy = Array.from({ length: BUSY }, async () => {
      while (!stop) await (await fetch(`${base}/busy`)).text();
    });
    while (busyAnswered < BUSY * 5) await new Promise((resolve) => setTimeout(resolve, 10));

    const sockets = await Promise.all(
      Array.from(
        { length: FRESH },
        () =>
          new Promise<ReturnType<typeof connect>>((resolve) => {
            const socket = connect(port, '127.0.0.1', () => resolve(socket));
          }),
      ),
    );
    counting = true;
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.on('data', () => {});
            socket.on('end', resolve);
            socket.write('GET /fresh HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
          }),
      ),
    );
    stop = true;
    await Promise.all(busy);
    return busyDuringWait;
  }

  it('reads new connections within about one line of waiting requests', async () => {
    // Measured: 21 taking turns; 80 (BUSY × FRESH) with the app's fetch called directly.
    expect(await busyRequestsWhileFreshWait(true)).toBeLessThanOrEqual(2 * (BUSY + FRESH));
  }, 30_000);
});
