import type { PassRatePoint } from '../../../lib/attempts';
import { describeSlot } from './chart-geometry';
import { useSlotKeys } from './use-slot-keys';

/**
 * A button over each slot: hover or focus shows its batch, click or Enter opens it; the arrows
 * move between slots. Keyed by position, like the rest of the chart.
 */
export function ChartSlots({
  points,
  onActive,
  onOpenBatch,
}: {
  points: readonly PassRatePoint[];
  onActive: (index: number | null) => void;
  onOpenBatch: (batchId: string) => void;
}) {
  const keys = useSlotKeys(points.length);
  return (
    <div
      role="group"
      aria-label="Batch runs on the chart; the arrow keys move between them"
      className="absolute inset-0 flex"
      onMouseLeave={() => onActive(null)}
    >
      {points.map((point, index) => (
        <button
          key={index}
          ref={keys.refOf(index)}
          type="button"
          tabIndex={keys.tabIndexOf(index)}
          aria-label={`Open ${describeSlot(point)}`}
          className="h-full min-w-0 flex-1 cursor-pointer rounded-sm focus-visible:outline-2 focus-visible:outline-indigo-500"
          onMouseEnter={() => onActive(index)}
          onFocus={() => {
            onActive(index);
            keys.focused(index);
          }}
          onBlur={() => onActive(null)}
          onKeyDown={(event) => keys.onKeyDown(event, index)}
          onClick={() => onOpenBatch(point.batchId)}
        />
      ))}
    </div>
  );
}
