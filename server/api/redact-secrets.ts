/**
 * `GET /v1/agents` carries each agent's settings, some of them secrets (webhook secrets,
 * tokens). The dashboard needs none of them, so they are removed on the server and never
 * reach a browser, a cache or a HAR file. Keys are matched by name, at any depth.
 */
const SECRET_KEY = /secret|token|password|passwd|api[-_]?key|credential|private[-_]?key/i;

export function isAgentsPath(path: string): boolean {
  return path === '/v1/agents' || path.startsWith('/v1/agents/');
}

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!SECRET_KEY.test(key)) result[key] = redactSecrets(child);
  }
  return result;
}

/** The body with secrets removed; a body that is not JSON is returned as it came. */
export function redactJsonBody(body: Buffer<ArrayBuffer>): Buffer<ArrayBuffer> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return body;
  }
  return Buffer.from(JSON.stringify(redactSecrets(parsed)));
}
