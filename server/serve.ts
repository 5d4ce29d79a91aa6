/**
 * The production server (`npm run serve` after `npm run build`): serves dist/ and forwards
 * /v1 to the SigmaMind API (or the embedded sandbox when no key is set). It keeps no state
 * between requests, so any number of copies can run behind a load balancer.
 */
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createApiHandler, type ApiHandlerOptions } from './api/forward.ts';
import { apiMiddleware, type NodeEnv } from './api/middleware.ts';
import { ConfigError, describeApiTarget, loadConfig, type ServerConfig } from './config.ts';
import { securityHeaders } from './security-headers.ts';
import { staticFiles } from './static-files.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_DIST_DIR = resolve(REPO_ROOT, 'dist');
const SHUTDOWN_GRACE_MS = 5_000;

export function createServerApp(
  config: ServerConfig,
  { distDir = DEFAULT_DIST_DIR, api }: { distDir?: string; api?: ApiHandlerOptions } = {},
): Hono<NodeEnv> {
  const app = new Hono<NodeEnv>();
  app.use(securityHeaders());
  app.use(compress({ encoding: 'gzip' }));
  app.use(apiMiddleware(createApiHandler(config, api)));
  app.use(staticFiles(distDir));
  app.notFound((c) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.text('Method Not Allowed', 405, { Allow: 'GET, HEAD' });
    }
    return c.text('Not Found', 404);
  });
  app.onError((error, c) => {
    console.error(`Server error on ${c.req.method} ${c.req.path}:`, error);
    return c.text('Internal Server Error', 500);
  });
  return app;
}

function start(): void {
  // DIST_DIR (relative to the repo root) lets parallel e2e runs each serve their own build.
  const distDir = resolve(REPO_ROOT, process.env.DIST_DIR?.trim() || 'dist');
  if (!existsSync(join(distDir, 'index.html'))) {
    console.error(`No build in ${distDir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  let config: ServerConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const app = createServerApp(config, { distDir });
  const server: ServerType = serve(
    { fetch: app.fetch, hostname: config.host, port: config.port },
    (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      console.log(
        `Serving ${distDir} on http://${host}:${info.port}/ — ${describeApiTarget(config)}`,
      );
    },
  );

  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing open requests, then exiting`);
    server.close(() => process.exit(0));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

// Started as a script (tsx server/serve.ts); imported by tests, it only provides createServerApp.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  start();
}
