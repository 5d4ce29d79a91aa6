import type { ButtonHTMLAttributes, Ref } from 'react';

const VARIANTS = {
  /** Bordered white button: most actions (toolbar, pagination, Close, Cancel). */
  secondary:
    'border border-slate-300 bg-white font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-white dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700 dark:disabled:hover:bg-slate-800',
  /** The one action a notice or a step is about (Retry, Compare, Export the newest …). */
  primary:
    'bg-indigo-600 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2',
  /** Bordered, on the surface it sits on (a dialog's Close). */
  plain:
    'border border-slate-300 font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800',
} as const;

const SIZES = {
  xs: 'px-2 py-0.5 text-xs',
  sm: 'px-2.5 py-1 text-xs',
  md: 'px-3 py-1.5 text-sm',
  /** A pill's own padding (floating bar). */
  pill: 'px-3 py-1 text-sm',
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

/** The classes of a button of this kind, for a control that is not a <Button> (CopyButton). */
export function buttonClass({
  variant = 'secondary',
  size = 'md',
  className = '',
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  const shape = size === 'pill' ? 'rounded-full' : 'rounded-md';
  return `${shape} ${SIZES[size]} ${VARIANTS[variant]} ${className}`.trim();
}

/** The one button of the app: a variant and a size instead of class strings in each file. */
export function Button({
  variant,
  size,
  className,
  type = 'button',
  ref,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={ref}
      type={type}
      className={buttonClass({ variant, size, className })}
      {...props}
    />
  );
}
