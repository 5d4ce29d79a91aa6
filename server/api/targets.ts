/**
 * Where /v1 requests go. Both targets take the same Request, key header included, so sandbox
 * mode exercises the header path exactly like production does.
 */
import type { ApiConfig } from '../config.ts';
import { createSandboxApp, SANDBOX_API_KEY } from '../sandbox/app.ts';

export interface ForwardTarget {
  /** Prefix for `path + search`; no trailing slash. */
  baseUrl: string;
  apiKey: string;
  send: (request: Request) => Promise<Response>;
}

export function upstreamTarget(apiUrl: string, apiKey: string): ForwardTarget {
  return { baseUrl: apiUrl, apiKey, send: (request) => fetch(request) };
}

export function sandboxTarget(liveCycleSeconds?: number): ForwardTarget {
  const sandbox = createSandboxApp({ liveCycleSeconds });
  return {
    // The sandbox never sees a network; this origin only gives the Request an absolute URL.
    baseUrl: 'http://sandbox.invalid',
    apiKey: SANDBOX_API_KEY,
    send: async (request) => sandbox.fetch(request),
  };
}

export function targetFor(config: ApiConfig): ForwardTarget {
  return config.apiKey === null
    ? sandboxTarget(config.sandboxLiveCycleSeconds)
    : upstreamTarget(config.apiUrl, config.apiKey);
}
