import { ModalDialog } from '../../components/ui/modal-dialog';

/** What the keys of the batch-runs view do (see use-keyboard-shortcuts.ts and the view). */
export const SHORTCUT_HELP: readonly { keys: readonly string[]; action: string }[] = [
  { keys: ['j', '↓'], action: 'Next batch run (↓ once focus is in the table)' },
  { keys: ['k', '↑'], action: 'Previous batch run (↑ once focus is in the table)' },
  { keys: ['Enter', 'Space'], action: 'Show or hide the focused batch run’s test cases' },
  { keys: [']'], action: 'Next page' },
  { keys: ['['], action: 'Previous page' },
  { keys: ['?'], action: 'Show these shortcuts' },
  { keys: ['Esc'], action: 'Close this dialog' },
];

const kbdClass =
  'rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 shadow-[0_1px_0_var(--color-slate-300)] dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:shadow-[0_1px_0_var(--color-slate-600)]';

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <p className="mb-3 text-slate-600 dark:text-slate-400">
        They work anywhere on the page except while you type in a field.
      </p>
      <dl className="grid grid-cols-[auto_1fr] items-baseline gap-x-4 gap-y-2">
        {SHORTCUT_HELP.map(({ keys, action }) => (
          <div key={action} className="contents">
            <dt className="flex gap-1 whitespace-nowrap">
              {keys.map((key, index) => (
                <span key={key} className="inline-flex items-baseline gap-1">
                  {index > 0 && (
                    <span className="text-xs text-slate-600 dark:text-slate-400">or</span>
                  )}
                  <kbd className={kbdClass}>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </ModalDialog>
  );
}
