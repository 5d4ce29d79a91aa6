// @vitest-environment node
/**
 * Sign-in end to end at the HTTP level, against a real OpenID Connect provider on 127.0.0.1:
 * the round trip back to a deep link, who is refused, cookies that are tampered with, expired
 * or from an old secret, sign-out, a forged `state`, and /v1 without a session (401, and the
 * upstream never asked).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { listen, type Listening } from '../api/testing/http.ts';
import { startUpstreamStub, type UpstreamStub } from '../api/testing/upstream-stub.ts';
import { createServerApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { client, Jar } from './testing/browser.ts';
import { startMockProvider, type MockProvider } from './testing/mock-provider.ts';

const KEY = 'canary-key-in-auth-test-51b2';
const SECRET = 'a-session-secret-of-at-least-32-characters';

let provider: MockProvider;
let upstream: UpstreamStub;
let server: Listening;
let publicUrl: string;

function env(overrides: Record<string, string> = {}) {
  return {
    SIGMAMIND_API_KEY: KEY,
    SIGMAMIND_API_URL: upstream.url,
    AUTH_OIDC_ISSUER: provider.issuer,
    AUTH_OIDC_CLIENT_ID: 'dashboard',
    AUTH_OIDC_CLIENT_SECRET: 'dashboard-secret',
    PUBLIC_URL: publicUrl,
    SESSION_SECRET: SECRET,
    ALLOWED_EMAIL_DOMAINS: 'example.com',
    ALLOWED_EMAILS: 'contractor@elsewhere.org',
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}

const { get, signIn: roundTrip } = client(() => server.url);

/** Opens `path` signed out and follows the round trip through the provider; returns the landing. */
async function signIn(path: string, jar = new Jar()) {
  const result = await roundTrip(path, jar);
  const { authorize } = result;
  expect(authorize.origin).toBe(provider.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('state')).toBeTruthy();
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  expect(result.callback.startsWith('/auth/callback?')).toBe(true);
  return result;
}

beforeAll(async () => {
  provider = await startMockProvider();
  upstream = await startUpstreamStub();
  // PUBLIC_URL must name the server's port, so the app is made once the socket listens.
  const late: { app?: ReturnType<typeof createServerApp> } = {};
  server = await listen((request) => late.app!.fetch(request));
  publicUrl = server.url;
  late.app = createServerApp(loadConfig(env(), 'serve'));
});

afterAll(async () => {
  await server.close();
  await upstream.close();
  await provider.close();
});

beforeEach(() => {
  upstream.requests.length = 0;
  provider.signInAs('lead@example.com', true);
});

describe('signing in', () => {
  it('sends a signed-out deep link to the provider and lands on exactly that link', async () => {
    const started = performance.now();
    const { landing, jar } = await signIn('/?agentId=agent_1&page=3&size=50');
    const elapsed = performance.now() - started;
    expect(landing.status).toBe(303);
    expect(landing.headers.get('location')).toBe('/?agentId=agent_1&page=3&size=50');
    const session = landing.headers.getSetCookie().find((c) => c.startsWith('sm_session='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Max-Age=43200/);
    expect(session).not.toMatch(/Secure/); // PUBLIC_URL is http here
    console.log(`[auth] sign-in round trip on loopback: ${elapsed.toFixed(0)} ms`);

    const api = await get('/v1/agents', jar, { Accept: 'application/json' });
    expect(api.status).toBe(200);
    expect(upstream.requests.at(-1)?.headers['x-api-key']).toBe(KEY);
    const who = (await (await get('/auth/session', jar)).json()) as Record<string, unknown>;
    expect(who).toEqual({
      sandbox: false,
      signIn: true,
      user: { email: 'lead@example.com', name: 'QA Lead' },
    });
  });

  it('admits a listed address from another domain', async () => {
    provider.signInAs('Contractor@Elsewhere.org', true);
    expect((await signIn('/')).landing.status).toBe(303);
  });

  it('never returns anywhere but a path of this origin', async () => {
    for (const returnTo of ['https://evil.example/x', '//evil.example/x', '/\\evil.example']) {
      const jar = new Jar();
      const start = await get(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, jar);
      const authorize = new URL(start.headers.get('location') ?? '');
      const back = await fetch(authorize, { redirect: 'manual' });
      const callback = new URL(back.headers.get('location') ?? '');
      const landing = await get(`${callback.pathname}${callback.search}`, jar);
      expect(landing.headers.get('location')).toBe('/');
    }
  });
});

describe('refusals', () => {
  it('answers an address outside the allowed domains with a 403 page that names it', async () => {
    provider.signInAs('someone@other.example', true);
    const { landing, jar } = await signIn('/?agentId=agent_1');
    expect(landing.status).toBe(403);
    const page = await landing.text();
    expect(page).toContain('someone@other.example');
    expect(page).toContain('not allowed');
    expect(page).toMatch(/Sign in with another account/);
    // This provider's discovery lists no prompt values: "another account" asks it to log in again.
    const switchHref = /href="(\/auth\/login\?[^"]*account=switch)"/.exec(page)?.[1] ?? '';
    const again = await get(switchHref.replaceAll('&amp;', '&'), new Jar());
    expect(new URL(again.headers.get('location') ?? '').searchParams.get('prompt')).toBe('login');
    expect(jar.cookies.has('sm_session')).toBe(false);
    const api = await get('/v1/batch-runs?agentId=agent_1', jar, { Accept: 'application/json' });
    expect(api.status).toBe(401);
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses an address the provider says is unverified', async () => {
    provider.signInAs('lead@example.com', false);
    const { landing } = await signIn('/');
    expect(landing.status).toBe(403);
    expect(await landing.text()).toMatch(/has not verified/);
  });

  it('refuses a callback whose state does not match the one this browser started', async () => {
    const jar = new Jar();
    const start = await get('/?agentId=agent_1', jar);
    const authorize = new URL(start.headers.get('location') ?? '');
    const back = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(back.headers.get('location') ?? '');
    callback.searchParams.set('state', 'forged-state-value-0123456789');
    const landing = await get(`${callback.pathname}${callback.search}`, jar);
    expect(landing.status).toBe(400);
    expect(await landing.text()).toMatch(/not accepted/);
    expect(jar.cookies.has('sm_session')).toBe(false);
  });

  it('answers /v1 without a session with 401 JSON, never a redirect, and asks nothing upstream', async () => {
    const response = await get('/v1/batch-runs?agentId=agent_1', new Jar(), {
      Accept: 'application/json',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.json()).toMatchObject({ status: 401, error: 'Unauthorized' });
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a tampered cookie, an expired one and one sealed with an old secret', async () => {
    const { jar } = await signIn('/');
    const good = jar.cookies.get('sm_session') ?? '';
    const tampered = new Jar();
    const flipped = good.at(-5) === 'A' ? 'B' : 'A';
    tampered.cookies.set('sm_session', `${good.slice(0, -5)}${flipped}${good.slice(-4)}`);
    expect((await get('/v1/agents', tampered)).status).toBe(401);

    // 13 hours later, past the 12-hour session: only the clock is faked, not the network.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 13 * 3600 * 1000);
    expect((await get('/v1/agents', jar)).status).toBe(401);
    vi.useRealTimers();
    expect((await get('/v1/agents', jar)).status).toBe(200);

    // Rotating SESSION_SECRET: the same cookie means nothing to a server with the new secret.
    const rotated = createServerApp(
      loadConfig(env({ SESSION_SECRET: `${SECRET}-rotated` }), 'serve'),
    );
    const response = await rotated.fetch(
      new Request(`${server.url}/v1/agents`, { headers: { Cookie: jar.header() } }),
    );
    expect(response.status).toBe(401);
    expect(upstream.requests.filter((r) => r.url.startsWith('/v1/agents'))).toHaveLength(1);
  });
});

