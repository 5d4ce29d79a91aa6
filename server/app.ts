/**
 * The one server app, for `npm run serve` (with the build's static files) and for `npm start`
 * (mounted into Vite, which serves the source instead). In order: the access log; security
 * headers on every answer; health probes; the Host check; sign-in routes and the sign-in gate;
 * the locked /v1 forwarder; the page, server-rendered (ssr.ts); the build. It keeps no state between requests that matters, so any
 * number of copies can run behind a load balancer.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import pino, { type Logger } from 'pino';
import { accessLog } from './access-log.ts';
import { createApiHandler } from './api/forward.ts';
import { apiMiddleware } from './api/middleware.ts';
import { targetFor, type ForwardTarget } from './api/targets.ts';
import type { AppEnv } from './app-env.ts';
import { createAuth } from './auth/auth.ts';
import type { OidcProvider } from './auth/oidc.ts';
import type { ServerConfig } from './config.ts';
import { dependencyChecks, mountHealth, type Lifecycle } from './health.ts';
import { mountMetrics } from './metrics-endpoint.ts';
import { hostAllowList, hostCheck } from './hosts.ts';
import { securityHeaders, securityHeadersFor } from './security-headers.ts';
import { Mirrors } from './search/mirrors.ts';
import { searchRoutes, searchSlots } from './search/routes.ts';
import { upstreamGet } from './search/upstream.ts';
import { serverRendering } from './ssr.ts';
import { staticFiles } from './static-files.ts';
import type { Turns } from './turns.ts';

export interface ServerAppOptions {
  /** The build to serve; without one (the dev server) unmatched requests answer 404. */
  distDir?: string;
  /** Where /v1 goes; defaults to the sandbox or the upstream, as the config says. */
  target?: ForwardTarget;
  provider?: OidcProvider;
  logger?: Logger;
  /** The production process sets `draining` on SIGTERM; /readyz reads it. */
  lifecycle?: Lifecycle;
  /** The production process's line of requests waiting for their turn (server/turns.ts). */
  turns?: Turns;
}

export function createLogger(level: ServerConfig['logLevel']): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

export function createServerApp(
  config: ServerConfig,
  options: ServerAppOptions = {},
): Hono<AppEnv> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const warn = (line: string) => logger.warn(line);
  const target = options.target ?? targetFor(config);
  const auth = createAuth(config, { provider: options.provider, log: warn });
  const app = new Hono<AppEnv>();

  app.use(accessLog(logger, config.trustProxy, options.turns));
  const lifecycle = options.lifecycle;
  if (lifecycle) {
    // Draining: answers end their keep-alive connection, so proxies and browsers reconnect
    // (to another replica) before this one's port closes.
    app.use(async (c, next) => {
      await next();
      if (lifecycle.draining) c.res.headers.set('Connection', 'close');
    });
  }
  app.use(
    securityHeaders(
      securityHeadersFor({
        publicUrl: config.publicUrl,
        formActionOrigins: config.auth ? [new URL(config.auth.issuer).origin] : [],
      }),
    ),
  );
  const rendering = options.distDir
    ? serverRendering({
        distDir: options.distDir,
        budgetMs: config.ssrDataBudgetMs,
        fetch: (request) => app.fetch(request),
        log: (line, error) => logger.warn({ err: error }, line),
        concurrency: config.ssrConcurrency,
        aheadOf: (request) => options.turns?.queued(request)?.ahead ?? 0,
      })
    : null;
  const checks = dependencyChecks(config, target);
  mountHealth(app, checks, {
    lifecycle: lifecycle ?? { draining: false },
    distDir: options.distDir,
    serverBuildLoaded: rendering?.loaded,
  });
  mountMetrics(app, config.metricsToken, () =>
    Promise.all([checks.api(), checks.identityProvider?.()]),
  );
  app.use(hostCheck(hostAllowList(config.publicUrl, config.allowedHosts), warn));
  app.use(compress({ encoding: 'gzip' }));
  app.route('/auth', auth.routes);
  app.use(auth.gate);
  const apiHandler = createApiHandler(config, { target, log: warn });
  // The search mirror reads through the same forwarder (key or sandbox, cap, Retry-After).
  const mirrors = new Mirrors({
    get: upstreamGet(apiHandler),
    budgetBytes: config.searchMirrorMb * 1024 * 1024,
  });
  app.route('/', searchRoutes(mirrors, warn, searchSlots(config.searchConcurrency)));
  app.use(apiMiddleware(apiHandler));
  if (rendering && options.distDir) {
    app.use(rendering);
    app.use(staticFiles(options.distDir));
  }

  app.notFound((c) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.text('Method Not Allowed', 405, { Allow: 'GET, HEAD' });
    }
    return c.text('Not Found', 404);
  });
  app.onError((error, c) => {
    // Refusals thrown by Hono's own middleware (the CSRF check) carry their answer.
    if (error instanceof HTTPException) return error.getResponse();
    logger.error({ err: error, path: c.req.path }, 'Server error');
    return c.text('Internal Server Error', 500);
  });
  return app;
}
