import type { ExportFormat } from './export-batch-runs';

/** How long the object URL lives after the click; browsers copy the blob at once, Firefox a bit later. */
const REVOKE_AFTER_MS = 60_000;

/** Saves a Blob through a temporary `<a download>`; nothing is sent anywhere. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** `batch-runs-<agentId>-<YYYY-MM-DD>[-page-N].<csv|json>`, the date in the reader's time zone. */
export function exportFileName(
  agentId: string,
  format: ExportFormat,
  { now = new Date(), page }: { now?: Date; page?: number } = {},
): string {
  const date = [
    now.getFullYear(),
    String(now.getMonth() + 1).padStart(2, '0'),
    String(now.getDate()).padStart(2, '0'),
  ].join('-');
  return `batch-runs-${agentId}-${date}${page === undefined ? '' : `-page-${page}`}.${format}`;
}
