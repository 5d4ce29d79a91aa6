/** The list's keys: j/k (and ↓/↑ inside the table) move between rows, [ and ] page, ? helps. */
import type { RefObject } from 'react';
import { moveRowFocus } from './row-focus';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

export function useListShortcuts({
  tableRef,
  canGoNext,
  canGoBack,
  page,
  onPageChange,
  onHelp,
  enabled,
}: {
  tableRef: RefObject<HTMLDivElement | null>;
  canGoNext: () => boolean;
  canGoBack: () => boolean;
  page: number;
  onPageChange: (page: number) => void;
  onHelp: () => void;
  enabled: boolean;
}) {
  const inTable = (event: KeyboardEvent) =>
    event.target instanceof Node && (tableRef.current?.contains(event.target) ?? false);
  useKeyboardShortcuts(
    [
      { keys: ['j'], run: () => moveRowFocus(tableRef.current, 1) },
      { keys: ['k'], run: () => moveRowFocus(tableRef.current, -1) },
      { keys: ['ArrowDown'], when: inTable, run: () => moveRowFocus(tableRef.current, 1) },
      { keys: ['ArrowUp'], when: inTable, run: () => moveRowFocus(tableRef.current, -1) },
      { keys: [']'], when: canGoNext, run: () => onPageChange(page + 1) },
      { keys: ['['], when: canGoBack, run: () => onPageChange(page - 1) },
      { keys: ['?'], run: onHelp },
    ],
    enabled,
  );
}
