import { useRef, useState } from 'react';

const STEP: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (index) => index + 1,
  ArrowLeft: (index) => index - 1,
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * One tab stop for the chart's slots (roving tabindex, starting at the newest); the arrows,
 * Home and End move focus between them.
 */
export function useSlotKeys(count: number) {
  const [focusIndex, setFocusIndex] = useState(count - 1);
  const slots = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: React.KeyboardEvent, index: number) {
    const next = STEP[event.key]?.(index, count - 1);
    if (next === undefined || next < 0 || next >= count) return;
    event.preventDefault();
    setFocusIndex(next);
    slots.current[next]?.focus();
  }

  return {
    tabIndexOf: (index: number) => (index === Math.min(focusIndex, count - 1) ? 0 : -1),
    refOf: (index: number) => (element: HTMLButtonElement | null) => {
      slots.current[index] = element;
    },
    focused: setFocusIndex,
    onKeyDown,
  };
}
