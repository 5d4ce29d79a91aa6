/**
 * Test support for the search and history routes over the in-process sandbox: a target that
 * records (and may slow) what reaches the API, every batch the API lists, and a request to the
 * app behind the sign-in gate.
 */
import { batchRunPageReader, type ReadBatchRun } from '../../contract/read-batch-runs.ts';
import { sandboxTarget, type ForwardTarget } from '../api/targets.ts';
import { startMockProvider } from '../auth/testing/mock-provider.ts';
import { createServerApp } from '../app.ts';
import { loadConfig } from '../config.ts';

/** The target, with each path and query it is sent recorded in `paths`. */
export function counting(target: ForwardTarget, delayMs = 0) {
  const paths: string[] = [];
  return {
    paths,
    target: {
      ...target,
      send: async (request: Request) => {
        paths.push(new URL(request.url).pathname + new URL(request.url).search);
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        return target.send(request);
      },
    },
  };
}

/** Every batch the app's /v1 lists for the agent, newest first, page by page. */
export async function everyBatch(
  app: ReturnType<typeof createServerApp>,
  agentId: string,
): Promise<ReadBatchRun[]> {
  const all: ReadBatchRun[] = [];
  for (let page = 0; ; page += 1) {
    const response = await app.request(`/v1/batch-runs?agentId=${agentId}&page=${page}&size=100`);
    const read = batchRunPageReader.parse(await response.json());
    all.push(...read.data);
    if (!read.hasNext) return all;
  }
}

/**
 * Asks the sandbox app behind the sign-in gate for `path` without a session (against a mock
 * provider, started for the one request): the answer's status and what reached the API.
 */
export async function askWithoutSession(path: string, init?: RequestInit) {
  const provider = await startMockProvider();
  try {
    const gated = counting(sandboxTarget());
    const publicUrl = 'http://localhost:4551';
    const app = signedInApp(provider.issuer, publicUrl, gated.target);
    const response = await app.request(`${publicUrl}${path}`, init);
    return { status: response.status, upstream: gated.paths };
  } finally {
    await provider.close();
  }
}

/** The sandbox app with sign-in configured against `issuer`, served as `publicUrl`. */
function signedInApp(issuer: string, publicUrl: string, target: ForwardTarget) {
  const config = loadConfig({
    SANDBOX: '1',
    LOG_LEVEL: 'silent',
    AUTH_OIDC_ISSUER: issuer,
    AUTH_OIDC_CLIENT_ID: 'dashboard',
    AUTH_OIDC_CLIENT_SECRET: 'dashboard-secret',
    PUBLIC_URL: publicUrl,
    SESSION_SECRET: 'a-session-secret-long-enough-for-the-config-check-0123456789',
    ALLOWED_EMAIL_DOMAINS: 'example.com',
  });
  return createServerApp(config, { target });
}
