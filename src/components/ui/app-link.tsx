import type { AnchorHTMLAttributes } from 'react';

/**
 * A link to a view of this app: a real href (so it can be copied, or opened in a new tab
 * with a modified click), and on a plain left click an in-app navigation instead of a reload.
 */
export function AppLink({
  href,
  onNavigate,
  children,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; onNavigate: () => void }) {
  return (
    <a
      {...props}
      href={href}
      onClick={(event) => {
        if (
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        ) {
          return;
        }
        event.preventDefault();
        onNavigate();
      }}
    >
      {children}
    </a>
  );
}
