/**
 * The production server: `node dist-server/server/serve.js` (compiled by `npm run build`;
 * `npm run serve` execs exactly that). It serves dist/ and the /v1 forwarder from one stateless
 * process (server/app.ts) and refuses to start on unsafe or ambiguous settings
 * (server/config.ts). On SIGTERM (or SIGINT) it drains: /readyz answers 503 at once while
 * requests are still served for DRAIN_DELAY_MS, so balancers take it out; then the port closes,
 * open requests finish (10 s at most) and it exits 0.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
import type { Lifecycle } from './health.ts';
import { takingTurns, Turns } from './turns.ts';

/** The repository (the folder with package.json), from server/ or from dist-server/server/. */
export function repoRootFrom(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const REPO_ROOT = repoRootFrom(import.meta.url);
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
  const lifecycle: Lifecycle = { draining: false };
  const turns = new Turns();
  const app = createServerApp(config, { distDir, logger, lifecycle, turns });
  const server: ServerType = serve(
    { fetch: takingTurns(app.fetch, turns), hostname: config.host, port: config.port },
    (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const signIn = config.auth ? `sign-in via ${config.auth.issuer}` : 'no sign-in';
      // Printed whatever LOG_LEVEL says: scripts and operators wait for this line.
      console.log(
        `Serving ${distDir} on http://${host}:${info.port}/ (pid ${process.pid}) — ${describeApiTarget(config)}; ${signIn}`,
      );
    },
  );
  server.once('error', (error: NodeJS.ErrnoException) => {
    const where = `${config.host}:${config.port}`;
    if (error.code === 'EADDRINUSE') {
      console.error(
        `Port ${config.port} is in use: another process listens on ${where}; stop it or set PORT.`,
      );
    } else if (error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL') {
      console.error(`Cannot listen on ${where}: ${error.code}; check HOST and PORT.`);
    } else {
      console.error(`Cannot listen on ${where}: ${error.message}`);
    }
    process.exit(1);
  });

  const shutdown = (signal: string) => {
    if (lifecycle.draining) return;
    lifecycle.draining = true;
    logger.info(
      `${signal}: draining (/readyz answers 503); the port closes in ${config.drainDelayMs} ms, then open requests get ${SHUTDOWN_GRACE_MS / 1000} s at most`,
    );
    setTimeout(() => close(server, logger), config.drainDelayMs);
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

function close(server: ServerType, logger: ReturnType<typeof createLogger>): void {
  logger.info('No new connections; finishing open requests');
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
}

// Started as a script (node dist-server/server/serve.js); imported by tests, it starts nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  start();
}
