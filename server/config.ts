/**
 * Server settings from the environment, read and validated here once, at start-up, so a typo
 * fails loudly instead of half-working: nothing else in server/ reads `process.env`. Unsafe
 * combinations are refused with one line each that says what to set. The API key is a workspace
 * secret: it is only ever placed in the upstream request header, never in a message, a log line
 * or a response.
 */
import { isLoopbackHost, isLoopbackUrl } from './hosts.ts';

export const DEFAULT_API_URL = 'https://api.sigmamind.ai';
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 4173;
const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_UPSTREAM_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_UPSTREAM_CONCURRENCY = 32;
const DEFAULT_SESSION_HOURS = 12;
/** How long a server render waits for the API before sending the page without the data. */
const DEFAULT_SSR_DATA_BUDGET_MS = 300;
/** Sized for the 52,340-run sandbox agent plus a few ordinary ones (measured: see README). */
const DEFAULT_SEARCH_MIRROR_MB = 384;
const MIN_SESSION_SECRET_LENGTH = 32;

/** What the /v1 forwarder needs. `apiKey: null` means the embedded sandbox answers instead. */
export interface ApiConfig {
  apiKey: string | null;
  /** Origin (and optional path prefix) of the SigmaMind API, without a trailing slash. */
  apiUrl: string;
  upstreamTimeoutMs: number;
  maxUpstreamBytes: number;
  /** Upstream requests one process has open at once; more answer 503 with Retry-After. */
  maxUpstreamConcurrency: number;
  /** Sandbox only: how often the live agent starts a new batch (default 60 s). */
  sandboxLiveCycleSeconds?: number | undefined;
}

/** Sign-in over OpenID Connect; null when not configured (then nobody is asked to sign in). */
export interface AuthConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The external origin; the redirect URI is this plus `/auth/callback`. */
  publicUrl: string;
  sessionSecret: string;
  sessionHours: number;
  /** Lower-case domains (`example.com`) whose addresses may enter. */
  allowedEmailDomains: string[];
  /** Lower-case addresses that may enter. */
  allowedEmails: string[];
}

export interface ServerConfig extends ApiConfig {
  host: string;
  /** 0 asks the OS for a free port (the load test uses it). */
  port: number;
  /** PUBLIC_URL's origin, or null; it names the Host this server answers to. */
  publicUrl: string | null;
  /** Host names (optionally `name:port`) answered besides PUBLIC_URL's and loopback names. */
  allowedHosts: string[];
  auth: AuthConfig | null;
  /** ALLOW_ANONYMOUS=true: serve real data on a reachable address without sign-in, on purpose. */
  allowAnonymous: boolean;
  /** Build directory for `npm run serve`, absolute or relative to the repo. */
  distDir: string;
  /** pino's level for the access log and server messages. */
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * SSR_DATA_BUDGET_MS: how long a server-rendered page waits for the API; what has not
   * arrived by then the browser asks for. 0 sends the page without waiting.
   */
  ssrDataBudgetMs: number;
  /**
   * SEARCH_MIRROR_MB: memory for the search mirror of agents' batch runs (server/search/);
   * least recently used agents are dropped beyond it.
   */
  searchMirrorMb: number;
}

