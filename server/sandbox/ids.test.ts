// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdCodec } from './ids.ts';

const index = fc.integer({ min: 0, max: 0xffffffff });

describe('id codec', () => {
  it('round-trips every index as 16 base62 characters', () => {
    fc.assert(
      fc.property(fc.string(), index, (namespace, n) => {
        const codec = createIdCodec(namespace);
        const id = codec.encode(n);
        expect(id).toMatch(/^[0-9A-Za-z]{16}$/);
        expect(codec.decode(id)).toBe(n);
      }),
    );
  });

  it('rejects ids from another namespace', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), index, (a, b, n) => {
        fc.pre(a !== b);
        expect(createIdCodec(b).decode(createIdCodec(a).encode(n))).toBeUndefined();
      }),
    );
  });

  it('rejects made-up and malformed ids', () => {
    const codec = createIdCodec('agent');
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            ...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
          ),
          minLength: 16,
          maxLength: 16,
        }),
        (id) => {
          expect(codec.decode(id)).toBeUndefined();
        },
      ),
    );
    for (const id of ['', 'short', 's0OJu2JWR8R45Fai!', 'zzzzzzzzzzzzzzzz']) {
      expect(codec.decode(id)).toBeUndefined();
    }
  });

  it('makes neighbouring indices look unrelated', () => {
    const codec = createIdCodec('agent');
    const ids = [0, 1, 2, 3].map((n) => codec.encode(n));
    expect(new Set(ids.map((id) => id.slice(0, 4))).size).toBe(4);
  });
});
