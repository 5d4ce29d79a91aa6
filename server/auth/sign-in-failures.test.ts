// @vitest-environment node
/**
 * Each way a sign-in fails says its own cause (issue 19, item 2) and keeps the opened link;
 * `state` is checked before any provider text is shown (item 10); abandoned sign-ins cannot
 * fill the Cookie header, and a long link still signs in (item 10).
 */
import { createServer, type Server } from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import { closedPort } from '../api/testing/upstream-stub.ts';
import { metrics } from '../metrics.ts';
import { Jar } from './testing/browser.ts';
import { startMockProvider } from './testing/mock-provider.ts';
import { signInHarness } from './testing/sign-in-harness.ts';

const h = signInHarness();
const { get, throughProvider, signIn } = h;
const LINK = '/?agentId=agent_D5D0p7TUs66TTAEAx&outcome=failed&since=2026-11-01';

beforeEach(() => {
  h.server.replace();
  h.server.logs.length = 0;
  h.provider.signInAs('lead@example.com', true);
  h.provider.claimIssuer(null);
});

/** The sign-in metric's count for one outcome. */
async function signIns(outcome: string): Promise<number> {
  const { values } = await metrics.signIns.get();
  return values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
}

/** The page's "Try again" link, which must come back to the opened link. */
function tryAgain(page: string): string {
  const href = /href="(\/auth\/login\?[^"]*)"\s*>Try again/.exec(page)?.[1] ?? '';
  return new URLSearchParams(href.replaceAll('&amp;', '&').split('?')[1]).get('returnTo') ?? '';
}

