// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ConfigError, describeApiTarget, loadConfig } from './config.ts';

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
    });
    expect(config).toEqual({
      apiKey: SECRET,
      apiUrl: 'http://127.0.0.1:4392',
      host: '0.0.0.0',
      port: 0,
      upstreamTimeoutMs: 3000,
      maxUpstreamBytes: 1048576,
    });
  });

  it('lists every problem at once', () => {
    const load = () =>
      loadConfig({
        SIGMAMIND_API_URL: 'ftp://example.com',
        PORT: '70000',
        UPSTREAM_TIMEOUT_MS: '1.5',
        MAX_UPSTREAM_BYTES: '-1',
      });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      /SIGMAMIND_API_URL[\s\S]*PORT[\s\S]*UPSTREAM_TIMEOUT_MS[\s\S]*MAX_UPSTREAM_BYTES/,
    );
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
