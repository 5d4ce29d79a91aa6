import type { RowSelectionState, Updater } from '@tanstack/react-table';
import { useCallback, useState } from 'react';

/** Batches picked for comparison, in the order picked; kept across pages (ids are row ids). */
export function useCompareSelection() {
  const [selection, setSelection] = useState<RowSelectionState>({});
  const onRowSelectionChange = useCallback(
    (updater: Updater<RowSelectionState>) =>
      setSelection((current) => (typeof updater === 'function' ? updater(current) : updater)),
    [],
  );
  return {
    selection,
    selected: Object.keys(selection),
    onRowSelectionChange,
    clear: () => setSelection({}),
  };
}
