import { AppLink } from '../../components/ui/app-link';
import type { AgentHealth } from '../../lib/batch-health';

export interface CompareLinks {
  /** The URL that compares two batches (`&compare=older,newer`). */
  compareHref: (ids: readonly [string, string]) => string;
  onCompare: (ids: readonly [string, string]) => void;
}

/**
 * On a drop of 10+ points: what differs between the previous and the latest finished batch's
 * test cases, and a link to the comparison of exactly those two.
 */
export function DropCauseLine({
  health,
  compareHref,
  onCompare,
}: CompareLinks & { health: AgentHealth }) {
  const { dropCause, previous, latest } = health;
  if (dropCause === null || !previous || !latest) return null;
  const ids = [previous.batch.batchId, latest.batch.batchId] as const;
  return (
    <p
      data-testid="drop-cause"
      className="flex flex-wrap items-baseline gap-x-2 border-t border-slate-200 pt-3 text-sm dark:border-slate-800"
    >
      <span className="font-medium">Since the previous batch:</span>{' '}
      <span className="min-w-0 break-words">{dropCause}</span>{' '}
      <AppLink
        href={compareHref(ids)}
        onNavigate={() => onCompare(ids)}
        className="font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
      >
        Compare the two batches
      </AppLink>
    </p>
  );
}
