/**
 * Single-key shortcuts on the document. None fires while the reader is typing (a text field,
 * select, textarea or contenteditable has focus), with Ctrl, Meta or Alt held (those belong to
 * the browser and the system), while an IME is composing, or while a modal dialog is open.
 */
import { useEffect, useEffectEvent } from 'react';

export interface Shortcut {
  /** KeyboardEvent.key values that trigger it: 'j', 'ArrowDown', '?', '['. */
  keys: readonly string[];
  /** Extra condition, e.g. "focus is inside the table". */
  when?: (event: KeyboardEvent) => boolean;
  run: (event: KeyboardEvent) => void;
}

/** Inputs that do not take text: a shortcut key pressed on them is not typing. */
const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable=""], [contenteditable="true"]'))
    return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function isInDialog(target: EventTarget | null): boolean {
  if (target instanceof Element && target.closest('dialog, [role="dialog"]')) return true;
  return document.querySelector('dialog[open], [aria-modal="true"]') !== null;
}

export function useKeyboardShortcuts(shortcuts: readonly Shortcut[], enabled = true): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.target) || isInDialog(event.target)) return;
    const shortcut = shortcuts.find(
      (candidate) => candidate.keys.includes(event.key) && (candidate.when?.(event) ?? true),
    );
    if (!shortcut) return;
    event.preventDefault();
    shortcut.run(event);
  });

  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
