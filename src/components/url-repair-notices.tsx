import { useUrlRepairs } from '../lib/view/use-view';

/** Says what a bad link asked for and what the page shows instead. */
export function UrlRepairNotices() {
  const { repairs, dismiss } = useUrlRepairs();
  if (repairs.length === 0) return null;
  return (
    <div
      role="status"
      className="flex items-start justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      <div>
        <p className="font-semibold">This link was repaired</p>
        <ul className="list-disc pl-5">
          {repairs.map((repair) => (
            <li key={repair.param} className="break-words [overflow-wrap:anywhere]">
              {repair.message}
            </li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        onClick={dismiss}
        className="rounded px-2 py-1 text-xs font-medium hover:bg-amber-100 dark:hover:bg-amber-900"
      >
        Dismiss
      </button>
    </div>
  );
}
