import { afterEach, describe, expect, it, vi } from 'vitest';

const errors = Error as unknown as { stackTraceLimit?: unknown };
const before = errors.stackTraceLimit;

afterEach(() => {
  errors.stackTraceLimit = before;
  vi.resetModules();
});

describe('loading React DOM for the browser', () => {
  it('captures no stack while React DOM loads, and restores the limit after', async () => {
    errors.stackTraceLimit = 17;
    const seen: unknown[] = [];
    // React DOM's module, as the bundle evaluates it: between stacks-off.ts and the restore.
    vi.doMock('react-dom/client', async (importOriginal) => {
      seen.push(errors.stackTraceLimit, typeof new Error('while loading').stack);
      return importOriginal();
    });
    const reactDom = await import('./react-dom-client');
    expect(seen).toEqual([undefined, 'undefined']);
    expect(errors.stackTraceLimit).toBe(17);
    expect(typeof new Error('after').stack).toBe('string');
    expect(typeof reactDom.hydrateRoot).toBe('function');
    expect(typeof reactDom.createRoot).toBe('function');
  });

  it('gives back whatever limit was set, even none', async () => {
    errors.stackTraceLimit = 'not a number';
    const { restoreStackTraces, stackTraceLimit } = await import('./stacks-off');
    expect(stackTraceLimit).toBe('not a number');
    expect(errors.stackTraceLimit).toBeUndefined();
    restoreStackTraces();
    expect(errors.stackTraceLimit).toBe('not a number');
  });
});
