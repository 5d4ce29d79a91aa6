import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiErrorNotice } from '../../components/ui/api-error-notice';
import { CopyButton } from '../../components/ui/copy-button';
import { Notice } from '../../components/ui/notice';
import { StatusBadge } from '../../components/ui/status-badge';
import { SuccessBar } from '../../components/ui/success-bar';
import { ApiError } from '../../lib/api-client';
import { summarizeAttempts, type AttemptSummary } from '../../lib/attempts';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { formatCount } from '../../lib/format';
import { DateTime } from '../../components/ui/date-time';
import { Given } from '../../components/ui/not-given';
import { IncompleteMarker } from '../../components/ui/incomplete-marker';
import { buttonClass } from '../../components/ui/button';
import { batchRunsQueries } from './api/batch-runs-queries';
import { TestCasePanel, type TestCaseAction } from './test-case-panel';
import { AppLink } from '../../components/ui/app-link';
import { batchTitle } from '../../lib/view/titles';

const copyLinkClass = buttonClass({ size: 'sm', className: 'text-slate-800 dark:text-slate-100' });

/**
 * One batch run opened from a link (`&batch=…`) when it is not on the page the link names:
 * its header fields, its results bar and its test cases, with a way back to the agent's list.
 */
export function BatchDetail({
  agentId,
  batchId,
  agentName,
  backHref,
  onBack,
  linkUrl,
  testCaseAction,
}: {
  agentId: string;
  batchId: string;
  /** The agent's name when the list already knows it; the batch says it too once loaded. */
  agentName: string | undefined;
  backHref: string;
  onBack: () => void;
  /** The absolute URL of this view, for "Copy link". */
  linkUrl: string;
  testCaseAction?: TestCaseAction;
}) {
  const query = useQuery(batchRunsQueries.detail(agentId, batchId));
  const name = query.data?.agent.name ?? agentName ?? agentId;

  useEffect(() => {
    document.title = batchTitle(batchId, name);
  }, [batchId, name]);

  const backLink = (
    <AppLink
      href={backHref}
      onNavigate={onBack}
      className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
    >
      <span aria-hidden="true">←</span> Back to all batch runs of {name}
    </AppLink>
  );

  const notFound = query.error instanceof ApiError && query.error.status === 404;
  let body: React.ReactNode;
  if (query.isPending) {
    body = <DetailSkeleton />;
  } else if (query.isError) {
    body = notFound ? (
      <Notice tone="error" role="alert" title="Batch run not found">
        <p>
          Agent <code className="font-mono">{agentId}</code> has no batch run{' '}
          <code className="font-mono">{batchId}</code>. The link may be out of date, or it names
          another agent’s batch.
        </p>
        <p>{backLink}</p>
      </Notice>
    ) : (
      <ApiErrorNotice
        error={query.error}
        what="this batch run"
        onRetry={() => void query.refetch()}
      />
    );
  } else {
    const batch = query.data;
    const summary = summarizeAttempts(batch);
    body = (
      <>
        <IncompleteMarker repairs={batch.repairs} />
        <BatchFields batch={batch} summary={summary} />
        <section aria-labelledby="batch-detail-cases" className="space-y-2">
          <h2 id="batch-detail-cases" className="text-base font-semibold">
            Test cases
          </h2>
          <div className="rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
            <TestCasePanel testCases={batch.testCases} action={testCaseAction} />
          </div>
        </section>
      </>
    );
  }

  return (
    <section aria-labelledby="batch-detail-heading" className="space-y-4">
      {!notFound && <p>{backLink}</p>}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="batch-detail-heading" className="text-xl font-semibold break-all">
          Batch <code className="font-mono">{batchId}</code>{' '}
          <span className="ml-1 text-sm font-normal break-normal text-slate-600 dark:text-slate-400">
            of {name}
          </span>
        </h1>
        <div className="flex items-center gap-2">
          <CopyButton text={batchId} label={`Copy batch id ${batchId}`} className={copyLinkClass}>
            Copy id
          </CopyButton>
          <CopyButton
            text={linkUrl}
            label="Copy a link to this batch run"
            className={copyLinkClass}
          >
            Copy link
          </CopyButton>
        </div>
      </div>
      {body}
    </section>
  );
}

/** The batch's header fields and its results bar. */
function BatchFields({ batch, summary }: { batch: ReadBatchRun; summary: AttemptSummary }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-3 dark:border-slate-800 dark:bg-slate-950">
      {/* Results first: what the reader opened the batch for. */}
      <div>
        <dt className="text-slate-600 dark:text-slate-400">Results</dt>
        <dd>
          <SuccessBar summary={summary} />
          {summary.inconsistencies.length > 0 && (
            <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">
              <span aria-hidden="true">⚠ </span>Counts disagree:{' '}
              {summary.inconsistencies.join('; ')}
            </p>
          )}
        </dd>
      </div>
      <div>
        <dt className="text-slate-600 dark:text-slate-400">Created</dt>
        <dd>
          <DateTime sent={batch.createdDate} />
        </dd>
      </div>
      <div>
        <dt className="text-slate-600 dark:text-slate-400">Agent</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <span className="break-words">
            <Given text={batch.agent.name} />
          </span>
          {batch.agent.status !== null && <StatusBadge status={batch.agent.status} />}
        </dd>
      </div>
      <div>
        <dt className="text-slate-600 dark:text-slate-400">Workspace</dt>
        <dd className="font-mono text-xs leading-5 break-all">
          <Given text={batch.workspaceId} />
        </dd>
      </div>
      <div>
        <dt className="text-slate-600 dark:text-slate-400">Test cases</dt>
        <dd className="tabular-nums">{formatCount(batch.testCases.length)}</dd>
      </div>
      <div>
        <dt className="text-slate-600 dark:text-slate-400">Attempts finished</dt>
        <dd className="tabular-nums">
          {formatCount(summary.finished)} of {formatCount(summary.expected)}
          {summary.isUnfinished && (
            <span className="ml-2 rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-800 dark:bg-sky-900 dark:text-sky-100">
              running
            </span>
          )}
        </dd>
      </div>
    </dl>
  );
}

function DetailSkeleton() {
  return (
    <div role="status" className="space-y-3">
      <span className="sr-only">Loading batch run…</span>
      <div
        aria-hidden="true"
        className="h-24 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800"
      />
      <div
        aria-hidden="true"
        className="h-64 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800"
      />
    </div>
  );
}
