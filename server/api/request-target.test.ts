// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isApiNamespace, parseApiTarget } from './request-target.ts';

describe('isApiNamespace', () => {
  it.each(['/v1', '/v1/', '/v1/batch-runs', '/v1?x=1', '/v1%2f..', '/v1\\x', '/v1//x'])(
    'claims %s for the forwarder',
    (target) => expect(isApiNamespace(target)).toBe(true),
  );

  it.each(['/', '/v10', '/v1abc', '/v1.js', '/assets/v1', '/x/../v1/batch-runs'])(
    'leaves %s to the static files',
    (target) => expect(isApiNamespace(target)).toBe(false),
  );
});

describe('parseApiTarget', () => {
  it('accepts API paths and rebuilds the query from its parameters', () => {
    expect(parseApiTarget('/v1/batch-runs?agentId=a%26b&page=0&x=%0D%0A#frag')).toEqual({
      ok: true,
      path: '/v1/batch-runs',
      search: '?agentId=a%26b&page=0&x=%0D%0A',
    });
    expect(parseApiTarget('/v1/batch-runs/batch_s0OJu2JWR8R45Fai')).toMatchObject({
      ok: true,
      search: '',
    });
  });

  // Pieces an attacker combines to smuggle a path past a checker.
  const piece = fc.constantFrom(
    '/',
    '//',
    '.',
    '..',
    '%2e',
    '%2E',
    '%2f',
    '%5c',
    '\\',
    '%00',
    '%',
    'v1',
    'batch-runs',
    'a_b',
    '\t',
    ' ',
    '?',
    '#',
  );
  const target = fc.array(piece, { maxLength: 8 }).map((parts) => `/v1/${parts.join('')}`);

  it('only accepts paths that URL parsing and decoding leave unchanged', () => {
    fc.assert(
      fc.property(target, (raw) => {
        const parsed = parseApiTarget(raw);
        if (!parsed.ok) return;
        expect(new URL(parsed.path, 'http://x').pathname).toBe(parsed.path);
        expect(decodeURIComponent(parsed.path)).toBe(parsed.path);
        expect(parsed.path).toMatch(/^\/v1(\/[A-Za-z0-9_-]+)+$/);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps every query parameter, in order, whatever it contains', () => {
    const params = fc.array(
      fc.tuple(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' })),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(params, (entries) => {
        const parsed = parseApiTarget(`/v1/batch-runs?${new URLSearchParams(entries).toString()}`);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect([...new URLSearchParams(parsed.search)]).toEqual(entries);
        expect(parsed.search).not.toMatch(/[\r\n#\s]/);
      }),
    );
  });
});
