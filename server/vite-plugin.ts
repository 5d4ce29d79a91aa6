/**
 * `sigmamindApi()`: mounts the production /v1 forwarder into Vite's dev and preview servers,
 * so the browser talks to the same origin in every mode and never holds the API key.
 * Settings come from the same environment variables as the production server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin } from 'vite';
import { createApiHandler } from './api/forward.ts';
import { rawTargetOf } from './api/middleware.ts';
import { isApiNamespace } from './api/request-target.ts';
import { describeApiTarget, loadConfig } from './config.ts';

function apiMiddleware(): Connect.NextHandleFunction {
  const config = loadConfig(process.env);
  console.log(describeApiTarget(config));
  const handler = createApiHandler(config);
  const listener = getRequestListener((request, env) =>
    handler(request, rawTargetOf(request, env.incoming.url)),
  );
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    // req.url is still the raw request-target here: this runs before Vite's own middlewares.
    if (req.url !== undefined && isApiNamespace(req.url)) void listener(req, res);
    else next();
  };
}

export function sigmamindApi(): Plugin {
  return {
    name: 'sigmamind-api',
    configureServer(server) {
      server.middlewares.use(apiMiddleware());
    },
    configurePreviewServer(server) {
      server.middlewares.use(apiMiddleware());
    },
  };
}
