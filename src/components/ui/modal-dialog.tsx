import { createContext, use, useEffect, useId, useRef } from 'react';
import { Button } from './button';

const FRAME = {
  /** A short dialog (keyboard shortcuts). */
  default: {
    dialog: 'w-[min(32rem,calc(100vw-2rem))]',
    header: 'items-center',
    title: '',
    close: { variant: 'plain', size: 'sm' },
    body: 'px-5 py-4 text-sm',
  },
  /** A long one (a test case's history): scrolls inside, its header stays on top. */
  wide: {
    dialog: 'max-h-[85vh] w-[min(52rem,calc(100vw-2rem))] overflow-y-auto',
    header: 'sticky top-0 z-10 items-start bg-white dark:bg-slate-900',
    title: 'break-words [overflow-wrap:anywhere]',
    close: { variant: 'secondary', size: 'md' },
    body: 'space-y-4 px-5 py-4 text-sm',
  },
} as const;

const CloseContext = createContext<() => void>(() => undefined);

/** Closes the dialog around the caller, for content that closes it itself (a link that navigates). */
export function useDialogClose(): () => void {
  return use(CloseContext);
}

/**
 * A modal <dialog>: the browser makes the rest of the page inert, keeps Tab inside, and closes
 * it on Escape. Focus goes back to whatever had it before the dialog opened.
 */
export function ModalDialog({
  open,
  onClose,
  title,
  subtitle,
  variant = 'default',
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  /** A line under the title (an id). */
  subtitle?: React.ReactNode;
  variant?: keyof typeof FRAME;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const frame = FRAME[variant];

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  function handleClose() {
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) target.focus();
    onClose();
  }

  const close = () => ref.current?.close();

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={handleClose}
      className={`m-auto ${frame.dialog} rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
    >
      <div
        className={`flex ${frame.header} justify-between gap-4 border-b border-slate-200 px-5 py-3 dark:border-slate-700`}
      >
        <div className="min-w-0">
          <h2 id={titleId} className={`text-base font-semibold ${frame.title}`}>
            {title}
          </h2>
          {subtitle}
        </div>
        <Button variant={frame.close.variant} size={frame.close.size} onClick={close}>
          Close
        </Button>
      </div>
      <div className={frame.body}>
        <CloseContext value={close}>{children}</CloseContext>
      </div>
    </dialog>
  );
}
