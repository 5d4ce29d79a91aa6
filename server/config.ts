/**
 * Server settings from the environment, read and validated here once, at start-up, so a typo
 * fails loudly instead of half-working: nothing else in server/ reads `process.env`. Unsafe
 * combinations are refused with one line each that says what to set. The API key is a workspace
 * secret: it is only ever placed in the upstream request header, never in a message, a log line
 * or a response.
 */
import { availableParallelism } from 'node:os';
import { parseTrustProxy, type TrustProxy } from './client-address.ts';
import { isLoopbackHost, isLoopbackUrl } from './hosts.ts';

export const DEFAULT_API_URL = 'https://api.sigmamind.ai';
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 4173;
const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_UPSTREAM_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_UPSTREAM_CONCURRENCY = 32;
const DEFAULT_SESSION_HOURS = 12;
/** A sign-in lasts at most a week: a session cannot be revoked one by one, only all together. */
const MAX_SESSION_HOURS = 168;
const DEFAULT_OIDC_TIMEOUT_MS = 10_000;
/** How long a server render waits for the API before sending the page without the data. */
const DEFAULT_SSR_DATA_BUDGET_MS = 300;
/** Sized for the 52,340-run sandbox agent plus a few ordinary ones (measured: see README). */
const DEFAULT_SEARCH_MIRROR_MB = 384;
/** Server renders and searches computing at once, per process: at least 2, else one per core. */
export const DEFAULT_WORK_CONCURRENCY = Math.max(2, availableParallelism());
const MIN_SESSION_SECRET_LENGTH = 32;
/** After SIGTERM, how long /readyz says 503 while requests are still served, so balancers notice. */
const DEFAULT_DRAIN_DELAY_MS = 3_000;

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
  /** SESSION_SECRET as a list: the first seals, every one opens (rotation with overlap). */
  sessionSecrets: string[];
  sessionHours: number;
  /** SESSION_NOT_BEFORE: sessions issued before this time (ms since epoch) have ended; or null. */
  sessionNotBefore: number | null;
  /** Lower-case domains (`example.com`) whose addresses may enter. */
  allowedEmailDomains: string[];
  /** Lower-case addresses that may enter. */
  allowedEmails: string[];
  /** ALLOW_UNVERIFIED_EMAIL=true: admit an address whose provider does not say it is verified. */
  allowUnverifiedEmail: boolean;
  /** AUTH_OIDC_TIMEOUT_MS: how long one call to the provider may take. */
  oidcTimeoutMs: number;
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
  /** TRUST_PROXY: how far the access log believes `X-Forwarded-For` (null: the socket only). */
  trustProxy: TrustProxy;
  /** METRICS_TOKEN: /metrics asks for `Authorization: Bearer <token>` when set. */
  metricsToken: string | null;
  /** DRAIN_DELAY_MS: after SIGTERM, /readyz answers 503 this long before the port closes. */
  drainDelayMs: number;
  /**
   * SEARCH_MIRROR_MB: memory for the search mirror of agents' batch runs (server/search/);
   * least recently used agents are dropped beyond it.
   */
  searchMirrorMb: number;
  /**
   * SSR_CONCURRENCY: server renders one process runs at once; beyond them a page is sent as
   * the plain shell the browser renders. 0 turns server rendering off.
   */
  ssrConcurrency: number;
  /** SEARCH_CONCURRENCY: searches computing at once; beyond them a short wait, then 503. */
  searchConcurrency: number;
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

  const int = (name: string, fallback: number, min: number, max: number) =>
    parseInteger(name, env[name], fallback, { min, max }, problems);
  const apiUrl = parseApiUrl(text('SIGMAMIND_API_URL') || DEFAULT_API_URL, problems);
  const host = text('HOST') || DEFAULT_HOST;
  const port = int('PORT', DEFAULT_PORT, 0, 65_535);
  const upstreamTimeoutMs = int('UPSTREAM_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS, 1, 600_000);
  const maxUpstreamBytes = int(
    'MAX_UPSTREAM_BYTES',
    DEFAULT_MAX_UPSTREAM_BYTES,
    1,
    1024 * 1024 * 1024,
  );
  const maxUpstreamConcurrency = int(
    'MAX_UPSTREAM_CONCURRENCY',
    DEFAULT_MAX_UPSTREAM_CONCURRENCY,
    1,
    10_000,
  );
  const ssrDataBudgetMs = int('SSR_DATA_BUDGET_MS', DEFAULT_SSR_DATA_BUDGET_MS, 0, 10_000);
  const searchMirrorMb = int('SEARCH_MIRROR_MB', DEFAULT_SEARCH_MIRROR_MB, 1, 64 * 1024);
  const ssrConcurrency = int('SSR_CONCURRENCY', DEFAULT_WORK_CONCURRENCY, 0, 1_000);
  const searchConcurrency = int('SEARCH_CONCURRENCY', DEFAULT_WORK_CONCURRENCY, 1, 1_000);
  const publicUrl = parsePublicUrl(text('PUBLIC_URL'), problems);
  const allowInsecurePublicUrl = parseBoolean(
    'ALLOW_INSECURE_PUBLIC_URL',
    env.ALLOW_INSECURE_PUBLIC_URL,
    problems,
  );
  if (
    publicUrl?.startsWith('http:') &&
    !isLoopbackUrl(new URL(publicUrl)) &&
    !allowInsecurePublicUrl
  ) {
    problems.push(
      `PUBLIC_URL=${publicUrl} is plain http:// on a name that is not loopback: sign-in would send session cookies in clear and HSTS, Secure and __Host- cookies are off. Use https:// (TLS at your proxy; see deploy/), or set ALLOW_INSECURE_PUBLIC_URL=true if the network is private on purpose`,
    );
  }
  const trustProxy = parseTrustProxy(text('TRUST_PROXY'), problems);
  const metricsToken = text('METRICS_TOKEN') || null;
  if (metricsToken !== null && metricsToken.length < 16) {
    problems.push(
      'METRICS_TOKEN must be at least 16 characters (for example: openssl rand -hex 24)',
    );
  }
  const drainDelayMs = int('DRAIN_DELAY_MS', DEFAULT_DRAIN_DELAY_MS, 0, 60_000);
  const allowedHosts = commaList(text('ALLOWED_HOSTS'));
  const allowAnonymous = parseBoolean('ALLOW_ANONYMOUS', env.ALLOW_ANONYMOUS, problems);
  const auth = parseAuth(env, publicUrl, problems);

  if (rawKey && !auth && !allowAnonymous && !isLoopbackHost(host)) {
    problems.push(
      `SIGMAMIND_API_KEY is set and HOST=${host} is reachable from other machines, but sign-in is not configured: set AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET, PUBLIC_URL, SESSION_SECRET and ALLOWED_EMAIL_DOMAINS or ALLOWED_EMAILS, or ALLOW_ANONYMOUS=true to serve the workspace to anyone who reaches it`,
    );
  }

  const sandboxLiveCycleSeconds = text('SANDBOX_LIVE_CYCLE_SECONDS')
    ? int('SANDBOX_LIVE_CYCLE_SECONDS', 60, 1, 86_400)
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
    trustProxy,
    metricsToken,
    drainDelayMs,
    searchMirrorMb,
    ssrConcurrency,
    searchConcurrency,
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
  const publicDomains = config.auth?.allowedEmailDomains.filter(isPublicMailDomain) ?? [];
  if (publicDomains.length > 0) {
    warnings.push(
      `ALLOWED_EMAIL_DOMAINS lists ${publicDomains.join(', ')}: anyone can open an account there; list single addresses in ALLOWED_EMAILS instead`,
    );
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
  const sessionSecrets = commaList(values.SESSION_SECRET);
  if (sessionSecrets.some((secret) => secret.length < MIN_SESSION_SECRET_LENGTH)) {
    problems.push(
      `SESSION_SECRET must be at least ${MIN_SESSION_SECRET_LENGTH} characters, each one when it is a comma list (for example: openssl rand -base64 48)`,
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
  const badDomain = allowedEmailDomains.find((domain) => !isMailDomain(domain));
  if (badDomain !== undefined) {
    problems.push(
      `ALLOWED_EMAIL_DOMAINS has an entry that is not a domain name: ${JSON.stringify(badDomain)} (wildcards are not accepted; list each domain, e.g. example.com)`,
    );
  }
  const badEmail = allowedEmails.find((email) => parseEmailAddress(email) === null);
  if (badEmail) problems.push(`ALLOWED_EMAILS has an entry that is not an address: ${badEmail}`);
  const sessionHours = parseInteger(
    'SESSION_HOURS',
    env.SESSION_HOURS,
    DEFAULT_SESSION_HOURS,
    { min: 1, max: MAX_SESSION_HOURS },
    problems,
  );
  const oidcTimeoutMs = parseInteger(
    'AUTH_OIDC_TIMEOUT_MS',
    env.AUTH_OIDC_TIMEOUT_MS,
    DEFAULT_OIDC_TIMEOUT_MS,
    { min: 100, max: 120_000 },
    problems,
  );
  return {
    issuer,
    clientId: values.AUTH_OIDC_CLIENT_ID ?? '',
    clientSecret: values.AUTH_OIDC_CLIENT_SECRET ?? '',
    publicUrl: publicUrl ?? '',
    sessionSecrets,
    sessionHours,
    sessionNotBefore: parseNotBefore(env.SESSION_NOT_BEFORE, problems),
    allowedEmailDomains,
    allowedEmails,
    allowUnverifiedEmail: parseBoolean(
      'ALLOW_UNVERIFIED_EMAIL',
      env.ALLOW_UNVERIFIED_EMAIL,
      problems,
    ),
    oidcTimeoutMs,
  };
}

/** SESSION_NOT_BEFORE: an ISO 8601 time with a zone (`2026-12-04T09:00:00Z`). */
function parseNotBefore(value: string | undefined, problems: string[]): number | null {
  const text = value?.trim() ?? '';
  if (!text) return null;
  const time = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(time)) {
    problems.push(
      `SESSION_NOT_BEFORE must be a time with its zone, such as 2026-12-04T09:00:00Z, got ${JSON.stringify(text)}`,
    );
    return null;
  }
  // A future time would end each new session as it begins: everyone would loop through sign-in.
  if (time > Date.now()) {
    problems.push(`SESSION_NOT_BEFORE is in the future (${text}): set it to the current time`);
    return null;
  }
  return time;
}

/** Well-known mail services anyone can sign up to: admitting one admits the world. */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
  'mail.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'zoho.com',
  'qq.com',
  '163.com',
]);

export function isPublicMailDomain(domain: string): boolean {
  return PUBLIC_MAIL_DOMAINS.has(domain);
}

/** A host name of two or more labels (letters, digits, hyphens), lower case. */
export function isMailDomain(domain: string): boolean {
  return (
    domain.length <= 253 &&
    /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/.test(domain)
  );
}

/**
 * `local@domain`, lower-cased, or null when it is not one address: exactly one `@`, a local
 * part of printable characters without spaces, quotes or angle brackets, and a domain name.
 */
export function parseEmailAddress(value: string): { local: string; domain: string } | null {
  const address = value.trim().toLowerCase();
  const at = address.indexOf('@');
  if (at <= 0 || at !== address.lastIndexOf('@') || address.length > 254) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !/^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local)) return null;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  return isMailDomain(domain) ? { local, domain } : null;
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
  // Discovery compares the issuer exactly (OIDC Discovery 4.3): use it exactly as configured.
  return value;
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
