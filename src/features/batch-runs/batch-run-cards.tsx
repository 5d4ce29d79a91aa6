import type { ExpandedState, RowSelectionState, Updater } from '@tanstack/react-table';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { CopyButton } from '../../components/ui/copy-button';
import { CreatedTime } from '../../components/ui/created-time';
import { SuccessBar } from '../../components/ui/success-bar';
import { summarizeAttempts } from '../../lib/attempts';
import { isRunning } from '../../lib/batch-state';
import { plural } from '../../lib/format';
import { MAX_COMPARED } from '../../lib/view/view';
import { TestCasePanel, type TestCaseAction } from './test-case-panel';

/**
 * The list on a narrow screen: each batch run a card (id, date, bar with counts, test-case
 * count, compare, expand) instead of a table row, so nothing scrolls sideways. Same state as
 * the table: open rows and the comparison's picks.
 */
export function BatchRunCards({
  rows,
  caption,
  expanded,
  onExpandedChange,
  rowSelection,
  onRowSelectionChange,
  testCaseAction,
}: {
  rows: ReadBatchRun[];
  caption: string;
  expanded: Record<string, boolean>;
  onExpandedChange: (updater: Updater<ExpandedState>) => void;
  rowSelection: RowSelectionState;
  onRowSelectionChange: (updater: Updater<RowSelectionState>) => void;
  testCaseAction?: TestCaseAction;
}) {
  const picked = Object.keys(rowSelection).length;
  return (
    <ul aria-label={caption} className="divide-y divide-slate-200 dark:divide-slate-800">
      {rows.map((batch) => {
        const id = batch.batchId;
        const open = expanded[id] === true;
        const selected = rowSelection[id] === true;
        const summary = summarizeAttempts(batch);
        return (
          <li
            key={id}
            id={`row-${id}`}
            data-batch-id={id}
            // Cards below the screen skip style and layout until scrolled near (on a phone, laying
            // out the whole list was most of the first page's layout work).
            className={`scroll-mt-4 p-3 ${open ? 'bg-indigo-50/60 dark:bg-indigo-950/40' : 'offscreen-card'}`}
          >
            <div className="flex items-start justify-between gap-2">
              <span className="inline-flex min-w-0 items-center gap-1">
                <code className="font-mono text-xs break-all">{id}</code>
                <CopyButton text={id} label={`Copy batch id ${id}`} />
              </span>
              <label className="flex shrink-0 items-center gap-1 text-xs">
                <input
                  type="checkbox"
                  checked={selected}
                  disabled={!selected && picked >= MAX_COMPARED}
                  onChange={(event) =>
                    onRowSelectionChange((current) => {
                      const next = { ...current };
                      if (event.target.checked) next[id] = true;
                      else delete next[id];
                      return next;
                    })
                  }
                  aria-label={`Select batch ${id} for comparison`}
                  className="h-4 w-4 accent-indigo-600"
                />
                Compare
              </label>
            </div>
            <div className="mt-1 text-sm">
              <CreatedTime iso={batch.createdDate} inline />
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
              <SuccessBar summary={summary} />
              {summary.isUnfinished && (
                <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
                  {isRunning(batch) ? 'running' : 'unfinished'}
                </span>
              )}
            </div>
            <div className="mt-2 flex items-center justify-between gap-2 text-sm">
              <span className="text-slate-700 dark:text-slate-300">
                {plural(batch.testCases.length, 'test case', 'test cases')}
              </span>
              <button
                type="button"
                onClick={() => onExpandedChange({ ...expanded, [id]: !open })}
                aria-expanded={open}
                aria-controls={`panel-${id}`}
                aria-label={`${open ? 'Hide' : 'Show'} test cases of batch ${id}`}
                className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
              >
                {open ? 'Hide test cases' : 'Show test cases'}
              </button>
            </div>
            {open && (
              <div id={`panel-${id}`} className="-mx-3 mt-2">
                <h2 className="sr-only">Test cases of batch {id}</h2>
                <TestCasePanel testCases={batch.testCases} action={testCaseAction} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
