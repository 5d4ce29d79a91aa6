import { startTransition, useEffect, useState } from 'react';

/**
 * `value` as it was at the last paint: a new value is returned only after the browser has
 * painted the render that brought it, in a transition (interruptible). Unlike useDeferredValue,
 * whose second pass starts right after the first commit and can hold that frame back, this
 * lets the first frame go out first. The first render (also the server's) returns `value`.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    const show = () => startTransition(() => setShown(value));
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame's callbacks run before its paint; a task queued from there runs after it.
    const frame = requestAnimationFrame(() => (timer = setTimeout(show, 0)));
    // A tab in the background paints no frames: it still catches up.
    const backstop = setTimeout(show, 250);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(backstop);
    };
  }, [shown, value]);
  return shown;
}
