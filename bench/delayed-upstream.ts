/**
 * A stand-in for the SigmaMind API 150 ms away: the sandbox's own app (realistic data, the same
 * X-API-Key check and error bodies) behind a loopback port that holds every answer for `delayMs`
 * before computing it. The production server reaches it with SIGMAMIND_API_KEY set to the
 * sandbox's key and SIGMAMIND_API_URL pointing here, so it forwards as it would in production.
 */
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import { SANDBOX_API_KEY, createSandboxApp } from '../server/sandbox/app.ts';
import type { RunningServer } from './server.ts';

export interface DelayedUpstream extends RunningServer {
  /** What the production server needs in its environment to forward here. */
  env: Record<string, string>;
}

export async function startDelayedUpstream(delayMs: number): Promise<DelayedUpstream> {
  const sandbox = createSandboxApp();
  const fetch = async (request: Request) => {
    await sleep(delayMs);
    return sandbox.fetch(request);
  };
  return new Promise((done) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => {
      const { port } = server.address() as AddressInfo;
      const origin = `http://127.0.0.1:${port}`;
      done({
        origin,
        env: { SIGMAMIND_API_KEY: SANDBOX_API_KEY, SIGMAMIND_API_URL: origin },
        close: () =>
          new Promise<void>((closed) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}
