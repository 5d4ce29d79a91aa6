/**
 * The Hono environment every server middleware shares: Node's bindings (absent when a test
 * calls `app.fetch`) and what one request learns on its way through, for the access log.
 */
import type { HttpBindings } from '@hono/node-server';

export type AppEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    /** The signed-in (or refused) address, when there is one. */
    user?: string;
    /** Time spent waiting for the SigmaMind API (or the sandbox). */
    upstreamMs?: number;
  };
};
