// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hostAllowList, isLoopbackHost } from './hosts.ts';

describe('hostAllowList', () => {
  const allowed = hostAllowList('https://dash.example.com', ['dash.internal', '10.0.0.5:4173']);

  it('answers loopback names on any port, PUBLIC_URL’s host and ALLOWED_HOSTS', () => {
    for (const host of [
      'localhost:4173',
      '127.0.0.1:5173',
      '[::1]:4173',
      'LOCALHOST',
      'dash.example.com',
      'Dash.Example.com',
      'dash.internal:8080',
      '10.0.0.5:4173',
    ]) {
      expect(allowed(host), host).toBe(true);
    }
  });

  it('refuses a rebinding name, the wrong port of a pinned entry and a missing header', () => {
    for (const host of [
      'evil.example:4173',
      'dash.example.com.evil.example',
      'dash.example.com:8443',
      '10.0.0.5:80',
      '127.0.0.1.evil.example',
      'app.localhost:80',
      '',
      undefined,
    ]) {
      expect(allowed(host), String(host)).toBe(false);
    }
  });

  it('knows loopback listen addresses', () => {
    expect(['127.0.0.1', 'localhost', '::1', '127.1.2.3'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.5', 'example.com'].some(isLoopbackHost)).toBe(false);
  });

  it('counts only literal loopback addresses and localhost, not *.localhost (resolved through DNS)', () => {
    for (const host of [
      'app.localhost',
      'localhost.evil.example',
      '127.0.0.1.nip.io',
      '0x7f.0.0.1',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});
