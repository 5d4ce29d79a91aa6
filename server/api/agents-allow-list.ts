/**
 * `GET /v1/agents` carries each agent's settings, some of them secrets (webhook secrets,
 * signed URLs, header values). The dashboard reads three fields of an agent, so the answer is
 * rebuilt from those and the page fields, and everything else is left behind: an allow-list
 * fails closed where a list of secret-looking names would fail open.
 */

const AGENT_FIELDS = ['agentId', 'agentName', 'status'] as const;
const PAGE_FIELDS = ['page', 'size', 'totalCount', 'totalPages', 'hasNext', 'hasPrevious'] as const;
const ERROR_FIELDS = ['error', 'message', 'path', 'status', 'timestamp'] as const;

export class UnreadableBodyError extends Error {
  constructor() {
    super('The upstream body is not JSON');
    this.name = 'UnreadableBodyError';
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parses a JSON body, tolerating a UTF-8 byte order mark; throws UnreadableBodyError. */
export function parseJsonBody(body: Buffer): Json {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new UnreadableBodyError();
  }
}

function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies the named fields whose values are scalars; objects and arrays are never copied. */
function pick(source: { [key: string]: Json }, fields: readonly string[]): Record<string, Json> {
  const result: Record<string, Json> = {};
  for (const field of fields) {
    const value = source[field];
    if (value !== undefined && !isRecord(value) && !Array.isArray(value)) result[field] = value;
  }
  return result;
}

/**
 * The agents page with only what the dashboard reads. A 2xx body that is not a JSON page throws
 * UnreadableBodyError (the caller answers 502); error bodies keep only the documented fields.
 */
export function allowListedAgentsBody(body: Buffer, status: number): Buffer<ArrayBuffer> {
  const ok = status >= 200 && status < 300;
  let parsed: Json;
  try {
    parsed = parseJsonBody(body);
  } catch (error) {
    if (ok) throw error;
    return Buffer.from('{}');
  }
  if (!ok) return Buffer.from(JSON.stringify(isRecord(parsed) ? pick(parsed, ERROR_FIELDS) : {}));
  if (!isRecord(parsed) || !Array.isArray(parsed.data)) throw new UnreadableBodyError();
  const data = parsed.data.map((agent) => (isRecord(agent) ? pick(agent, AGENT_FIELDS) : {}));
  return Buffer.from(JSON.stringify({ data, ...pick(parsed, PAGE_FIELDS) }));
}
