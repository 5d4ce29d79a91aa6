import { useQuery } from '@tanstack/react-query';
import { agentsQueries } from './api/agents-queries';

/**
 * Says when an agent id (from a link or a paste) is not in the workspace's agent list; the
 * API answers such an id with an empty page, which alone reads as "no batch runs yet".
 * Says nothing while the list loads or when it cannot be read.
 */
export function UnknownAgentNote({ agentId }: { agentId: string }) {
  const query = useQuery(agentsQueries.list());
  if (!query.isSuccess || query.data.some((agent) => agent.agentId === agentId)) return null;
  return (
    <p className="font-medium text-amber-900 dark:text-amber-200">
      <code className="font-mono">{agentId}</code> is not one of this workspace’s agents. Check the
      link, or find the agent by name in the box above.
    </p>
  );
}
