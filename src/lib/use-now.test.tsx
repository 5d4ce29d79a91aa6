import { act } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';

const RENDERED_AT = Date.UTC(2026, 2, 26, 10, 52);

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  vi.useRealTimers();
});

/** A fresh copy of the clock and the hints (module state), as in a page that just loaded. */
async function freshModules() {
  vi.resetModules();
  const { useNow, NOW_TICK_MS } = await import('./use-now');
  const { setHydrationHints } = await import('./render-context');
  return { useNow, NOW_TICK_MS, setHydrationHints };
}

describe('useNow while a server-rendered page hydrates', () => {
  it('keeps the time the page was rendered at, so the ages are not rendered a second time', async () => {
    vi.useFakeTimers({ now: RENDERED_AT + 1_500, toFake: ['Date', 'setInterval'] });
    const { useNow, NOW_TICK_MS, setHydrationHints } = await freshModules();
    let renders = 0;
    function Age() {
      renders += 1;
      return <span>{useNow()}</span>;
    }
    setHydrationHints({ now: RENDERED_AT, locale: 'en-US', timeZone: 'UTC', media: {} });
    document.body.innerHTML = `<div id="root"><span>${RENDERED_AT}</span></div>`;
    const container = document.getElementById('root')!;

    act(() => {
      root = hydrateRoot(container, <Age />);
    });
    // A snapshot that differed from the hydrated one would have rendered it again (blocking).
    expect(renders).toBe(1);
    expect(container.textContent).toBe(String(RENDERED_AT));

    // The first tick brings the clock to the present.
    act(() => {
      vi.advanceTimersByTime(NOW_TICK_MS);
    });
    expect(Number(container.textContent)).toBe(RENDERED_AT + 1_500 + NOW_TICK_MS);
  });
});