describe('the real cause, on the page and in the log', () => {
  it('a provider that cannot be reached', async () => {
    h.server.replace({ AUTH_OIDC_ISSUER: `http://127.0.0.1:${await closedPort()}` });
    const response = await get(LINK, new Jar());
    expect(response.status).toBe(502);
    const page = await response.text();
    expect(page).toMatch(/could not be reached/);
    expect(tryAgain(page)).toBe(LINK);
    expect(h.server.logs).toContainEqual(expect.stringMatching(/provider could not be reached/));
  });

  it('a provider that does not answer in AUTH_OIDC_TIMEOUT_MS', async () => {
    const hung: Server = createServer(() => {});
    await new Promise<void>((done) => hung.listen(0, '127.0.0.1', done));
    const { port } = hung.address() as { port: number };
    try {
      h.server.replace({
        AUTH_OIDC_ISSUER: `http://127.0.0.1:${port}`,
        AUTH_OIDC_TIMEOUT_MS: '300',
      });
      const response = await get(LINK, new Jar());
      expect(response.status).toBe(504);
      const page = await response.text();
      expect(page).toMatch(/did not answer within 0.3 seconds/);
      expect(tryAgain(page)).toBe(LINK);
      expect(h.server.logs).toContainEqual(expect.stringMatching(/AUTH_OIDC_TIMEOUT_MS=300/));
    } finally {
      hung.closeAllConnections();
      hung.close();
    }
  });

  it('a provider that goes down during the callback: unreachable, not "could not be verified"', async () => {
    const down = await startMockProvider();
    h.server.replace({ AUTH_OIDC_ISSUER: down.issuer });
    const jar = new Jar();
    const { callback } = await throughProvider(LINK, jar);
    await down.close();
    const counted = await signIns('provider_unreachable');
    const landing = await get(callback, jar);
    expect(landing.status).toBe(502);
    expect(await signIns('provider_unreachable')).toBe(counted + 1);
    const page = await landing.text();
    expect(page).toMatch(/could not be reached/);
    expect(page).not.toMatch(/could not be verified/);
    expect(tryAgain(page)).toBe(LINK);
    expect(h.server.logs).toContainEqual(
      expect.stringMatching(/could not be reached while completing a sign-in/),
    );
  });

  it('a token endpoint that hangs during the callback: stopped after AUTH_OIDC_TIMEOUT_MS', async () => {
    // A provider whose discovery names a token endpoint that never answers.
    const hung: Server = createServer((req, res) => {
      if (req.url !== '/.well-known/openid-configuration') return; // hang
      void fetch(`${h.provider.issuer}/.well-known/openid-configuration`)
        .then((r) => r.json())
        .then((document: Record<string, unknown>) => {
          const { port } = hung.address() as { port: number };
          const self = `http://127.0.0.1:${port}`;
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify({ ...document, issuer: self, token_endpoint: `${self}/token` }));
        });
    });
    await new Promise<void>((done) => hung.listen(0, '127.0.0.1', done));
    const { port } = hung.address() as { port: number };
    try {
      h.server.replace({
        AUTH_OIDC_ISSUER: `http://127.0.0.1:${port}`,
        AUTH_OIDC_TIMEOUT_MS: '400',
      });
      const jar = new Jar();
      const { callback } = await throughProvider(LINK, jar);
      const landing = await get(callback, jar);
      expect(landing.status).toBe(504);
      const page = await landing.text();
      expect(page).toMatch(/did not answer within 0.4 seconds/);
      expect(tryAgain(page)).toBe(LINK);
      expect(h.server.logs).toContainEqual(
        expect.stringMatching(/did not answer within AUTH_OIDC_TIMEOUT_MS=400 while completing/),
      );
    } finally {
      hung.closeAllConnections();
      hung.close();
    }
  });

  it('an issuer that differs from AUTH_OIDC_ISSUER, naming both', async () => {
    h.provider.claimIssuer(`${h.provider.issuer}/`.replace('127.0.0.1', 'localhost'));
    const response = await get(LINK, new Jar());
    expect(response.status).toBe(502);
    const page = await response.text();
    expect(page).toMatch(/Sign-in is misconfigured/);
    const both = new RegExp(
      `issuer.*${h.provider.issuer.replace('127.0.0.1', 'localhost')}/.*AUTH_OIDC_ISSUER is.*${h.provider.issuer}`,
    );
    expect(page.replaceAll('&quot;', '"')).toMatch(both);
    expect(tryAgain(page)).toBe(LINK);
    expect(h.server.logs).toContainEqual(
      expect.stringMatching(/issuer mismatch.*AUTH_OIDC_ISSUER/),
    );
  });

  it('a code the provider refuses', async () => {
    h.provider.refuseNextCode();
    const counted = await signIns('code_refused');
    const { landing } = await signIn(LINK);
    expect(landing.status).toBe(400);
    expect(await signIns('code_refused')).toBe(counted + 1);
    const page = await landing.text();
    expect(page).toMatch(/refused to complete this sign-in/);
    expect(tryAgain(page)).toBe(LINK);
    expect(h.server.logs).toContainEqual(expect.stringMatching(/refused the code.*invalid_grant/));
  });

  it('a sign-in started under a secret this server no longer holds', async () => {
    const jar = new Jar();
    const { callback } = await throughProvider(LINK, jar);
    h.server.replace({ SESSION_SECRET: 'a-new-session-secret-of-32-characters-or-more' });
    const landing = await get(callback, jar);
    expect(landing.status).toBe(400);
    expect(await landing.text()).toMatch(/session secret this server no longer holds/);
    expect(h.server.logs).toContainEqual(
      expect.stringMatching(/sealed with a secret not in SESSION_SECRET/),
    );
  });

  it('a callback no sign-in in this browser started', async () => {
    const { callback } = await throughProvider(LINK, new Jar());
    const counted = await signIns('bad_state');
    const landing = await get(callback, new Jar());
    expect(landing.status).toBe(400);
    expect(await signIns('bad_state')).toBe(counted + 1);
    expect(await landing.text()).toMatch(/does not belong to a sign-in started in this browser/);
    expect(h.server.logs).toContainEqual(expect.stringMatching(/no sign-in cookie for its state/));
  });
});