/** Which command reads the settings: `serve` (production) requires the data source to be named. */
export type Command = 'serve' | 'dev';

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Refusing to start:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, command: Command = 'dev'): ServerConfig {
  const problems: string[] = [];
  const text = (name: string) => env[name]?.trim() ?? '';

  const rawKey = text('SIGMAMIND_API_KEY');
  // Checked without echoing the value: a key with spaces or control characters cannot be a header.
  if (rawKey && !/^[\x21-\x7e]+$/.test(rawKey)) {
    problems.push('SIGMAMIND_API_KEY must be printable ASCII without spaces (value not shown)');
  }
  const sandbox = parseBoolean('SANDBOX', env.SANDBOX, problems);
  if (rawKey && sandbox) {
    problems.push('SIGMAMIND_API_KEY and SANDBOX=1 are both set: unset one of them');
  }
  if (command === 'serve' && !rawKey && !sandbox) {
    problems.push(
      'Neither SIGMAMIND_API_KEY nor SANDBOX=1 is set: set SIGMAMIND_API_KEY to serve the workspace, or SANDBOX=1 to serve made-up sandbox data',
    );
  }

  const apiUrl = parseApiUrl(text('SIGMAMIND_API_URL') || DEFAULT_API_URL, problems);
  const host = text('HOST') || DEFAULT_HOST;
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
  const maxUpstreamConcurrency = parseInteger(
    'MAX_UPSTREAM_CONCURRENCY',
    env.MAX_UPSTREAM_CONCURRENCY,
    DEFAULT_MAX_UPSTREAM_CONCURRENCY,
    { min: 1, max: 10_000 },
    problems,
  );
  const ssrDataBudgetMs = parseInteger(
    'SSR_DATA_BUDGET_MS',
    env.SSR_DATA_BUDGET_MS,
    DEFAULT_SSR_DATA_BUDGET_MS,
    { min: 0, max: 10_000 },
    problems,
  );
  const searchMirrorMb = parseInteger(
    'SEARCH_MIRROR_MB',
    env.SEARCH_MIRROR_MB,
    DEFAULT_SEARCH_MIRROR_MB,
    { min: 1, max: 64 * 1024 },
    problems,
  );
  const publicUrl = parsePublicUrl(text('PUBLIC_URL'), problems);
  const allowedHosts = commaList(text('ALLOWED_HOSTS'));
  const allowAnonymous = parseBoolean('ALLOW_ANONYMOUS', env.ALLOW_ANONYMOUS, problems);
  const auth = parseAuth(env, publicUrl, problems);

  if (rawKey && !auth && !allowAnonymous && !isLoopbackHost(host)) {
    problems.push(
      `SIGMAMIND_API_KEY is set and HOST=${host} is reachable from other machines, but sign-in is not configured: set AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET, PUBLIC_URL, SESSION_SECRET and ALLOWED_EMAIL_DOMAINS or ALLOWED_EMAILS, or ALLOW_ANONYMOUS=true to serve the workspace to anyone who reaches it`,
    );
  }

  const sandboxLiveCycleSeconds = text('SANDBOX_LIVE_CYCLE_SECONDS')
    ? parseInteger(
        'SANDBOX_LIVE_CYCLE_SECONDS',
        env.SANDBOX_LIVE_CYCLE_SECONDS,
        60,
        { min: 1, max: 86_400 },
        problems,
      )
    : undefined;
  const logLevel = parseLogLevel(text('LOG_LEVEL'), problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    apiKey: rawKey || null,
    apiUrl,
    host,
    port,
    upstreamTimeoutMs,
    maxUpstreamBytes,
    maxUpstreamConcurrency,
    publicUrl,
    allowedHosts,
    auth,
    allowAnonymous,
    distDir: text('DIST_DIR') || 'dist',
    sandboxLiveCycleSeconds,
    logLevel,
    ssrDataBudgetMs,
    searchMirrorMb,
  };
}

/** Lines worth printing at every start: settings that are allowed but deserve a second look. */
export function configWarnings(config: ServerConfig): string[] {
  const warnings: string[] = [];
  if (config.apiKey !== null && !config.auth && config.allowAnonymous) {
    warnings.push(
      'ALLOW_ANONYMOUS=true: anyone who reaches this server reads the workspace without signing in',
    );
  }
  if (config.auth && config.allowAnonymous) {
    warnings.push('ALLOW_ANONYMOUS is ignored: sign-in is configured, so everyone signs in');
  }
  if (!isLoopbackHost(config.host) && !config.publicUrl && config.allowedHosts.length === 0) {
    warnings.push(
      `HOST=${config.host}: requests are answered only for loopback names; set PUBLIC_URL or ALLOWED_HOSTS to the name people use`,
    );
  }
  return warnings;
}

/** The one line that says where /v1 goes; safe to log because it never contains the key. */
export function describeApiTarget(config: ApiConfig): string {
  return config.apiKey === null
    ? 'API: embedded sandbox (made-up data)'
    : `API: upstream ${config.apiUrl} (key set)`;
}

