// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy } from './client-address.ts';

function trust(value: string) {
  const problems: string[] = [];
  const parsed = parseTrustProxy(value, problems);
  expect(problems).toEqual([]);
  return parsed;
}

describe('clientAddress', () => {
  it('is the socket address without TRUST_PROXY, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(null, '10.0.0.7', '6.6.6.6')).toBe('10.0.0.7');
    expect(clientAddress(null, '::ffff:10.0.0.7', undefined)).toBe('10.0.0.7');
    expect(clientAddress(null, undefined, '6.6.6.6')).toBeNull();
  });

  it('believes as many hops as TRUST_PROXY counts, from the nearest', () => {
    // The client forged the first entry; the one proxy appended the real address last.
    expect(clientAddress(trust('1'), '127.0.0.1', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddress(trust('2'), '127.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.2')).toBe(
      '203.0.113.9',
    );
    // Fewer entries than hops: the farthest one known.
    expect(clientAddress(trust('3'), '127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddress(trust('1'), '127.0.0.1', undefined)).toBe('127.0.0.1');
    expect(clientAddress(trust('1'), '127.0.0.1', 'not-an-address')).toBe('127.0.0.1');
  });

  it('walks back past the listed proxies and ranges to the first address that is not one', () => {
    const proxies = trust('127.0.0.1, 10.0.0.0/8, fd00::/8');
    expect(clientAddress(proxies, '127.0.0.1', '6.6.6.6, 203.0.113.9, 10.1.2.3')).toBe(
      '203.0.113.9',
    );
    expect(clientAddress(proxies, 'fd00::5', '2001:db8::1')).toBe('2001:db8::1');
    // A socket that is not a listed proxy: its X-Forwarded-For is not believed.
    expect(clientAddress(proxies, '198.51.100.4', '6.6.6.6')).toBe('198.51.100.4');
  });
});
