import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange);
const isOnline = () => onlineManager.isOnline();

/**
 * Says so while the browser is offline. Queries pause meanwhile (react-query's network mode)
 * and refetch by themselves when the connection is back, so there is nothing to click. The
 * live region is always in the page so the change is announced; it floats at the bottom of
 * the window, so it never shifts the table.
 */
export function OfflineBanner() {
  const online = useSyncExternalStore(subscribe, isOnline, () => true);
  return (
    <div
      role="status"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4"
    >
      {!online && (
        <p className="pointer-events-auto max-w-xl rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 shadow-lg dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <span className="font-semibold">You are offline.</span> What is on screen may be out of
          date; the dashboard will refresh by itself when the connection is back.
        </p>
      )}
    </div>
  );
}
