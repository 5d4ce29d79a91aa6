/**
 * Starts the production server (server/app.ts) on the sandbox, on a random port of
 * 127.0.0.1, for the Lighthouse check and the bench. DIST_DIR picks the build (default dist/).
 * `env` replaces the settings' defaults: with SIGMAMIND_API_KEY and SIGMAMIND_API_URL it
 * forwards to an upstream instead (bench/delayed-upstream.ts).
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { loadConfig } from '../server/config.ts';
import { createServerApp } from '../server/app.ts';

export interface RunningServer {
  origin: string;
  close: () => Promise<void>;
}

export async function startProductionServer(
  env: Record<string, string> = { SANDBOX: '1' },
): Promise<RunningServer> {
  const distDir = resolve(process.env.DIST_DIR?.trim() || 'dist');
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`No build in ${distDir}: run \`npm run build\` first.`);
  }
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env }, 'serve');
  const app = createServerApp(config, { distDir });
  return new Promise((done) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
      const { port } = server.address() as AddressInfo;
      done({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((closed) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}
