/**
 * Two batch runs side by side (`?agentId=…&compare=a,b`): both headers, the pass-rate
 * difference in points, and the test cases added, removed and changed between them. Loaded
 * on first use; the agent page queries both batches (through the shared cache) and passes
 * the results in.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ApiErrorNotice } from '../../components/ui/api-error-notice';
import { Button } from '../../components/ui/button';
import { CopyButton } from '../../components/ui/copy-button';
import { Notice } from '../../components/ui/notice';
import { ApiError } from '../../lib/api-client';
import { readDateTime, type ReadBatchRun } from '../../../contract/read-batch-runs';
import { plural } from '../../lib/format';
import { viewHref } from '../../lib/view/view';
import { ComparisonHeader } from './comparison-header';
import { diffBatches } from '../../lib/batch-diff';
import { TestCaseChanges } from './test-case-changes';
import { TestCaseList } from './test-case-list';

export function BatchComparison({
  agentId,
  ids,
  results,
  onClose,
  onOpenBatch,
}: {
  agentId: string;
  ids: readonly [string, string];
  /** The two batches as the caller queries them, in the order of `ids`. */
  results: UseQueryResult<ReadBatchRun, ApiError>[];
  onClose: () => void;
  /** Leaves the comparison for one of the two batch runs. */
  onOpenBatch: (batchId: string) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const close = <Button onClick={onClose}>Close comparison</Button>;

  const notFound = ids.filter(
    (_, index) => results[index]?.error instanceof ApiError && results[index].error.status === 404,
  );
  const failed = results.find((result) => result.isError);
  const [older, newer] = orderByDate(results.map((result) => result.data));

  let body: React.ReactNode;
  if (notFound.length > 0) {
    body = (
      <Notice tone="error" role="alert" title="Batch run not found">
        <p>
          {notFound.length === 2 ? 'Neither ' : ''}
          {notFound.map((id, index) => (
            <span key={id}>
              {index > 0 && ' nor '}
              <code className="font-mono">{id}</code>
            </span>
          ))}{' '}
          {notFound.length === 2 ? 'is a batch run' : 'is not a batch run'} of agent{' '}
          <code className="font-mono">{agentId}</code>. The link may be mistyped or out of date.
        </p>
        <p>{close}</p>
      </Notice>
    );
  } else if (failed?.isError) {
    body = (
      <ApiErrorNotice
        error={failed.error}
        what="the batch runs to compare"
        onRetry={() => results.forEach((result) => void result.refetch())}
      />
    );
  } else if (!older || !newer) {
    body = (
      <p
        role="status"
        className="rounded-lg border border-slate-200 p-6 text-sm dark:border-slate-800"
      >
        Loading the two batch runs…
      </p>
    );
  } else {
    body = <ComparisonBody older={older} newer={newer} onOpenBatch={onOpenBatch} />;
  }

  return (
    <section aria-labelledby="comparison-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1
          id="comparison-heading"
          ref={heading}
          tabIndex={-1}
          className="text-xl font-semibold focus:outline-none"
        >
          Comparing two batch runs{' '}
          <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
            of {older?.agent.name ?? agentId}
          </span>
        </h1>
        <div className="flex items-center gap-2">
          <CopyButton
            text={viewHref({ agentId, compare: ids }, { absolute: true })}
            label="Copy link to this comparison"
            className="border border-slate-300 !px-3 !py-1.5 !text-sm font-medium dark:border-slate-600"
          >
            Copy link
          </CopyButton>
          {/* A link to a batch that does not exist says so with its own Close: one, not two. */}
          {notFound.length === 0 && close}
        </div>
      </div>
      {body}
    </section>
  );
}

/** What changed between the two: the headers, then the test cases by kind of change. */
function ComparisonBody({
  older,
  newer,
  onOpenBatch,
}: {
  older: ReadBatchRun;
  newer: ReadBatchRun;
  onOpenBatch: (batchId: string) => void;
}) {
  const diff = diffBatches(older, newer);
  return (
    <div className="space-y-6">
      <ComparisonHeader
        older={older}
        newer={newer}
        points={diff.passRatePoints}
        shared={diff.changed.length + diff.unchanged.length}
        added={diff.added}
        removed={diff.removed}
        onOpenBatch={onOpenBatch}
      />
      <p className="text-sm text-slate-700 dark:text-slate-300">
        By test case id: {plural(diff.changed.length, 'test case', 'test cases')} changed,{' '}
        {diff.added.length} added, {diff.removed.length} removed, {diff.unchanged.length} unchanged.
      </p>
      <TestCaseChanges changes={diff.changed} />
      <TestCaseList
        title="Added in the newer batch"
        empty="No test case was added."
        testCases={diff.added}
      />
      <TestCaseList
        title="Removed since the older batch"
        empty="No test case was removed."
        testCases={diff.removed}
      />
      <TestCaseList
        title="Unchanged"
        empty="No test case ran unchanged in both."
        testCases={diff.unchanged}
      />
    </div>
  );
}

const dateMs = (batch: ReadBatchRun) => readDateTime(batch.createdDate).ms ?? Number.NaN;

/** Older first: differences read as what changed since. Equal dates keep the link's order. */
function orderByDate(
  batches: (ReadBatchRun | undefined)[],
): [ReadBatchRun | undefined, ReadBatchRun | undefined] {
  const [a, b] = batches;
  // A date that was not given or does not read compares as NaN: the link's order is kept.
  if (a && b && dateMs(b) < dateMs(a)) return [b, a];
  return [a, b];
}
