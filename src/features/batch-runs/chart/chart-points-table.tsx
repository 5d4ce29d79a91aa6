import { formatSentDateTime } from '../../../components/ui/date-time';
import { formatCount, formatPercent } from '../../../lib/format';
import type { PassRatePoint } from '../../../lib/attempts';

/** The chart's numbers for screen readers. */
export function PointsTable({
  points,
  caption = 'Pass rate of each batch run on this page, oldest first',
}: {
  points: readonly PassRatePoint[];
  caption?: string;
}) {
  return (
    <>
      {/* The wrapper, not the table, is sr-only: a table is never narrower than its content,
      so an sr-only table would widen the page in a narrow window. */}
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Pass rate</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={index}>
                <td>{formatSentDateTime(point.createdDate)}</td>
                <td>{point.passRate === null ? 'none finished' : formatPercent(point.passRate)}</td>
                <td>
                  {formatCount(point.succeeded)} of {formatCount(point.finished)} succeeded
                  {point.isUnfinished ? ', unfinished' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
