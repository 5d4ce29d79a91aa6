/**
 * Which rows of the list are open. The batch named in the URL is always open; one row opened
 * by hand goes into the URL, "Expand all" leaves the URL alone.
 *
 * "Expand all" on 100 rows was one long commit of 100 panels of test cases (a 70 ms task).
 * Now it opens every row at once with light panels that hold their room (`unfilled`), then
 * fills them in top to bottom, FILL_CHUNK panels per interruptible render, each its own short
 * task, until every panel holds its test cases: find-in-page and screen readers get them all
 * within a few hundred milliseconds, without scrolling. Filling even the first panels in the
 * opening render would bring that render's frame back over 50 ms. Nothing is deferred on the
 * first render, so the server's HTML and the hydrated page agree.
 */
import type { ExpandedState, Updater } from '@tanstack/react-table';
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';

/** Panels filled per render: a short commit each, well inside a frame. */
const FILL_CHUNK = 10;

export function useExpandedRows(
  rows: readonly ReadBatchRun[],
  batch: string | null,
  setBatch: (batch: string | null) => void,
) {
  // Rows opened here; the batch named in the URL is always open.
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  // Open rows whose panel content is still to render, in the order they fill.
  const [waiting, setWaiting] = useState<readonly string[]>([]);
  const expanded: Record<string, boolean> = useMemo(
    () => (batch ? { ...opened, [batch]: true } : opened),
    [opened, batch],
  );

  // Stable while the rows and open rows stay the same, so the memoised table skips renders
  // that change neither (the URL catching up after a page change).
  const onExpandedChange = useCallback(
    (updater: Updater<ExpandedState>) => {
      const next = typeof updater === 'function' ? updater(expanded) : updater;
      const nextMap =
        next === true ? Object.fromEntries(rows.map((row) => [row.batchId, true])) : next;
      // One row opened by hand goes into the URL; "Expand all" leaves the URL alone.
      const newlyOpened = Object.keys(nextMap).filter((id) => nextMap[id] && !expanded[id]);
      if (newlyOpened.length === 1) setBatch(newlyOpened[0]!);
      else if (batch && !nextMap[batch]) setBatch(null);
      const nextOpened = Object.fromEntries(Object.entries(nextMap).filter(([, open]) => open));
      if (newlyOpened.length > 1) {
        // Opening many at once: every row opens in this render, its panel fills in later.
        startTransition(() => {
          setOpened(nextOpened);
          setWaiting((current) => [...current.filter((id) => nextOpened[id]), ...newlyOpened]);
        });
      } else {
        setOpened(nextOpened);
        // A closed row stops waiting: opened again by hand, it renders whole at once.
        setWaiting((current) =>
          current.length === 0 ? current : current.filter((id) => nextOpened[id]),
        );
      }
    },
    [expanded, rows, batch, setBatch],
  );

  // One chunk per task: each fill is a short render and commit of its own, with the browser
  // free to paint and take input in between.
  useEffect(() => {
    if (waiting.length === 0) return;
    const timer = setTimeout(() =>
      startTransition(() => setWaiting((current) => current.slice(FILL_CHUNK))),
    );
    return () => clearTimeout(timer);
  }, [waiting]);

  const unfilled = useMemo(() => new Set(waiting), [waiting]);
  const allOpen = rows.length > 0 && rows.every((row) => expanded[row.batchId]);
  return {
    expanded,
    onExpandedChange,
    /** Open rows whose test cases are not rendered yet ("Expand all" fills them in turn). */
    unfilled: unfilled as ReadonlySet<string>,
    allOpen,
    toggleAll: () => onExpandedChange(allOpen ? {} : true),
  };
}

export type ExpandedRows = ReturnType<typeof useExpandedRows>;
