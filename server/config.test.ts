// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  configWarnings,
  DEFAULT_WORK_CONCURRENCY,
  describeApiTarget,
  loadConfig,
} from './config.ts';

const SECRET = 'sk_live_secret_value_42';

describe('loadConfig', () => {
  it('defaults to the sandbox on 127.0.0.1:4173', () => {
    expect(loadConfig({})).toEqual({
      apiKey: null,
      apiUrl: 'https://api.sigmamind.ai',
      host: '127.0.0.1',
      port: 4173,
      upstreamTimeoutMs: 10_000,
      maxUpstreamBytes: 5 * 1024 * 1024,
      maxUpstreamConcurrency: 32,
      publicUrl: null,
      allowedHosts: [],
      auth: null,
      allowAnonymous: false,
      distDir: 'dist',
      sandboxLiveCycleSeconds: undefined,
      logLevel: 'info',
      ssrDataBudgetMs: 300,
      trustProxy: null,
      metricsToken: null,
      drainDelayMs: 3000,
      searchMirrorMb: 384,
      ssrConcurrency: DEFAULT_WORK_CONCURRENCY,
      searchConcurrency: DEFAULT_WORK_CONCURRENCY,
    });
    expect(loadConfig({ SIGMAMIND_API_KEY: '  ' }).apiKey).toBeNull();
  });

  it('reads every variable', () => {
    const config = loadConfig({
      SIGMAMIND_API_KEY: SECRET,
      SIGMAMIND_API_URL: 'http://127.0.0.1:4392/',
      HOST: '0.0.0.0',
      PORT: '0',
      UPSTREAM_TIMEOUT_MS: '3000',
      MAX_UPSTREAM_BYTES: '1048576',
      MAX_UPSTREAM_CONCURRENCY: '8',
      ALLOWED_HOSTS: 'dash.internal, 10.0.0.5:4173',
      ALLOW_ANONYMOUS: 'true',
      DIST_DIR: 'build',
      SANDBOX_LIVE_CYCLE_SECONDS: '20',
      LOG_LEVEL: 'warn',
      SSR_DATA_BUDGET_MS: '0',
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      METRICS_TOKEN: 'metrics-token-0123456789',
      DRAIN_DELAY_MS: '500',
      SSR_CONCURRENCY: '0',
      SEARCH_CONCURRENCY: '3',
    });
    expect(config).toEqual({
      apiKey: SECRET,
      apiUrl: 'http://127.0.0.1:4392',
      host: '0.0.0.0',
      port: 0,
      upstreamTimeoutMs: 3000,
      maxUpstreamBytes: 1048576,
      maxUpstreamConcurrency: 8,
      publicUrl: null,
      allowedHosts: ['dash.internal', '10.0.0.5:4173'],
      auth: null,
      allowAnonymous: true,
      distDir: 'build',
      sandboxLiveCycleSeconds: 20,
      logLevel: 'warn',
      ssrDataBudgetMs: 0,
      trustProxy: { proxies: ['10.0.0.0/8', '127.0.0.1'] },
      metricsToken: 'metrics-token-0123456789',
      drainDelayMs: 500,
      searchMirrorMb: 384,
      ssrConcurrency: 0,
      searchConcurrency: 3,
    });
  });

  it('lists every problem at once', () => {
    const load = () =>
      loadConfig({
        SIGMAMIND_API_URL: 'ftp://example.com',
        PORT: '70000',
        UPSTREAM_TIMEOUT_MS: '1.5',
        MAX_UPSTREAM_BYTES: '-1',
        SSR_DATA_BUDGET_MS: '20000',
      });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      /SIGMAMIND_API_URL[\s\S]*PORT[\s\S]*UPSTREAM_TIMEOUT_MS[\s\S]*MAX_UPSTREAM_BYTES[\s\S]*SSR_DATA_BUDGET_MS/,
    );
  });

  it('bounds renders and searches from the core count, at least 2; refuses nonsense', () => {
    expect(DEFAULT_WORK_CONCURRENCY).toBeGreaterThanOrEqual(2);
    expect(() => loadConfig({ SSR_CONCURRENCY: '-1' })).toThrow(/SSR_CONCURRENCY/);
    expect(() => loadConfig({ SSR_CONCURRENCY: 'many' })).toThrow(/SSR_CONCURRENCY/);
    expect(() => loadConfig({ SEARCH_CONCURRENCY: '0' })).toThrow(/SEARCH_CONCURRENCY/);
    expect(() => loadConfig({ SEARCH_CONCURRENCY: '2.5' })).toThrow(/SEARCH_CONCURRENCY/);
  });

  it('refuses URLs with credentials or a query', () => {
    expect(() => loadConfig({ SIGMAMIND_API_URL: 'https://u:p@api.example.com' })).toThrow(
      /credentials/,
    );
    expect(() => loadConfig({ SIGMAMIND_API_URL: 'https://api.example.com/?x=1' })).toThrow(
      /query/,
    );
  });

  it('never repeats the key, not even when refusing it', () => {
    const badKey = `${SECRET} with spaces`;
    expect(() => loadConfig({ SIGMAMIND_API_KEY: badKey })).toThrow(/value not shown/);
    try {
      loadConfig({ SIGMAMIND_API_KEY: badKey });
    } catch (error) {
      expect(String(error)).not.toContain(SECRET);
    }
    expect(describeApiTarget(loadConfig({ SIGMAMIND_API_KEY: SECRET }))).toBe(
      'API: upstream https://api.sigmamind.ai (key set)',
    );
    expect(describeApiTarget(loadConfig({}))).toMatch(/embedded sandbox/);
  });
});

