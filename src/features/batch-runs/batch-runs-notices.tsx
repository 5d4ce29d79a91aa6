import { AppLink } from '../../components/ui/app-link';
import { Notice } from '../../components/ui/notice';
import { formatCount } from '../../lib/format';
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
