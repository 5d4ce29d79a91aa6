/**
 * The Hono environment every server middleware shares: Node's bindings (absent when a test
 * calls `app.fetch`) and what one request learns on its way through, for the access log.
 */
import type { HttpBindings } from '@hono/node-server';
import type { SignInOutcome } from './metrics.ts';

export type AppEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    /** The signed-in (or refused) address, when there is one. */
    user?: string;
    /** Time spent waiting for the SigmaMind API (or the sandbox). */
    upstreamMs?: number;
    /** How a sign-in callback ended, when the auth code names it (else its status decides). */
    signInOutcome?: SignInOutcome;
    /** Work turned away at its bound (server/concurrency.ts): the render or the search. */
    shed?: 'render' | 'search';
  };
};
