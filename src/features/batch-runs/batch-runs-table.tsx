import {
  FlexRender,
  useTable,
  type ExpandedState,
  type Row,
  type RowSelectionState,
  type Updater,
} from '@tanstack/react-table';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useAfterPaint } from '../../lib/use-after-paint';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { batchRunColumns } from './columns';
import { batchRunsFeatures } from './table-features';
import { MAX_COMPARED } from '../../lib/view/view';
import { TestCasePanel, type TestCaseAction } from './test-case-panel';

type BatchRunRowModel = Row<typeof batchRunsFeatures, ReadBatchRun>;

/** About a screenful of rows: on a page change these render at once, the rest a moment later. */
const EAGER_ROWS = 10;

const CELL_CLASS: Partial<Record<string, string>> = {
  select: 'w-9 pr-0',
  expander: 'w-10',
  batchId: 'w-[14.5rem]',
  createdDate: 'w-[9rem]',
  results: 'w-[17.5rem]',
  attempts: 'w-[6rem] text-right',
};

/** Memoised: its props are the query's rows, stable callbacks and plain values. */
export const BatchRunsTable = memo(function BatchRunsTable({
  rows,
  totalCount,
  page,
  size,
  expanded,
  unfilled,
  onExpandedChange,
  scrollToId,
  caption,
  rowSelection,
  onRowSelectionChange,
  testCaseAction,
}: {
  rows: ReadBatchRun[];
  totalCount: number;
  page: number;
  size: number;
  expanded: Record<string, boolean>;
  /** Open rows whose test cases are still to render (see useExpandedRows). */
  unfilled?: ReadonlySet<string>;
  onExpandedChange: (updater: Updater<ExpandedState>) => void;
  /** A batch opened from a link: scrolled into view once it is on screen. */
  scrollToId: string | null;
  caption: string;
  /** Batches picked for comparison (kept across pages by the view). */
  rowSelection: RowSelectionState;
  onRowSelectionChange: (updater: Updater<RowSelectionState>) => void;
  /** What each test case card offers (its history), filled in by the page. */
  testCaseAction?: TestCaseAction;
}) {
  const selectedCount = Object.keys(rowSelection).length;
  const table = useTable({
    features: batchRunsFeatures,
    columns: batchRunColumns,
    data: rows,
    getRowId: (row) => row.batchId,
    getRowCanExpand: () => true,
    // Keep opened rows open when the data changes (a live refresh of the same page).
    autoResetExpanded: false,
    manualPagination: true,
    rowCount: totalCount,
    state: { pagination: { pageIndex: page - 1, pageSize: size }, expanded, rowSelection },
    onExpandedChange,
    // At most two batches: with two picked, the others cannot be picked until one is unpicked.
    enableRowSelection: (row) => row.getIsSelected() || selectedCount < MAX_COMPARED,
    enableRowRangeSelection: false,
    onRowSelectionChange,
  });

  // A page change mounts a whole page of new rows. The first screenful renders at once; rows
  // below it start as light rows (same ids, one empty cell) and fill in a second, interruptible
  // pass once that frame is painted (useAfterPaint), so the new page is on screen within a
  // frame. Rows already shown (a live refresh of the same page) are never made light, and the
  // first render (also the server's) has nothing deferred.
  const shownRows = useAfterPaint(rows);
  const shownIds = useMemo(
    () => (shownRows === rows ? null : new Set(shownRows.map((row) => row.batchId))),
    [shownRows, rows],
  );

  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!scrollToId || scrolledTo.current === scrollToId) return;
    const element = document.getElementById(`row-${scrollToId}`);
    if (!element) return;
    scrolledTo.current = scrollToId;
    element.scrollIntoView({ block: 'start' });
  }, [scrollToId, rows]);

  return (
    // The fixed columns take ~52rem; the table is only shown from 1024 px (cards below), so
    // "Test cases" keeps 10rem or more and nothing scrolls sideways.
    <table className="w-full table-fixed border-collapse text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      {/* Sticky: on a long page the columns stay named. */}
      <thead className="sticky top-0 z-10 bg-slate-100 text-xs tracking-wide text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-300">
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th
                key={header.id}
                scope="col"
                className={`px-3 py-2 font-semibold ${CELL_CLASS[header.column.id] ?? ''}`}
              >
                {header.isPlaceholder ? null : <table.FlexRender header={header} />}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row, index) => (
          <BatchRunRow
            key={row.id}
            row={row}
            light={shownIds !== null && index >= EAGER_ROWS && !shownIds.has(row.id)}
            batch={row.original}
            open={row.getIsExpanded()}
            filled={!unfilled?.has(row.id)}
            selected={row.getIsSelected()}
            canSelect={row.getCanSelect()}
            testCaseAction={testCaseAction}
          />
        ))}
      </tbody>
    </table>
  );
});

