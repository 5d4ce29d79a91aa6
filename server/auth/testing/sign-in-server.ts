/**
 * A production server app with sign-in on 127.0.0.1 for the server's sign-in tests, on the
 * sandbox (no key), with its warnings collected. `replace` swaps the app behind the same port
 * (a replica restarted with new settings); `replicas` serves two apps round-robin behind one
 * port, as a load balancer would.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { listen, type Listening } from '../../api/testing/http.ts';
import { createServerApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';

export const SECRET = 'a-session-secret-of-at-least-32-characters';

export interface SignInServer {
  url: string;
  logs: string[];
  env: (overrides?: Record<string, string>) => Record<string, string>;
  /** Runs `count` replicas round-robin with these settings each (one `replace` per replica). */
  replace: (...overrides: Record<string, string>[]) => void;
  /** Restarts replica `index` with these settings; the others keep running. */
  roll: (index: number, overrides: Record<string, string>) => void;
  close: () => Promise<void>;
}

export async function startSignInServer(
  issuer: string,
  overrides: Record<string, string> = {},
): Promise<SignInServer> {
  const logs: string[] = [];
  const logger = pino(
    { level: 'warn', base: undefined },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push((JSON.parse(chunk.toString()) as { msg: string }).msg);
        done();
      },
    }),
  );
  let apps: ReturnType<typeof createServerApp>[] = [];
  let turn = 0;
  const server: Listening = await listen((request) => {
    turn = (turn + 1) % apps.length;
    return apps[turn]!.fetch(request);
  });
  const env = (more: Record<string, string> = {}) => ({
    SANDBOX: '1',
    AUTH_OIDC_ISSUER: issuer,
    AUTH_OIDC_CLIENT_ID: 'dashboard',
    AUTH_OIDC_CLIENT_SECRET: 'dashboard-secret',
    PUBLIC_URL: server.url,
    SESSION_SECRET: SECRET,
    ALLOWED_EMAIL_DOMAINS: 'example.com',
    ...overrides,
    ...more,
  });
  const replace = (...each: Record<string, string>[]) => {
    const settings = each.length > 0 ? each : [{}];
    apps = settings.map((more) => createServerApp(loadConfig(env(more), 'serve'), { logger }));
  };
  const roll = (index: number, more: Record<string, string>) => {
    apps[index] = createServerApp(loadConfig(env(more), 'serve'), { logger });
  };
  replace();
  return { url: server.url, logs, env, replace, roll, close: () => server.close() };
}
