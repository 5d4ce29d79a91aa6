// @vitest-environment node
/**
 * Claims from any standard provider (issue 19, item 1) and who is admitted (item 10): `email`
 * from userinfo when the ID token has none (its `sub` checked), no email claim said plainly,
 * `email_verified` only as boolean true, malformed addresses refused, `prompt` from discovery,
 * and an ID token too large for the session cookie left out of it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Jar } from './testing/browser.ts';
import { signInHarness } from './testing/sign-in-harness.ts';

describe('a provider that serves email from userinfo only (OIDC Core 5.4)', () => {
  const h = signInHarness({ emailIn: 'userinfo' });
  const { get, signIn } = h;
  beforeEach(() => {
    h.provider.signInAs('lead@example.com', true);
    h.server.logs.length = 0;
  });

  it('signs in with the userinfo address and lands on the opened link', async () => {
    const { landing, jar } = await signIn('/?agentId=agent_D5D0p7TUs66TTAEAx&outcome=failed');
    expect(landing.status).toBe(303);
    expect(landing.headers.get('location')).toBe(
      '/?agentId=agent_D5D0p7TUs66TTAEAx&outcome=failed',
    );
    const who = (await (await get('/auth/session', jar)).json()) as { user: unknown };
    expect(who.user).toEqual({ email: 'lead@example.com', name: 'QA Lead' });
  });

  it('refuses userinfo for another subject than the ID token’s', async () => {
    h.provider.signInAs('lead@example.com', true, { userinfoSub: 'someone-else' });
    const { landing, jar } = await signIn('/');
    expect(landing.status).toBe(400);
    expect(await landing.text()).toMatch(/could not be verified/);
    expect(jar.cookies.has('sm_session')).toBe(false);
    expect(h.server.logs.join('\n')).toMatch(/did not verify/);
  });

  it('says that the provider sent no email claim, and what to configure', async () => {
    h.provider.signInAs(null, undefined);
    const { landing } = await signIn('/?agentId=agent_1');
    expect(landing.status).toBe(403);
    const page = await landing.text();
    expect(page).toMatch(/sent no email claim/);
    expect(page).toMatch(/release the <code>email<\/code> claim/);
    expect(page).not.toMatch(/\(no address\)/);
    expect(h.server.logs).toContainEqual(
      expect.stringMatching(/provider sent no email claim.*release the "email" claim.*dashboard/),
    );
  });
});

describe('what the ID token says', () => {
  const h = signInHarness({ promptValues: ['none', 'login', 'consent', 'select_account'] });
  const { get, signIn } = h;
  beforeEach(() => {
    h.server.replace();
    h.server.logs.length = 0;
  });

  it('accepts email_verified only as boolean true', async () => {
    for (const claim of ['false', 'true', 1, null, false]) {
      h.provider.signInAs('lead@example.com', claim);
      const { landing, jar } = await signIn('/');
      expect(landing.status, JSON.stringify(claim)).toBe(403);
      expect(jar.cookies.has('sm_session')).toBe(false);
    }
    h.provider.signInAs('lead@example.com', true);
    expect((await signIn('/')).landing.status).toBe(303);
  });

  it('admits an absent email_verified only under ALLOW_UNVERIFIED_EMAIL=true', async () => {
    h.provider.signInAs('lead@example.com', undefined);
    const refused = (await signIn('/')).landing;
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(
      /does not say whether it has verified.*ALLOW_UNVERIFIED_EMAIL/s,
    );
    h.server.replace({ ALLOW_UNVERIFIED_EMAIL: 'true' });
    expect((await signIn('/')).landing.status).toBe(303);
  });

  it('refuses addresses that are not one address, whatever their ending', async () => {
    for (const email of [
      '@example.com',
      'a@evil.org@example.com',
      'a b@example.com',
      'example.com',
    ]) {
      h.provider.signInAs(email, true);
      const { landing, jar } = await signIn('/');
      expect(landing.status, email).toBe(403);
      expect(jar.cookies.has('sm_session')).toBe(false);
    }
  });

  it('asks for select_account where discovery lists it', async () => {
    h.provider.signInAs('visitor@other.example', true);
    const page = await (await signIn('/?agentId=agent_1')).landing.text();
    const href = /href="(\/auth\/login\?[^"]*account=switch)"/.exec(page)?.[1] ?? '';
    expect(href).toContain(encodeURIComponent('/?agentId=agent_1'));
    const again = await get(href.replaceAll('&amp;', '&'), new Jar());
    const authorize = new URL(again.headers.get('location') ?? '');
    expect(authorize.searchParams.get('prompt')).toBe('select_account');
  });

  it('keeps a 3 kB ID token out of the session cookie, which stays small and works', async () => {
    const groups = Array.from({ length: 60 }, (_, i) => `team-${i}-quality-assurance-group`);
    h.provider.signInAs('lead@example.com', true, { extra: { groups } });
    const { landing, jar } = await signIn('/');
    expect(landing.status).toBe(303);
    const set = landing.headers.getSetCookie().find((c) => c.startsWith('sm_session=')) ?? '';
    const value = /^sm_session=([^;]*)/.exec(set)?.[1] ?? '';
    const idTokenBytes = h.provider.lastIdToken().length;
    console.log(`[auth] ID token ${idTokenBytes} B; session cookie ${value.length} B`);
    expect(idTokenBytes).toBeGreaterThan(2300);
    expect(value.length).toBeGreaterThan(0);
    expect(value.length).toBeLessThan(2800);
    expect((await get('/v1/agents', jar, { Accept: 'application/json' })).status).toBe(200);
    // Sign-out still ends the provider's session, naming the client instead of the token.
    const out = await fetch(`${h.server.url}/auth/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: jar.header(), Origin: h.server.url },
    });
    const endSession = new URL(out.headers.get('location') ?? '');
    expect(endSession.searchParams.get('client_id')).toBe('dashboard');
    expect(endSession.searchParams.get('id_token_hint')).toBeNull();
  });
});
