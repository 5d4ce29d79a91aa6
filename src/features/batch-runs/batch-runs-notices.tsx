import { AppLink } from '../../components/ui/app-link';
import { Notice } from '../../components/ui/notice';
import type { Unreadable } from '../../../contract/read-batch-runs';
import { formatCount, plural } from '../../lib/format';
import { viewHref, type PageSize } from '../../lib/view/view';

/**
 * The agent has no batch runs at all: one message, that the agent is not the workspace's when
 * the agent list says so (the API answers an unknown id with an empty page), else that it has
 * not run a batch yet.
 */
export function NoBatchRuns({
  agentId,
  agentName,
  unknown,
}: {
  agentId: string;
  agentName: string | undefined;
  unknown: boolean;
}) {
  if (unknown) {
    return (
      <Notice tone="warning" title="Agent not found">
        <p>
          <code className="font-mono">{agentId}</code> is not one of this workspace’s agents. Check
          the link, or find the agent by name in the box above.
        </p>
      </Notice>
    );
  }
  return (
    <Notice title="No batch runs yet">
      <p>
        {agentName ? <bdi>{agentName}</bdi> : <code className="font-mono">{agentId}</code>} has not
        run any batch of test cases. Start one in SigmaMind, or pick another agent.
      </p>
    </Notice>
  );
}

/** A stale link's page past the last one: says so and links to the last page. */
export function PastTheEnd({
  agentId,
  page,
  size,
  totalCount,
  lastPage,
  onPageChange,
}: {
  agentId: string;
  page: number;
  size: PageSize;
  totalCount: number;
  lastPage: number;
  onPageChange: (page: number) => void;
}) {
  return (
    <Notice tone="warning" title={`Page ${formatCount(page)} is past the end`}>
      <p>
        This agent has {formatCount(totalCount)} batch runs on {formatCount(lastPage)}{' '}
        {lastPage === 1 ? 'page' : 'pages'} of {size}. The link may be older than the data.
      </p>
      <p>
        <AppLink
          href={viewHref({ agentId, page: lastPage, size })}
          onNavigate={() => onPageChange(lastPage)}
          className="font-medium text-indigo-700 underline dark:text-indigo-300"
        >
          Go to the last page (page {formatCount(lastPage)})
        </AppLink>
      </p>
    </Notice>
  );
}

/**
 * Batch runs on this page that could not be rows (no usable `batchId`): how many, why, and
 * each item as sent, so the rest of the page is not mistaken for all of it.
 */
export function UnreadableRows({ items }: { items: readonly Unreadable[] }) {
  if (items.length === 0) return null;
  const reasons = [...new Set(items.map((item) => item.reason))].join('; ');
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
      <p>
        {plural(items.length, 'batch run', 'batch runs')} on this page could not be read:{' '}
        {/* `name` in a reason is a field name: shown as code. */}
        {reasons.split('`').map((part, index) =>
          index % 2 === 1 ? (
            <code key={index} className="font-mono">
              {part}
            </code>
          ) : (
            part
          ),
        )}
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer font-medium text-indigo-700 underline dark:text-indigo-300">
          Show {items.length === 1 ? 'it' : 'them'} as sent
        </summary>
        {items.map((item, index) => (
          <pre
            key={index}
            className="mt-1 rounded bg-white p-2 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere] dark:bg-slate-900"
          >
            {JSON.stringify(item.sent, null, 2) ?? String(item.sent)}
          </pre>
        ))}
      </details>
    </div>
  );
}