function parseAuth(env: Env, publicUrl: string | null, problems: string[]): AuthConfig | null {
  const names = [
    'AUTH_OIDC_ISSUER',
    'AUTH_OIDC_CLIENT_ID',
    'AUTH_OIDC_CLIENT_SECRET',
    'SESSION_SECRET',
  ] as const;
  const values = Object.fromEntries(names.map((name) => [name, env[name]?.trim() ?? '']));
  const given = names.filter((name) => values[name]);
  if (given.length === 0) return null;

  const missing = names.filter((name) => !values[name]);
  if (!publicUrl) missing.push('PUBLIC_URL' as never);
  if (missing.length > 0) {
    problems.push(`Sign-in is half configured: also set ${missing.join(', ')}`);
    return null;
  }
  const issuer = parseIssuer(values.AUTH_OIDC_ISSUER ?? '', problems);
  const sessionSecret = values.SESSION_SECRET ?? '';
  if (sessionSecret.length < MIN_SESSION_SECRET_LENGTH) {
    problems.push(
      `SESSION_SECRET must be at least ${MIN_SESSION_SECRET_LENGTH} characters (for example: openssl rand -base64 48)`,
    );
  }
  const allowedEmailDomains = commaList(env.ALLOWED_EMAIL_DOMAINS).map((d) =>
    d.toLowerCase().replace(/^@/, ''),
  );
  const allowedEmails = commaList(env.ALLOWED_EMAILS).map((e) => e.toLowerCase());
  if (allowedEmailDomains.length === 0 && allowedEmails.length === 0) {
    problems.push(
      'Sign-in needs to know who may enter: set ALLOWED_EMAIL_DOMAINS (e.g. example.com) and/or ALLOWED_EMAILS',
    );
  }
  const badEmail = allowedEmails.find((email) => !/^[^@\s]+@[^@\s]+$/.test(email));
  if (badEmail) problems.push(`ALLOWED_EMAILS has an entry that is not an address: ${badEmail}`);
  const sessionHours = parseInteger(
    'SESSION_HOURS',
    env.SESSION_HOURS,
    DEFAULT_SESSION_HOURS,
    { min: 1, max: 24 * 30 },
    problems,
  );
  return {
    issuer,
    clientId: values.AUTH_OIDC_CLIENT_ID ?? '',
    clientSecret: values.AUTH_OIDC_CLIENT_SECRET ?? '',
    publicUrl: publicUrl ?? '',
    sessionSecret,
    sessionHours,
    allowedEmailDomains,
    allowedEmails,
  };
}

function parseIssuer(value: string, problems: string[]): string {
  const url = tryUrl(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    problems.push(`AUTH_OIDC_ISSUER is not an http(s) URL: ${JSON.stringify(value)}`);
    return value;
  }
  if (url.protocol === 'http:' && !isLoopbackUrl(url)) {
    problems.push(
      'AUTH_OIDC_ISSUER must use https:// (plain http:// is accepted on loopback only)',
    );
  }
  // Discovery compares the issuer exactly; keep it as configured, minus a trailing slash.
  return value.replace(/\/+$/, '');
}

function parsePublicUrl(value: string, problems: string[]): string | null {
  if (!value) return null;
  const url = tryUrl(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    problems.push(`PUBLIC_URL is not an http(s) URL: ${JSON.stringify(value)}`);
    return null;
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    problems.push(
      'PUBLIC_URL must be an origin only, such as https://dashboard.example.com (no path)',
    );
  }
  return url.origin;
}

function parseApiUrl(value: string, problems: string[]): string {
  const url = tryUrl(value);
  if (!url) {
    problems.push(`SIGMAMIND_API_URL is not a URL: ${JSON.stringify(value)}`);
    return value;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push('SIGMAMIND_API_URL must use http or https');
  } else if (url.protocol === 'http:' && !isLoopbackUrl(url)) {
    problems.push(
      'SIGMAMIND_API_URL must use https:// (plain http:// would send the key in clear; it is accepted on loopback only)',
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    problems.push('SIGMAMIND_API_URL must not contain credentials, a query or a fragment');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function parseBoolean(name: string, value: string | undefined, problems: string[]): boolean {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || text === '0' || text === 'false') return false;
  if (text === '1' || text === 'true') return true;
  problems.push(`${name} must be 1/true or 0/false, got ${JSON.stringify(value)}`);
  return false;
}

function parseLogLevel(value: string, problems: string[]): ServerConfig['logLevel'] {
  const levels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
  if (!value) return 'info';
  const level = levels.find((l) => l === value.toLowerCase());
  if (!level) problems.push(`LOG_LEVEL must be one of ${levels.join(', ')}`);
  return level ?? 'info';
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

function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function tryUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
