import { lazy, useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { LazyBoundary } from '../../components/ui/lazy-boundary';
import type { ExportSource } from './use-export';

// Loaded when Export is first opened; the list does not pay for it.
const ExportPanel = lazy(() =>
  import('./export-panel').then((module) => ({ default: module.ExportPanel })),
);

/** The toolbar's Export button and the panel it opens below it. */
export function ExportButton({
  totalCount,
  what,
  ...source
}: Omit<ExportSource, 'totalCount'> & {
  /** Unknown until the first page has arrived: the button waits for it. */
  totalCount: number | undefined;
  /** What "all pages" holds, e.g. "matching batch runs" under a filter. */
  what?: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div className="relative">
      <Button
        ref={button}
        size="sm"
        aria-expanded={open}
        aria-controls={open ? 'export-panel' : undefined}
        // Unknown until the first page arrives; nothing to export without batch runs.
        disabled={!totalCount}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Export
      </Button>
      {open && totalCount !== undefined && (
        <div id="export-panel" className="absolute top-full right-0 z-30 mt-2">
          <LazyBoundary what="export">
            <ExportPanel {...source} totalCount={totalCount} what={what} onClose={close} />
          </LazyBoundary>
        </div>
      )}
    </div>
  );
}
