/**
 * Moving focus between the rows of the batch-runs table: each row's expander button is its
 * focus target, so Enter and Space open and close the row natively, the global :focus-visible
 * ring shows where focus is, and focusing scrolls the row into view.
 */
const EXPANDERS = 'tbody tr[data-batch-id] button[aria-controls^="panel-"]';

/** The batch id of the row holding `element`, its test-case panel included. */
function rowIdOf(element: Element): string | undefined {
  const row = element.closest<HTMLTableRowElement>('tr[data-batch-id], tr[id^="panel-"]');
  if (!row) return undefined;
  return row.dataset.batchId ?? row.id.slice('panel-'.length);
}

/** Focuses the next (+1) or previous (-1) row; from outside the table, the first row. */
export function moveRowFocus(container: HTMLElement | null, delta: 1 | -1): void {
  if (!container) return;
  const expanders = [...container.querySelectorAll<HTMLButtonElement>(EXPANDERS)];
  if (expanders.length === 0) return;
  const active = document.activeElement;
  const currentId = active && container.contains(active) ? rowIdOf(active) : undefined;
  const current =
    currentId === undefined ? -1 : expanders.findIndex((button) => rowIdOf(button) === currentId);
  const next = current === -1 ? 0 : Math.min(Math.max(current + delta, 0), expanders.length - 1);
  expanders[next]?.focus();
}
