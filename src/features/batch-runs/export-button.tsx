import { lazy, useRef, useState } from 'react';
import { LazyBoundary } from '../../components/ui/lazy-boundary';
import type { BatchRun } from '../../../contract/api-schemas';
import { usePageFetcher } from './api/use-page-fetcher';

// Loaded when Export is first opened; the list does not pay for it.
const ExportPanel = lazy(() =>
  import('../export/export-panel').then((module) => ({ default: module.ExportPanel })),
);

/** The toolbar's Export button and the panel it opens below it. */
export function ExportButton({
  agentId,
  rows,
  page,
  totalCount,
  className,
}: {
  agentId: string;
  rows: BatchRun[];
  page: number;
  totalCount: number | undefined;
  className: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const fetchPage = usePageFetcher(agentId);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        className={className}
        aria-expanded={open}
        aria-controls={open ? 'export-panel' : undefined}
        disabled={totalCount === undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Export
      </button>
      {open && totalCount !== undefined && (
        <div id="export-panel" className="absolute top-full right-0 z-30 mt-2">
          <LazyBoundary what="export">
            <ExportPanel
              agentId={agentId}
              rows={rows}
              page={page}
              totalCount={totalCount}
              fetchPage={fetchPage}
              onClose={close}
            />
          </LazyBoundary>
        </div>
      )}
    </div>
  );
}