interface BatchRunRowProps {
  /** TanStack's row: the cells read it. A new object for the same batch and state renders
   *  the same, so the comparison below looks at what it shows instead. */
  row: BatchRunRowModel;
  batch: ReadBatchRun;
  /** Not filled in yet (below the first screenful of a new page): an empty row of its size. */
  light: boolean;
  open: boolean;
  /** The open panel holds its test cases; false while "Expand all" fills the panels in. */
  filled: boolean;
  selected: boolean;
  canSelect: boolean;
  testCaseAction: TestCaseAction | undefined;
}

/**
 * One batch run and, when open, its test cases. Memoised: a page change mounts only the new
 * page's rows, and a render that changes nothing in a row (the URL catching up, a pick on
 * another row, a live refresh that returns the same batch) leaves it alone.
 */
const BatchRunRow = memo(
  function BatchRunRow({ row, batch, light, open, filled, testCaseAction }: BatchRunRowProps) {
    if (light) {
      return (
        <tr
          id={`row-${row.id}`}
          data-batch-id={row.id}
          className="h-[3.3rem] border-t border-slate-200 dark:border-slate-800"
        >
          <td colSpan={row.getAllCells().length} />
        </tr>
      );
    }
    return (
      <>
        <tr
          id={`row-${row.id}`}
          data-batch-id={row.id}
          className={`scroll-mt-4 border-t border-slate-200 align-top has-[:focus-visible]:shadow-[inset_3px_0_0_var(--color-indigo-500)] dark:border-slate-800 ${open ? 'bg-indigo-50/60 dark:bg-indigo-950/40' : 'hover:bg-slate-50 dark:hover:bg-slate-900'}`}
        >
          {row.getAllCells().map((cell) => (
            <td key={cell.id} className={`px-3 py-2 ${CELL_CLASS[cell.column.id] ?? ''}`}>
              <FlexRender cell={cell} />
            </td>
          ))}
        </tr>
        {open && (
          <tr id={`panel-${row.id}`} className="bg-slate-50 dark:bg-slate-900/60">
            <td colSpan={row.getAllCells().length} className="p-0">
              {/* Off-screen panels skip layout and paint until scrolled to: "Expand all"
                  on 100 rows was a second of layout otherwise. A panel still to fill holds
                  the same room without content-visibility, whose second layout pass over
                  the whole table would only cost time while there is nothing to skip. */}
              <div
                className={
                  filled
                    ? '[contain-intrinsic-size:auto_32rem] [content-visibility:auto]'
                    : 'h-[32rem]'
                }
              >
                <h2 className="sr-only">Test cases of batch {batch.batchId}</h2>
                {filled && <TestCasePanel testCases={batch.testCases} action={testCaseAction} />}
              </div>
            </td>
          </tr>
        )}
      </>
    );
  },
  (before, after) =>
    before.batch === after.batch &&
    before.light === after.light &&
    before.open === after.open &&
    before.filled === after.filled &&
    before.selected === after.selected &&
    before.canSelect === after.canSelect &&
    before.testCaseAction === after.testCaseAction,
);
