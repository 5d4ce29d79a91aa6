/**
 * Says that the page refreshes itself, while it does. The status region stays in the page so
 * a screen reader hears the change when polling starts; the dot only pulses for people who
 * have not asked for reduced motion.
 */
export function LiveIndicator({ active, intervalMs }: { active: boolean; intervalMs: number }) {
  return (
    <span role="status" className="text-xs">
      {active && (
        <span className="inline-flex items-center gap-1.5 font-medium text-emerald-800 dark:text-emerald-300">
          <span aria-hidden="true" className="relative flex h-2 w-2">
            <span className="absolute inline-flex h-full w-full rounded-full bg-emerald-500 opacity-75 motion-safe:animate-ping" />
            <span className="relative inline-flex h-2 w-2 rounded-full bg-emerald-600 dark:bg-emerald-400" />
          </span>
          Live — refreshing every {Math.round(intervalMs / 1000)} s
        </span>
      )}
    </span>
  );
}
