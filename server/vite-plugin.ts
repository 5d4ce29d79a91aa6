/**
 * `sigmamindApi()`: mounts the production server app (server/app.ts) into Vite's dev and
 * preview servers for `/v1`, `/auth`, `/healthz` and `/readyz`, so the browser talks to the
 * same origin in every mode and never holds the API key; Vite serves everything else. Settings
 * come from the same environment variables as the production server; with no key, the sandbox.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin } from 'vite';
import { createLogger, createServerApp } from './app.ts';
import { isApiNamespace } from './api/request-target.ts';
import { ConfigError, configWarnings, describeApiTarget, loadConfig } from './config.ts';

/** What the server app answers in dev; the raw request-target is judged, before Vite normalises it. */
function isServerPath(url: string): boolean {
  return (
    isApiNamespace(url) || url.startsWith('/auth/') || /^\/(?:healthz|readyz)(?:[?#]|$)/.test(url)
  );
}

function serverMiddleware(host: string | boolean | undefined): Connect.NextHandleFunction {
  const env = { ...process.env };
  // `vite --host` listens beyond loopback: judge the key-without-sign-in rule by that address.
  if (typeof host === 'string') env.HOST = host;
  else if (host === true) env.HOST = '0.0.0.0';
  else env.HOST = '127.0.0.1';
  let config;
  try {
    config = loadConfig(env, 'dev');
  } catch (error) {
    throw new Error(error instanceof ConfigError ? error.message : String(error));
  }
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  for (const warning of configWarnings(config)) logger.warn(warning);
  console.log(describeApiTarget(config));
  const listener = getRequestListener(createServerApp(config, { logger }).fetch);
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    if (req.url !== undefined && isServerPath(req.url)) void listener(req, res);
    else next();
  };
}

export function sigmamindApi(): Plugin {
  return {
    name: 'sigmamind-api',
    configureServer(server) {
      server.middlewares.use(serverMiddleware(server.config.server.host));
    },
    configurePreviewServer(server) {
      server.middlewares.use(serverMiddleware(server.config.preview.host));
    },
  };
}
