/**
 * A test case's history: the agent's batch runs that ran the same testCaseId, newest first,
 * each with that batch's pass rate, found by the scan of use-test-case-scan.ts with a progress
 * bar, Cancel and "Scan more".
 */
import { useId } from 'react';
import type { ReadBatchRunPage } from '../../../contract/read-batch-runs';
import { AppLink } from '../../components/ui/app-link';
import { Button } from '../../components/ui/button';
import { ModalDialog, useDialogClose } from '../../components/ui/modal-dialog';
import { SuccessBar } from '../../components/ui/success-bar';
import { formatPassRate } from '../../lib/attempts';
import { readDateTime } from '../../../contract/read-batch-runs';
import { DateTime } from '../../components/ui/date-time';
import { formatCount, formatRelative, plural } from '../../lib/format';
import { WALK_PAGE_SIZE, type PageFetcher } from '../../lib/page-walker';
import { viewHref } from '../../lib/view/view';
import type { TestCaseRun } from './find-runs';
import { SCAN_PAGES, useTestCaseScan, type Scan } from './use-test-case-scan';

export function TestCaseHistory({
  agentId,
  testCaseId,
  label,
  fetchPage,
  onOpenBatch,
  onClose,
}: {
  agentId: string;
  testCaseId: string;
  label: string;
  /** Reads one page of this agent's batch runs (through the shared cache). */
  fetchPage: PageFetcher<ReadBatchRunPage>;
  /** Opens a batch run in the view (a plain click on its link); the dialog closes itself. */
  onOpenBatch: (batchId: string) => void;
  onClose: () => void;
}) {
  const { scan, scanMore, cancel } = useTestCaseScan(fetchPage, testCaseId);
  const { status, runs } = scan;
  return (
    <ModalDialog
      open
      onClose={onClose}
      variant="wide"
      title={`History of ${label ? `“${label}”` : 'an untitled test case'}`}
      subtitle={
        <p className="font-mono text-xs text-slate-600 dark:text-slate-400">{testCaseId}</p>
      }
    >
      <p className="text-slate-700 dark:text-slate-300">
        Batch runs of this agent that ran this test case, newest first. The pass rate is the
        batch&apos;s: the API counts attempts per batch, not per test case.
      </p>
      <ScanProgress scan={scan} onCancel={cancel} onScanMore={scanMore} />
      {runs.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">
          {status === 'scanning' ? 'Searching…' : 'No batch run found in the pages searched.'}
        </p>
      ) : (
        <RunsTable
          agentId={agentId}
          runs={runs}
          complete={status === 'done'}
          onOpenBatch={onOpenBatch}
        />
      )}
    </ModalDialog>
  );
}

function ScanProgress({
  scan,
  onCancel,
  onScanMore,
}: {
  scan: Scan;
  onCancel: () => void;
  onScanMore: () => void;
}) {
  const progressId = useId();
  const { status, scanned, target, totalPages, totalCount, nextPage } = scan;
  const shownTarget = totalPages === null ? target : Math.min(target, Math.max(totalPages, 1));
  // Said in batch runs, not in the requests of WALK_PAGE_SIZE it takes to read them.
  const batchRuns = (pages: number) =>
    totalCount === null ? pages * WALK_PAGE_SIZE : Math.min(totalCount, pages * WALK_PAGE_SIZE);
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={progressId} className="tabular-nums">
          Searched {formatCount(batchRuns(scanned))} of{' '}
          {plural(batchRuns(shownTarget), 'batch run', 'batch runs')}
        </label>
        <progress
          id={progressId}
          max={Math.max(shownTarget, 1)}
          value={scanned}
          className="h-2 min-w-32 flex-1 accent-indigo-600"
        />
        {status === 'scanning' && <Button onClick={onCancel}>Cancel</Button>}
        {(status === 'paused' || status === 'cancelled' || status === 'failed') && (
          <Button onClick={onScanMore}>
            {status === 'paused'
              ? `Search ${formatCount(SCAN_PAGES * WALK_PAGE_SIZE)} more`
              : 'Continue searching'}
          </Button>
        )}
      </div>
      {totalCount !== null && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The agent has {plural(totalCount, 'batch run', 'batch runs')} in all.
        </p>
      )}
      <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {status === 'paused' &&
          `Paused after the newest ${plural(batchRuns(scanned), 'batch run', 'batch runs')}: older ones are not searched yet.`}
        {status === 'done' && 'Every batch run of the agent was searched.'}
        {status === 'cancelled' &&
          `Cancelled: batch runs older than the newest ${formatCount(batchRuns(nextPage - 1))} were not searched.`}
      </p>
      {status === 'failed' && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          The scan stopped: {scan.error} The runs found so far are listed.
        </p>
      )}
    </div>
  );
}

const HEADER_CELL = 'py-1 pr-3 font-semibold';

function RunsTable({
  agentId,
  runs,
  complete,
  onOpenBatch,
}: {
  agentId: string;
  runs: readonly TestCaseRun[];
  /** Every page was searched. */
  complete: boolean;
  /** Opens a batch run in the view; the dialog closes first. */
  onOpenBatch: (batchId: string) => void;
}) {
  const closeDialog = useDialogClose();
  return (
    <table className="w-full border-collapse text-left">
      <caption className="mb-2 text-left font-medium">
        {plural(runs.length, 'batch run', 'batch runs')} ran this test case
        {complete ? '' : ' so far'}
      </caption>
      <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
        <tr>
          {['Batch', 'Created', 'Pass rate', 'Model'].map((heading) => (
            <th key={heading} scope="col" className={HEADER_CELL}>
              {heading}
            </th>
          ))}
          <th scope="col" className="py-1 text-right font-semibold">
            Attempts
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.batchId} className="border-t border-slate-200 dark:border-slate-800">
            <td className="py-1.5 pr-3">
              <AppLink
                href={viewHref({ agentId, batch: run.batchId })}
                onNavigate={() => {
                  closeDialog();
                  onOpenBatch(run.batchId);
                }}
                className="font-mono text-xs text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
              >
                {run.batchId}
              </AppLink>
            </td>
            <td className="py-1.5 pr-3 whitespace-nowrap">
              <DateTime sent={run.createdDate} />
              <RelativeDate sent={run.createdDate} />
            </td>
            <td className="py-1.5 pr-3">
              <span className="sr-only">{formatPassRate(run.summary)}: </span>
              <SuccessBar summary={run.summary} />
            </td>
            <td className="py-1.5 pr-3 font-mono text-xs">{run.llmModel}</td>
            <td className="py-1.5 text-right tabular-nums">{run.attempt}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "3 days ago" under the date, when the date reads. */
function RelativeDate({ sent }: { sent: string | null }) {
  const { ms } = readDateTime(sent);
  if (ms === null) return null;
  return (
    <>
      <span className="sr-only">, </span>
      <span className="block text-xs text-slate-600 dark:text-slate-400">{formatRelative(ms)}</span>
    </>
  );
}
