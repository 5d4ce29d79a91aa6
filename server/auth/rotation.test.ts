// @vitest-environment node
/**
 * Rolling rotation of SESSION_SECRET across two replicas behind one round-robin port (issue 19,
 * item 4), step by step as the README says: add the new secret second, roll; swap, roll; drop
 * the old, roll. People keep reading and new people sign in throughout, some of them across a
 * restart: no 401, no failed sign-in; old cookies open, and at the end every session is sealed
 * with the new secret alone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cookieSealer } from './sealed-cookie.ts';
import { client, Jar } from './testing/browser.ts';
import { startMockProvider, type MockProvider } from './testing/mock-provider.ts';
import { startSignInServer, type SignInServer } from './testing/sign-in-server.ts';

const OLD = 'the-old-session-secret-0123456789abcdef';
const NEW = 'the-new-session-secret-fedcba9876543210';

let provider: MockProvider;
let server: SignInServer;
const { get, throughProvider, signIn } = client(() => server.url);

beforeAll(async () => {
  provider = await startMockProvider();
  server = await startSignInServer(provider.issuer, { SESSION_SECRET: OLD });
  server.replace({}, {}); // two replicas, round-robin
});
afterAll(async () => {
  await server.close();
  await provider.close();
});

it('rotates with no 401 and no failed sign-in', async () => {
  const figures = { requests: 0, unauthorized: 0, otherFailures: 0, signIns: 0, failedSignIns: 0 };
  const readers: Jar[] = [];

  async function read(jar: Jar) {
    for (let i = 0; i < 4; i++) {
      const response = await get('/v1/agents', jar, { Accept: 'application/json' });
      figures.requests += 1;
      if (response.status === 401) figures.unauthorized += 1;
      else if (response.status !== 200) figures.otherFailures += 1;
    }
  }
  async function finish(jar: Jar, callback: string) {
    figures.signIns += 1;
    const landing = await get(callback, jar);
    if (landing.status !== 303 || !jar.cookies.has('sm_session')) figures.failedSignIns += 1;
    else readers.push(jar);
  }

  const steps: [string, string][] = [
    [`${OLD},${NEW}`, `${OLD},${NEW}`], // add the new secret second, roll
    [`${NEW},${OLD}`, `${NEW},${OLD}`], // swap, roll
    [NEW, NEW], // drop the old, roll
  ];
  // Signed in before the rotation starts.
  for (let i = 0; i < 3; i++) {
    const jar = new Jar();
    await finish(jar, (await throughProvider('/', jar)).callback);
  }
  expect(figures).toMatchObject({ signIns: 3, failedSignIns: 0 });
  figures.signIns = 0;
  for (const jar of readers) await read(jar);
  const before = readers.map((jar) => jar.cookies.get('sm_session'));

  for (const [first, second] of steps) {
    for (const [replica, secret] of [first, second].entries()) {
      // A sign-in started before this replica restarts and finished after it.
      const pending = new Jar();
      const { callback } = await throughProvider('/?agentId=agent_1', pending);
      server.roll(replica, { SESSION_SECRET: secret });
      await finish(pending, callback);
      for (const jar of readers) await read(jar);
      const fresh = await signIn('/');
      figures.signIns += 1;
      if (fresh.landing.status !== 303) figures.failedSignIns += 1;
      else readers.push(fresh.jar);
    }
  }

  console.log(`[auth] rolling rotation over 2 replicas: ${JSON.stringify(figures)}`);
  expect(figures).toMatchObject({ unauthorized: 0, otherFailures: 0, failedSignIns: 0 });
  expect(figures.requests).toBeGreaterThan(100);
  expect(figures.signIns).toBe(12);

  // The first sessions were sealed with the old secret and now open with the new one alone.
  const oldOnly = cookieSealer(OLD, 'session');
  const newOnly = cookieSealer(NEW, 'session');
  for (const value of before) expect(await oldOnly.open(value)).not.toBeNull();
  for (const jar of readers) {
    const value = jar.cookies.get('sm_session');
    expect(await newOnly.open(value)).not.toBeNull();
    expect(await oldOnly.open(value)).toBeNull();
  }
});