describe('the callback checks state before showing the provider’s words', () => {
  const injected = 'Your account is locked. Call +1 555 0100 to unlock it';

  it('shows no provider text for a state this browser did not start', async () => {
    const query = new URLSearchParams({
      error: 'access_denied',
      error_description: injected,
      state: 'a-state-nobody-started-0123456789',
    });
    const response = await get(`/auth/callback?${query}`, new Jar());
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).not.toContain('locked');
    expect(page).not.toContain('access_denied');
  });

  it('shows it, escaped, for this browser’s sign-in, with Try again back to the link', async () => {
    const jar = new Jar();
    const start = await get(LINK, jar);
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const query = new URLSearchParams({
      error: 'access_denied',
      error_description: `${injected} <b>now</b>`,
      state,
    });
    const page = await (await get(`/auth/callback?${query}`, jar)).text();
    expect(page).toContain(`${injected} &lt;b&gt;now&lt;/b&gt;`);
    expect(tryAgain(page)).toBe(LINK);
  });
});

describe('sign-in cookies stay bounded', () => {
  /** Incompressible text, as a link's random ids would be. */
  const noise = (length: number) =>
    Array.from(
      { length },
      () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)],
    ).join('');

  it('20 abandoned sign-ins with long links leave a small Cookie header, and / still answers', async () => {
    const jar = new Jar();
    const sizes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const returnTo = `/?agentId=agent_1&q=${noise(2600)}`;
      const started = await get(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, jar);
      expect(started.status).toBe(302);
      sizes.push(jar.header().length);
    }
    const signInCookies = [...jar.cookies.keys()].filter((name) => name.startsWith('sm_signin'));
    console.log(
      `[auth] Cookie header after 20 abandoned long sign-ins: ${sizes.at(-1)} B (max ${Math.max(...sizes)} B), ${signInCookies.length} sign-in cookies`,
    );
    expect(signInCookies.length).toBeLessThanOrEqual(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4000 + 10);
    expect((await get('/', jar)).status).toBe(302);
    // And the newest of them still completes.
    const { landing } = await signIn('/?agentId=agent_1', jar);
    expect(landing.status).toBe(303);
  });

  it('keeps the newest three short sign-ins (three tabs), each completing', async () => {
    const jar = new Jar();
    const callbacks = [];
    for (const page of [1, 2, 3, 4])
      callbacks.push((await throughProvider(`/?page=${page}`, jar)).callback);
    expect([...jar.cookies.keys()].filter((n) => n.startsWith('sm_signin'))).toHaveLength(3);
    expect((await get(callbacks[0] ?? '', jar)).status).toBe(400); // the oldest was dropped
    for (const [i, callback] of callbacks.slice(1).entries()) {
      const landing = await get(callback, jar);
      expect(landing.status).toBe(303);
      expect(landing.headers.get('location')).toBe(`/?page=${i + 2}`);
    }
  });

  it('a shared link of 2,800+ characters signs in and lands on it', async () => {
    const words = 'caller asks to move the appointment to next tuesday afternoon ';
    const link = `/?agentId=agent_D5D0p7TUs66TTAEAx&outcome=failed&q=${encodeURIComponent(words.repeat(40))}`;
    expect(link.length).toBeGreaterThan(2800);
    const { landing, jar } = await signIn(link);
    expect(landing.status).toBe(303);
    expect(landing.headers.get('location')).toBe(link);
    expect(jar.cookies.has('sm_session')).toBe(true);
  });

  it('an incompressible 3,000-character link still signs in, to its path', async () => {
    const link = `/?agentId=agent_1&q=${noise(3000)}`;
    const { landing, jar } = await signIn(link);
    expect(landing.status).toBe(303);
    expect(landing.headers.get('location')).toBe('/');
    expect(jar.cookies.has('sm_session')).toBe(true);
    expect(h.server.logs).toContainEqual(
      expect.stringMatching(/too long to carry through sign-in/),
    );
  });
});
