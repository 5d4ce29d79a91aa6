/**
 * The set-up every sign-in test file shares: a mock provider and a sign-in server started
 * before the file's (or describe block's) tests and closed after them, with the browser-like
 * client bound to that server. Read `provider` and `server` inside tests (they exist once the
 * hooks have run).
 */
import { afterAll, beforeAll } from 'vitest';
import { client } from './browser.ts';
import { startMockProvider, type MockProvider, type MockProviderOptions } from './mock-provider.ts';
import { startSignInServer, type SignInServer } from './sign-in-server.ts';

export function signInHarness(options: MockProviderOptions = {}) {
  let provider: MockProvider | undefined;
  let server: SignInServer | undefined;
  beforeAll(async () => {
    provider = await startMockProvider(0, options);
    server = await startSignInServer(provider.issuer);
  });
  afterAll(async () => {
    await server?.close();
    await provider?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the sign-in harness has not started yet');
    return value;
  };
  return {
    ...client(() => started(server).url),
    get provider() {
      return started(provider);
    },
    get server() {
      return started(server);
    },
  };
}
