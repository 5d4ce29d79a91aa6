// @vitest-environment node
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { FLOW_BYTES, MAX_FLOWS, signInFlows } from './sign-in-flows.ts';

const cookie = { httpOnly: true, secure: true, sameSite: 'Lax', path: '/' } as const;

/** An app that starts a sign-in at /start?state=…&returnTo=… and takes one at /take?state=…. */
function app(secrets: string[], logs: string[] = []) {
  const flows = signInFlows({ secrets, prefix: '__Host-', cookie, log: (l) => logs.push(l) });
  const hono = new Hono();
  hono.get('/start', async (c) => {
    const state = c.req.query('state') ?? '';
    const flow = { state, nonce: 'n'.repeat(43), codeVerifier: 'v'.repeat(43) };
    await flows.save(c, { ...flow, returnTo: c.req.query('returnTo') ?? '/' });
    return c.body(null, 204);
  });
  hono.get('/take', async (c) => c.json(await flows.take(c, c.req.query('state') ?? '')));
  return hono;
}

class Jar {
  cookies = new Map<string, string>();
  async ask(hono: Hono, path: string) {
    const response = await hono.request(path, { headers: { Cookie: this.header() } });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const name = pair.slice(0, pair.indexOf('='));
      if (/max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(pair.indexOf('=') + 1));
    }
    return response;
  }
  header() {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

const state = (i: number) => `state-${String(i).padStart(3, '0')}-${'x'.repeat(30)}`;

describe('sign-in cookies', () => {
  it('are __Host- on https, keep the newest few, and each opens for its own state', async () => {
    const hono = app(['s'.repeat(32)]);
    const jar = new Jar();
    for (let i = 0; i < 8; i++) {
      await jar.ask(hono, `/start?state=${state(i)}&returnTo=${encodeURIComponent(`/?page=${i}`)}`);
      await new Promise((done) => setTimeout(done, 2)); // distinct start times
    }
    const names = [...jar.cookies.keys()];
    expect(names).toHaveLength(MAX_FLOWS);
    expect(names.every((n) => n.startsWith('__Host-sm_signin.'))).toBe(true);
    expect(await (await jar.ask(hono, `/take?state=${state(4)}`)).json()).toEqual({
      ok: false,
      why: 'missing',
    });
    const taken = (await (await jar.ask(hono, `/take?state=${state(7)}`)).json()) as {
      flow: { returnTo: string };
    };
    expect(taken.flow.returnTo).toBe('/?page=7');
    expect(jar.cookies.size).toBe(MAX_FLOWS - 1);
  });

  it('stay within FLOW_BYTES together, and open under any secret of the list', async () => {
    const jar = new Jar();
    const link = `/?q=${'long search text '.repeat(150)}`;
    for (let i = 0; i < 5; i++) {
      await jar.ask(
        app(['old'.repeat(11)]),
        `/start?state=${state(i)}&returnTo=${encodeURIComponent(link)}`,
      );
      await new Promise((done) => setTimeout(done, 2));
    }
    const bytes = [...jar.cookies].reduce((sum, [n, v]) => sum + n.length + v.length, 0);
    expect(bytes).toBeLessThanOrEqual(FLOW_BYTES);
    const rotated = app(['new'.repeat(11), 'old'.repeat(11)]);
    const taken = (await (await jar.ask(rotated, `/take?state=${state(4)}`)).json()) as {
      flow: { returnTo: string };
    };
    expect(taken.flow.returnTo).toBe(link);
    // A secret no longer listed: said so, not taken for a forgery.
    await jar.ask(app(['old'.repeat(11)]), `/start?state=${state(9)}`);
    expect(
      await (await jar.ask(app(['new'.repeat(11)]), `/take?state=${state(9)}`)).json(),
    ).toEqual({
      ok: false,
      why: 'other-secret',
    });
  });
});
