import {
  rowExpandingFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  tableFeatures,
} from '@tanstack/react-table';

/** Defined once at module level: a new object per render would rebuild the table. */
export const batchRunsFeatures = tableFeatures({
  rowExpandingFeature,
  rowPaginationFeature,
  rowSelectionFeature,
});
