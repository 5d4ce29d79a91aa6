/**
 * Marks an item the API sent with fields missing or not as documented, read leniently: its
 * tooltip and accessible name list those fields, so nobody takes a repair for data.
 */
export function IncompleteMarker({ repairs }: { repairs: readonly string[] | undefined }) {
  if (!repairs?.length) return null;
  const words = `Incomplete answer, read with repairs: ${repairs.join(', ')}`;
  return (
    <span
      role="img"
      aria-label={words}
      title={words}
      className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-900 dark:bg-amber-900 dark:text-amber-100"
    >
      incomplete answer
    </span>
  );
}
