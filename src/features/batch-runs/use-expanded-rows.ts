/**
 * Which rows of the list are open. The batch named in the URL is always open; one row opened
 * by hand goes into the URL, "Expand all" leaves the URL alone and renders in interruptible
 * slices (startTransition) rather than one long task.
 */
import type { ExpandedState, Updater } from '@tanstack/react-table';
import { startTransition, useState } from 'react';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';

export function useExpandedRows(
  rows: readonly ReadBatchRun[],
  batch: string | null,
  setBatch: (batch: string | null) => void,
) {
  // Rows opened here; the batch named in the URL is always open.
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const expanded: Record<string, boolean> = batch ? { ...opened, [batch]: true } : opened;

  function onExpandedChange(updater: Updater<ExpandedState>) {
    const next = typeof updater === 'function' ? updater(expanded) : updater;
    const nextMap =
      next === true ? Object.fromEntries(rows.map((row) => [row.batchId, true])) : next;
    // One row opened by hand goes into the URL; "Expand all" leaves the URL alone.
    const newlyOpened = Object.keys(nextMap).filter((id) => nextMap[id] && !expanded[id]);
    if (newlyOpened.length === 1) setBatch(newlyOpened[0]!);
    else if (batch && !nextMap[batch]) setBatch(null);
    const nextOpened = Object.fromEntries(Object.entries(nextMap).filter(([, open]) => open));
    // Opening many panels at once ("Expand all" on 100 rows) renders in interruptible slices
    // rather than one long task; a single row opens at once.
    if (newlyOpened.length > 1) startTransition(() => setOpened(nextOpened));
    else setOpened(nextOpened);
  }

  const allOpen = rows.length > 0 && rows.every((row) => expanded[row.batchId]);
  return {
    expanded,
    onExpandedChange,
    allOpen,
    toggleAll: () => onExpandedChange(allOpen ? {} : true),
  };
}

export type ExpandedRows = ReturnType<typeof useExpandedRows>;
