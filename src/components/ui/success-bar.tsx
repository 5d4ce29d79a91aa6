import { useId } from 'react';
import { describeAttempts, formatPassRate, type AttemptSummary } from '../../lib/attempts';

/**
 * Green for succeeded, red with diagonal stripes for failed (so colour is not the only cue),
 * grey for pending. Widths are shares of everything the bar accounts for; the numbers are
 * written beside it and said in words to screen readers. Counts not given draw no bar.
 */
export function SuccessBar({
  summary,
  showNumbers = true,
  className = '',
}: {
  summary: AttemptSummary;
  showNumbers?: boolean;
  className?: string;
}) {
  const patternId = `failed-stripes-${useId().replace(/:/g, '')}`;
  if (!summary.countsGiven) {
    // No bar drawn from counts that were not sent.
    return (
      <span className={`text-xs text-slate-600 italic dark:text-slate-400 ${className}`}>
        counts not given
      </span>
    );
  }
  const { succeeded, failed, pending } = summary;
  const whole = Math.max(succeeded + failed + pending, 1);
  const okWidth = (succeeded / whole) * 100;
  const failWidth = (failed / whole) * 100;
  const pendingWidth = (pending / whole) * 100;
  const words = describeAttempts(summary);

  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <svg
        role="img"
        aria-label={words}
        className="h-3 w-28 shrink-0 overflow-hidden rounded-sm bg-slate-200 dark:bg-slate-700"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
      >
        <title>{words}</title>
        <defs>
          <pattern
            id={patternId}
            width="4"
            height="10"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="4" height="10" className="fill-red-600 dark:fill-red-500" />
            <rect width="1.6" height="10" className="fill-red-900 dark:fill-red-200" />
          </pattern>
        </defs>
        <rect
          x="0"
          width={okWidth}
          height="10"
          className="fill-emerald-600 dark:fill-emerald-500"
        />
        <rect x={okWidth} width={failWidth} height="10" fill={`url(#${patternId})`} />
        <rect
          x={okWidth + failWidth}
          width={pendingWidth}
          height="10"
          className="fill-slate-400 dark:fill-slate-500"
        />
      </svg>
      {showNumbers && (
        // Each part stays whole; the parts wrap in a narrow cell instead of running into the
        // next column ("14 of 29 done 8✓ 6✗ 15 pending" is wider than the results column).
        <span className="min-w-0 text-xs tabular-nums text-slate-700 dark:text-slate-300">
          {/* An unfinished batch has progress, not a pass rate: its first attempts say little. */}
          {summary.isUnfinished ? (
            <span className="font-semibold whitespace-nowrap">
              {summary.finished} of {summary.expected} done
            </span>
          ) : (
            <span className="font-semibold whitespace-nowrap">
              {formatPassRate(summary)}
              <span className="sr-only"> pass rate</span>
            </span>
          )}
          <span aria-hidden="true">
            {' '}
            <span className="whitespace-nowrap">
              <span className="text-emerald-700 dark:text-emerald-400">{summary.succeeded}✓</span>{' '}
              <span className="text-red-700 dark:text-red-400">{summary.failed}✗</span>
            </span>
            {pending > 0 && (
              <>
                {' '}
                <span className="whitespace-nowrap text-slate-600 dark:text-slate-400">
                  {pending} pending
                </span>
              </>
            )}
          </span>
        </span>
      )}
    </div>
  );
}
