import { Button } from '../../components/ui/button';
import { MAX_COMPARED } from '../../lib/view/view';

/**
 * Floats at the bottom of the window while batches are picked for comparison (the rows may be
 * on different pages): what is picked, "Compare 2 batches" once there are two, and Clear.
 * With two picked, the other rows' checkboxes are disabled until one is unpicked.
 */
export function CompareSelectionBar({
  selected,
  onCompare,
  onClear,
}: {
  selected: string[];
  onCompare: () => void;
  onClear: () => void;
}) {
  const message =
    selected.length === 0
      ? ''
      : selected.length === 1
        ? '1 batch picked for comparison; pick one more.'
        : '2 batches picked for comparison.';
  return (
    <>
      <p role="status" className="sr-only">
        {message}
      </p>
      {/* Room below the table, so the bar never hides the last row. */}
      {selected.length > 0 && <div aria-hidden="true" className="h-14" />}
      {selected.length > 0 && (
        <div className="fixed inset-x-0 bottom-4 z-20 mx-auto flex w-fit max-w-[calc(100vw-2rem)] flex-wrap items-center gap-2 rounded-full border border-slate-300 bg-white px-4 py-2 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900">
          <span>{message}</span>
          <Button
            variant="primary"
            size="pill"
            disabled={selected.length !== MAX_COMPARED}
            onClick={onCompare}
            className="disabled:cursor-not-allowed disabled:bg-slate-400 dark:disabled:bg-slate-600"
          >
            Compare 2 batches
          </Button>
          <Button size="pill" onClick={onClear} className="text-slate-800 dark:text-slate-100">
            Clear
          </Button>
        </div>
      )}
    </>
  );
}
