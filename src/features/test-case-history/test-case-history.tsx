/**
 * A test case's history: the agent's batch runs that ran the same testCaseId, newest first,
 * each with that batch's pass rate, found by the server over every batch of the agent
 * (use-test-case-history.ts), with its progress while it still reads the agent, Stop and
 * "Show more".
 */
import { useId } from 'react';
import { AppLink } from '../../components/ui/app-link';
import { Button } from '../../components/ui/button';
import { ModalDialog, useDialogClose } from '../../components/ui/modal-dialog';
import { SuccessBar } from '../../components/ui/success-bar';
import { formatPassRate } from '../../lib/attempts';
import { readDateTime } from '../../../contract/read-batch-runs';
import { DateTime } from '../../components/ui/date-time';
import { formatCount, formatRelative, plural } from '../../lib/format';
import { viewHref } from '../../lib/view/view';
import type { TestCaseRun } from './find-runs';
import { HISTORY_STEP } from './api/history-api';
import { useTestCaseHistory, type History } from './use-test-case-history';

export function TestCaseHistory({
  agentId,
  testCaseId,
  label,
  onOpenBatch,
  onClose,
}: {
  agentId: string;
  testCaseId: string;
  label: string;
  /** Opens a batch run in the view (a plain click on its link); the dialog closes itself. */
  onOpenBatch: (batchId: string) => void;
  onClose: () => void;
}) {
  const { history, stop, resume, retry, showMore } = useTestCaseHistory(agentId, testCaseId);
  const { status, runs } = history;
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
      <HistoryProgress
        history={history}
        onStop={stop}
        onContinue={status === 'failed' ? retry : resume}
      />
      {runs.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">
          {status === 'searching' ? 'Searching…' : 'No batch run found in the batch runs searched.'}
        </p>
      ) : (
        <>
          <RunsTable
            agentId={agentId}
            runs={runs}
            found={history.found}
            complete={status === 'done'}
            onOpenBatch={onOpenBatch}
          />
          {history.hasMore && (
            <Button onClick={showMore} disabled={history.loadingMore}>
              Show {formatCount(Math.min(HISTORY_STEP, history.found - runs.length))} more
            </Button>
          )}
          {history.capped && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              The newest {formatCount(runs.length)} are listed.
            </p>
          )}
        </>
      )}
    </ModalDialog>
  );
}

function HistoryProgress({
  history,
  onStop,
  onContinue,
}: {
  history: History;
  onStop: () => void;
  onContinue: () => void;
}) {
  const progressId = useId();
  const { status, searched, of } = history;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={progressId} className="tabular-nums">
          Searched {formatCount(searched)} of{' '}
          {of === null ? '… batch runs' : plural(of, 'batch run', 'batch runs')}
        </label>
        <progress
          id={progressId}
          max={Math.max(of ?? 1, 1)}
          value={searched}
          className="h-2 min-w-32 flex-1 accent-indigo-600"
        />
        {status === 'searching' && <Button onClick={onStop}>Stop</Button>}
        {(status === 'stopped' || status === 'failed') && (
          <Button onClick={onContinue}>Continue searching</Button>
        )}
      </div>
      <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {status === 'done' && 'Every batch run of the agent was searched.'}
        {status === 'stopped' &&
          `Stopped: batch runs older than the newest ${formatCount(searched)} were not searched.`}
      </p>
      {status === 'failed' && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          The search stopped: {history.error} The runs found so far are listed.
        </p>
      )}
    </div>
  );
}

const HEADER_CELL = 'py-1 pr-3 font-semibold';

function RunsTable({
  agentId,
  runs,
  found,
  complete,
  onOpenBatch,
}: {
  agentId: string;
  runs: readonly TestCaseRun[];
  /** Runs found in all (the newest `runs.length` are listed). */
  found: number;
  /** Every batch run of the agent was searched. */
  complete: boolean;
  /** Opens a batch run in the view; the dialog closes first. */
  onOpenBatch: (batchId: string) => void;
}) {
  const closeDialog = useDialogClose();
  return (
    <table className="w-full border-collapse text-left">
      <caption className="mb-2 text-left font-medium">
        {plural(found, 'batch run', 'batch runs')} ran this test case
        {complete ? '' : ' so far'}
        {found > runs.length ? ` · the newest ${formatCount(runs.length)} listed` : ''}
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
