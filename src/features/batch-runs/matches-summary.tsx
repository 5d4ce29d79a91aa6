import { memo } from 'react';
import { formatCount, plural } from '../../lib/format';
import { matchStats, type MatchSummary } from './match-stats';
import { SummaryPanel } from './summary-panel';

const quiet = 'font-normal text-slate-600 dark:text-slate-400';

/**
 * Under a filter: every match of the search, not the page on screen (the server counts them).
 * While the search is still reading the agent it says the figures are so far, and how much was
 * searched. Past 100 matches a chart point pools several; it then opens no batch.
 */
export const MatchesSummary = memo(function MatchesSummary({
  matches,
  onOpenBatch,
}: {
  matches: MatchSummary;
  onOpenBatch?: (batchId: string) => void;
}) {
  const { stats, perPoint } = matchStats(matches);
  const { searched, of, complete } = matches.coverage;
  const soFar = complete ? '' : ' so far';
  return (
    <SummaryPanel
      stats={stats}
      rateLabel={`Pass rate of the matches’ finished batches${soFar}`}
      chartCaption={
        perPoint > 1
          ? `Pass rate of the matching batch runs, oldest to newest, up to ${formatCount(perPoint)} a point`
          : 'Pass rate of each matching batch run, oldest to newest'
      }
      onOpenBatch={perPoint > 1 ? undefined : onOpenBatch}
      heading={
        <>
          Matching batch runs{soFar}: {plural(stats.batches, 'batch run', 'batch runs')}
          {stats.unfinishedBatches > 0 && (
            <>
              {' '}
              <span className={quiet}>· {formatCount(stats.unfinishedBatches)} unfinished</span>
            </>
          )}
          {!complete && (
            <>
              {' '}
              <span className={quiet}>
                · searched {formatCount(searched)} of {formatCount(of)}
              </span>
            </>
          )}
        </>
      }
    />
  );
});
