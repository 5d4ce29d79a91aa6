/**
 * Server settings from the environment, validated once at start-up so a typo fails loudly
 * instead of half-working. The API key is a workspace secret: it is only ever placed in the
 * upstream request header, never in a message, a log line or a response.
 */

export const DEFAULT_API_URL = 'https://api.sigmamind.ai';
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 4173;
const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_UPSTREAM_BYTES = 5 * 1024 * 1024;

/** What the /v1 forwarder needs. `apiKey: null` means the embedded sandbox answers instead. */
export interface ApiConfig {
  apiKey: string | null;
  /** Origin (and optional path prefix) of the SigmaMind API, without a trailing slash. */
  apiUrl: string;
  upstreamTimeoutMs: number;
  maxUpstreamBytes: number;
}

export interface ServerConfig extends ApiConfig {
  host: string;
  /** 0 asks the OS for a free port (the load test uses it). */
  port: number;
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid server configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): ServerConfig {
  const problems: string[] = [];

  const rawKey = env.SIGMAMIND_API_KEY?.trim() ?? '';
  // Checked without echoing the value: a key with spaces or control characters cannot be a header.
  if (rawKey && !/^[\x21-\x7e]+$/.test(rawKey)) {
    problems.push('SIGMAMIND_API_KEY must be printable ASCII without spaces (value not shown)');
  }

  const apiUrl = parseApiUrl(env.SIGMAMIND_API_URL?.trim() || DEFAULT_API_URL, problems);
  const host = env.HOST?.trim() || DEFAULT_HOST;
  const port = parseInteger('PORT', env.PORT, DEFAULT_PORT, { min: 0, max: 65_535 }, problems);
  const upstreamTimeoutMs = parseInteger(
    'UPSTREAM_TIMEOUT_MS',
    env.UPSTREAM_TIMEOUT_MS,
    DEFAULT_UPSTREAM_TIMEOUT_MS,
    { min: 1, max: 600_000 },
    problems,
  );
  const maxUpstreamBytes = parseInteger(
    'MAX_UPSTREAM_BYTES',
    env.MAX_UPSTREAM_BYTES,
    DEFAULT_MAX_UPSTREAM_BYTES,
    { min: 1, max: 1024 * 1024 * 1024 },
    problems,
  );

  if (problems.length > 0) throw new ConfigError(problems);
  return { apiKey: rawKey || null, apiUrl, host, port, upstreamTimeoutMs, maxUpstreamBytes };
}

/** The one line that says where /v1 goes; safe to log because it never contains the key. */
export function describeApiTarget(config: ApiConfig): string {
  return config.apiKey === null
    ? 'API: embedded sandbox (SIGMAMIND_API_KEY not set)'
    : `API: upstream ${config.apiUrl} (key set)`;
}

function parseApiUrl(value: string, problems: string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`SIGMAMIND_API_URL is not a URL: ${JSON.stringify(value)}`);
    return value;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push('SIGMAMIND_API_URL must use http or https');
  }
  if (url.username || url.password || url.search || url.hash) {
    problems.push('SIGMAMIND_API_URL must not contain credentials, a query or a fragment');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function parseInteger(
  name: string,
  value: string | undefined,
  fallback: number,
  { min, max }: { min: number; max: number },
  problems: string[],
): number {
  const text = value?.trim();
  if (!text) return fallback;
  const parsed = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
    return fallback;
  }
  return parsed;
}