describe('ending sessions', () => {
  it('SESSION_NOT_BEFORE ends sessions issued before it; later ones go on', async () => {
    const { jar } = await signIn('/');
    // A few milliseconds on, so the session (its time in whole seconds) was issued before now.
    await new Promise((done) => setTimeout(done, 5));
    const at = (ms: number) => new Date(ms).toISOString();
    const app = (notBefore: string) =>
      createServerApp(loadConfig(env({ SESSION_NOT_BEFORE: notBefore }), 'serve'));
    const ask = (a: ReturnType<typeof app>) =>
      a.fetch(new Request(`${server.url}/v1/agents`, { headers: { Cookie: jar.header() } }));
    const ended = await ask(app(at(Date.now())));
    expect(ended.status).toBe(401);
    expect(await ended.json()).toMatchObject({ message: 'Your session has ended; sign in again' });
    expect(ended.headers.get('WWW-Authenticate')).toMatch(/error="invalid_token"/);
    expect((await ask(app(at(Date.now() - 60_000)))).status).toBe(200);
  });

  it('asks someone who never had a session to sign in, without saying it ended', async () => {
    const response = await get('/v1/agents', new Jar(), { Accept: 'application/json' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Sign in to read this workspace' });
    expect(response.headers.get('WWW-Authenticate')).not.toMatch(/invalid_token/);
  });
});

describe('signing out', () => {
  it('clears the cookie and ends the provider session', async () => {
    const { jar } = await signIn('/');
    const idle = await fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: jar.header(), Origin: 'https://evil.example' },
    });
    expect(idle.status).toBe(403); // a cross-site form cannot sign anyone out

    const out = await fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: jar.header(), Origin: publicUrl },
    });
    jar.take(out);
    expect(out.status).toBe(303);
    const endSession = new URL(out.headers.get('location') ?? '');
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(
      `${publicUrl}/auth/signed-out`,
    );
    expect(jar.cookies.has('sm_session')).toBe(false);
    expect((await get('/v1/agents', jar)).status).toBe(401);
    const signedOut = await get('/auth/signed-out', jar);
    expect(signedOut.status).toBe(200);
    expect(await signedOut.text()).toMatch(/signed out/);
  });
});

describe('what needs no sign-in', () => {
  it('answers /healthz, /readyz, /statusz and /auth/session without a session, with no data', async () => {
    const jar = new Jar();
    expect(await (await get('/healthz', jar)).json()).toEqual({ ok: true });
    const ready = await get('/readyz', jar);
    expect(ready.status).toBe(200);
    expect(Object.keys((await ready.json()) as object).sort()).toEqual(['ready', 'serverRender']);
    expect((await get('/statusz', jar)).status).toBe(200);
    expect(await (await get('/auth/session', jar)).json()).toEqual({
      sandbox: false,
      signIn: true,
      user: null,
    });
  });
});
