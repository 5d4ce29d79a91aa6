import type {
  ReadBatchRun as BatchRun,
  ReadBatchRunPage as BatchRunPage,
} from '../../../contract/read-batch-runs';
import { pageInfo, pageSlice } from '../../../contract/paging';
import type { PageFetcher } from '../../lib/page-walker';

/**
 * A search's matches served as pages of the API's shape, so whatever reads every page (the
 * export) reads the matches the same way, without a request.
 */
export function matchesAsPages(matches: readonly BatchRun[]): PageFetcher<BatchRunPage> {
  return (page, signal) => {
    signal.throwIfAborted();
    const paging = { page: page - 1, size: 100 };
    const [start, end] = pageSlice(matches.length, paging);
    return Promise.resolve({
      ...pageInfo(matches.length, paging),
      data: matches.slice(start, end),
    });
  };
}
