/**
 * The production server (`npm run serve` after `npm run build`): serves dist/ and the /v1
 * forwarder from one stateless process (server/app.ts). It refuses to start on unsafe or
 * ambiguous settings (server/config.ts), and on SIGTERM stops accepting, lets what is in
 * flight finish (10 s at most) and exits 0.
 */
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createLogger, createServerApp } from './app.ts';
import {
  ConfigError,
  configWarnings,
  describeApiTarget,
  loadConfig,
  type ServerConfig,
} from './config.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_DIST_DIR = resolve(REPO_ROOT, 'dist');
const SHUTDOWN_GRACE_MS = 10_000;

function start(): void {
  let config: ServerConfig;
  try {
    config = loadConfig(process.env, 'serve');
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  // DIST_DIR (relative to the repo root) lets parallel e2e runs each serve their own build.
  const distDir = resolve(REPO_ROOT, config.distDir);
  if (!existsSync(join(distDir, 'index.html'))) {
    console.error(`No build in ${distDir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  for (const warning of configWarnings(config)) logger.warn(warning);
  const app = createServerApp(config, { distDir, logger });
  const server: ServerType = serve(
    { fetch: app.fetch, hostname: config.host, port: config.port },
    (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const signIn = config.auth ? `sign-in via ${config.auth.issuer}` : 'no sign-in';
      // Printed whatever LOG_LEVEL says: scripts and operators wait for this line.
      console.log(
        `Serving ${distDir} on http://${host}:${info.port}/ — ${describeApiTarget(config)}; ${signIn}`,
      );
    },
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(
      `${signal}: no new connections; finishing open requests (${SHUTDOWN_GRACE_MS / 1000} s at most)`,
    );
    server.close(() => {
      logger.info('Stopped');
      process.exit(0);
    });
    // Keep-alive connections that finish their request become idle: close them as they do.
    const idle = setInterval(() => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }, 100);
    idle.unref();
    setTimeout(() => {
      logger.warn('Grace period over: closing the connections still open');
      if ('closeAllConnections' in server) server.closeAllConnections();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

// Started as a script (tsx server/serve.ts); imported by tests, it starts nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  start();
}