const SIGN_IN = {
  AUTH_OIDC_ISSUER: 'https://login.example.com/realms/qa',
  AUTH_OIDC_CLIENT_ID: 'dashboard',
  AUTH_OIDC_CLIENT_SECRET: 'client-secret-value',
  PUBLIC_URL: 'https://dash.example.com',
  SESSION_SECRET: 'x'.repeat(32),
  ALLOWED_EMAIL_DOMAINS: 'Example.com, @qa.example.com',
  ALLOWED_EMAILS: 'Contractor@Elsewhere.org',
};

/** The one line a refusal prints for these settings. */
function refusal(env: Record<string, string>, command: 'serve' | 'dev' = 'serve'): string {
  try {
    loadConfig(env, command);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(1);
    return problems[0] ?? '';
  }
  throw new Error('expected a refusal');
}

describe('start-up refusals', () => {
  it('serve without SIGMAMIND_API_KEY or SANDBOX=1', () => {
    expect(refusal({})).toMatch(
      /Neither SIGMAMIND_API_KEY nor SANDBOX=1 is set: set SIGMAMIND_API_KEY .* or SANDBOX=1/,
    );
    expect(loadConfig({ SANDBOX: '1' }, 'serve').apiKey).toBeNull();
    // npm start keeps the sandbox as its default.
    expect(loadConfig({}, 'dev').apiKey).toBeNull();
  });

  it('a key with SANDBOX=1 as well', () => {
    expect(refusal({ SIGMAMIND_API_KEY: SECRET, SANDBOX: '1' })).toMatch(/unset one of them/);
  });

  it('a key on a non-loopback HOST without sign-in, unless ALLOW_ANONYMOUS=true', () => {
    const line = refusal({ SIGMAMIND_API_KEY: SECRET, HOST: '0.0.0.0' });
    expect(line).toMatch(
      /HOST=0\.0\.0\.0 is reachable from other machines, but sign-in is not configured/,
    );
    expect(line).toMatch(/AUTH_OIDC_ISSUER.*ALLOW_ANONYMOUS=true/);
    expect(line).not.toContain(SECRET);
    const anonymous = loadConfig(
      { SIGMAMIND_API_KEY: SECRET, HOST: '0.0.0.0', ALLOW_ANONYMOUS: 'true' },
      'serve',
    );
    expect(configWarnings(anonymous).join('\n')).toMatch(
      /ALLOW_ANONYMOUS=true: anyone who reaches/,
    );
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) {
      expect(loadConfig({ SIGMAMIND_API_KEY: SECRET, HOST: host }, 'serve').host).toBe(host);
    }
    expect(
      loadConfig({ SIGMAMIND_API_KEY: SECRET, HOST: '0.0.0.0', ...SIGN_IN }, 'serve').auth,
    ).not.toBeNull();
  });

  it('an http:// SIGMAMIND_API_URL that is not loopback', () => {
    expect(
      refusal({ SIGMAMIND_API_KEY: SECRET, SIGMAMIND_API_URL: 'http://api.sigmamind.ai' }),
    ).toMatch(/SIGMAMIND_API_URL must use https:\/\//);
    expect(loadConfig({ SIGMAMIND_API_URL: 'http://localhost:9000' }).apiUrl).toBe(
      'http://localhost:9000',
    );
  });

  it('an http:// issuer that is not loopback', () => {
    expect(
      refusal({ SANDBOX: '1', ...SIGN_IN, AUTH_OIDC_ISSUER: 'http://login.example.com' }),
    ).toMatch(/AUTH_OIDC_ISSUER must use https:\/\//);
    expect(
      loadConfig({ SANDBOX: '1', ...SIGN_IN, AUTH_OIDC_ISSUER: 'http://127.0.0.1:9000/' }, 'serve')
        .auth?.issuer,
    ).toBe('http://127.0.0.1:9000/');
  });

  it('keeps the issuer exactly as configured, a trailing slash included', () => {
    const issuer = (value: string) =>
      loadConfig({ SANDBOX: '1', ...SIGN_IN, AUTH_OIDC_ISSUER: value }, 'serve').auth?.issuer;
    expect(issuer('https://login.example.com/realms/qa/')).toBe(
      'https://login.example.com/realms/qa/',
    );
    expect(issuer('https://login.example.com/realms/qa')).toBe(
      'https://login.example.com/realms/qa',
    );
  });

  it('refuses wildcard and malformed allow-list entries, and warns on public mail domains', () => {
    for (const domains of ['*', '@', '*.example.com', 'example', 'exa mple.com']) {
      expect(
        refusal({ SANDBOX: '1', ...SIGN_IN, ALLOWED_EMAIL_DOMAINS: domains, ALLOWED_EMAILS: '' }),
      ).toMatch(/ALLOWED_EMAIL_DOMAINS has an entry that is not a domain name.*wildcards/);
    }
    for (const email of ['@example.com', 'a@evil.org@example.com', 'someone', 'a@b']) {
      expect(refusal({ SANDBOX: '1', ...SIGN_IN, ALLOWED_EMAILS: email })).toMatch(
        /ALLOWED_EMAILS has an entry that is not an address/,
      );
    }
    const config = loadConfig(
      { SANDBOX: '1', ...SIGN_IN, ALLOWED_EMAIL_DOMAINS: 'example.com, Gmail.com' },
      'serve',
    );
    expect(configWarnings(config)).toEqual([
      expect.stringMatching(/ALLOWED_EMAIL_DOMAINS lists gmail\.com: anyone can open an account/),
    ]);
    expect(configWarnings(loadConfig({ SANDBOX: '1', ...SIGN_IN }, 'serve'))).toEqual([]);
  });

  it('SESSION_SECRET as a list, SESSION_HOURS capped at a week, SESSION_NOT_BEFORE, timeouts', () => {
    const list = `${'n'.repeat(32)}, ${'o'.repeat(40)}`;
    const auth = loadConfig(
      {
        SANDBOX: '1',
        ...SIGN_IN,
        SESSION_SECRET: list,
        SESSION_HOURS: '168',
        SESSION_NOT_BEFORE: '2026-12-01T09:00:00Z',
        AUTH_OIDC_TIMEOUT_MS: '2500',
        ALLOW_UNVERIFIED_EMAIL: 'true',
      },
      'serve',
    ).auth;
    expect(auth).toMatchObject({
      sessionSecrets: ['n'.repeat(32), 'o'.repeat(40)],
      sessionHours: 168,
      sessionNotBefore: Date.UTC(2026, 11, 1, 9),
      oidcTimeoutMs: 2500,
      allowUnverifiedEmail: true,
    });
    expect(
      refusal({ SANDBOX: '1', ...SIGN_IN, SESSION_SECRET: `${'n'.repeat(32)},short` }),
    ).toMatch(/SESSION_SECRET must be at least 32 characters, each one/);
    expect(refusal({ SANDBOX: '1', ...SIGN_IN, SESSION_HOURS: '720' })).toMatch(
      /SESSION_HOURS must be an integer from 1 to 168/,
    );
    expect(refusal({ SANDBOX: '1', ...SIGN_IN, SESSION_NOT_BEFORE: 'yesterday' })).toMatch(
      /SESSION_NOT_BEFORE must be a time with its zone/,
    );
    expect(
      refusal({ SANDBOX: '1', ...SIGN_IN, SESSION_NOT_BEFORE: '2026-12-04T09:00:00' }),
    ).toMatch(/SESSION_NOT_BEFORE/);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(refusal({ SANDBOX: '1', ...SIGN_IN, SESSION_NOT_BEFORE: tomorrow })).toMatch(
      /SESSION_NOT_BEFORE is in the future/,
    );
    expect(refusal({ SANDBOX: '1', ...SIGN_IN, ALLOW_UNVERIFIED_EMAIL: 'yes' })).toMatch(
      /ALLOW_UNVERIFIED_EMAIL must be 1\/true or 0\/false/,
    );
  });

  it('half-configured sign-in, a short SESSION_SECRET, nobody allowed in, a PUBLIC_URL with a path', () => {
    expect(refusal({ SANDBOX: '1', AUTH_OIDC_ISSUER: SIGN_IN.AUTH_OIDC_ISSUER })).toMatch(
      /Sign-in is half configured: also set AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET, SESSION_SECRET, PUBLIC_URL/,
    );
    expect(refusal({ SANDBOX: '1', ...SIGN_IN, SESSION_SECRET: 'short' })).toMatch(
      /SESSION_SECRET must be at least 32/,
    );
    expect(
      refusal({ SANDBOX: '1', ...SIGN_IN, ALLOWED_EMAIL_DOMAINS: '', ALLOWED_EMAILS: '' }),
    ).toMatch(/who may enter: set ALLOWED_EMAIL_DOMAINS/);
    expect(
      refusal({ SANDBOX: '1', ...SIGN_IN, PUBLIC_URL: 'https://dash.example.com/app' }),
    ).toMatch(/origin only/);
  });

  it('reads sign-in settings, lower-casing who may enter', () => {
    expect(loadConfig({ SANDBOX: '1', ...SIGN_IN }, 'serve').auth).toEqual({
      issuer: 'https://login.example.com/realms/qa',
      clientId: 'dashboard',
      clientSecret: 'client-secret-value',
      publicUrl: 'https://dash.example.com',
      sessionSecrets: ['x'.repeat(32)],
      sessionHours: 12,
      sessionNotBefore: null,
      allowedEmailDomains: ['example.com', 'qa.example.com'],
      allowedEmails: ['contractor@elsewhere.org'],
      allowUnverifiedEmail: false,
      oidcTimeoutMs: 10_000,
    });
  });
});

describe('deployment settings', () => {
  it('refuses an http:// PUBLIC_URL on a name that is not loopback, unless ALLOW_INSECURE_PUBLIC_URL=true', () => {
    const env = { SANDBOX: '1', PUBLIC_URL: 'http://dash.example.com' };
    expect(refusal(env)).toBe(
      'PUBLIC_URL=http://dash.example.com is plain http:// on a name that is not loopback: sign-in would send session cookies in clear and HSTS, Secure and __Host- cookies are off. Use https:// (TLS at your proxy; see deploy/), or set ALLOW_INSECURE_PUBLIC_URL=true if the network is private on purpose',
    );
    expect(loadConfig({ ...env, ALLOW_INSECURE_PUBLIC_URL: 'true' }, 'serve').publicUrl).toBe(
      'http://dash.example.com',
    );
    for (const url of ['http://127.0.0.1:4173', 'http://localhost:4173', 'http://[::1]:4173']) {
      expect(loadConfig({ SANDBOX: '1', PUBLIC_URL: url }, 'serve').publicUrl).toBe(url);
    }
    expect(refusal({ SANDBOX: '1', ALLOW_INSECURE_PUBLIC_URL: 'yes' })).toMatch(
      /ALLOW_INSECURE_PUBLIC_URL must be 1\/true or 0\/false/,
    );
  });

  it('treats *.localhost as any other name: no plain http:// for it', () => {
    expect(refusal({ SANDBOX: '1', PUBLIC_URL: 'http://dash.localhost:4173' })).toMatch(
      /^PUBLIC_URL=http:\/\/dash.localhost:4173 is plain http:\/\/ on a name that is not loopback/,
    );
    expect(
      refusal({ SIGMAMIND_API_KEY: SECRET, SIGMAMIND_API_URL: 'http://api.localhost:9000' }),
    ).toMatch(/SIGMAMIND_API_URL must use https:\/\//);
    expect(refusal({ SIGMAMIND_API_KEY: SECRET, HOST: 'dash.localhost' })).toMatch(
      /HOST=dash.localhost is reachable from other machines/,
    );
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses and ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBeNull();
    expect(loadConfig({ TRUST_PROXY: '::1, fd00::/8' }).trustProxy).toEqual({
      proxies: ['::1', 'fd00::/8'],
    });
    expect(refusal({ SANDBOX: '1', TRUST_PROXY: '11' })).toBe(
      'TRUST_PROXY as a hop count must be from 1 to 10, got 11',
    );
    expect(refusal({ SANDBOX: '1', TRUST_PROXY: '10.0.0.0/33, nginx' })).toBe(
      'TRUST_PROXY must be a hop count (e.g. 1) or addresses/CIDR ranges of your proxies (e.g. 10.0.0.0/8,127.0.0.1); not understood: 10.0.0.0/33, nginx',
    );
  });

  it('refuses a short METRICS_TOKEN and a DRAIN_DELAY_MS out of range', () => {
    expect(refusal({ SANDBOX: '1', METRICS_TOKEN: 'short' })).toBe(
      'METRICS_TOKEN must be at least 16 characters (for example: openssl rand -hex 24)',
    );
    expect(refusal({ SANDBOX: '1', DRAIN_DELAY_MS: '90000' })).toBe(
      'DRAIN_DELAY_MS must be an integer from 0 to 60000, got "90000"',
    );
  });
});
