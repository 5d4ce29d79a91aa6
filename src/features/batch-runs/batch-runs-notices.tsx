import { AppLink } from '../../components/ui/app-link';
import { Notice } from '../../components/ui/notice';
import { formatCount } from '../../lib/format';
import { viewHref, type PageSize } from '../../lib/view/view';

/** The agent has no batch runs at all; `children` say more (e.g. the agent is unknown). */
export function NoBatchRuns({
  agentId,
  children,
}: {
  agentId: string;
  children?: React.ReactNode;
}) {
  return (
    <Notice title="No batch runs yet">
      <p>
        Agent <code className="font-mono">{agentId}</code> has not run any batch of test cases.
        Start one in SigmaMind, or pick another agent.
      </p>
      {children}
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
