/**
 * The few pages the server writes itself (refused, signed out, sign-in failed): plain HTML
 * with every value escaped by hono/html, a stylesheet of their own (the CSP allows no inline
 * style), and no script.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export const AUTH_PAGE_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
main { max-width: 34rem; padding: 2rem; line-height: 1.5; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1.5rem; }
.button { display: inline-block; padding: .5rem 1rem; border-radius: .375rem; border: 1px solid #64748b; color: inherit; text-decoration: none; font: inherit; background: transparent; cursor: pointer; }
.button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
code { font-size: .95em; word-break: break-all; }
.detail { color: GrayText; font-size: .9rem; }
`.trim();

export interface PageAction {
  label: string;
  href: string;
  primary?: boolean;
}

export function authPage(
  title: string,
  paragraphs: (string | HtmlEscapedString | Promise<HtmlEscapedString>)[],
  actions: PageAction[],
) {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title} · SigmaMind batch runs</title>
        <link rel="icon" href="/favicon.png" type="image/png" />
        <link rel="stylesheet" href="/auth/page.css" />
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          ${paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}
          <div class="actions">
            ${actions.map(
              (action) =>
                html`<a
                  class="${action.primary ? 'button primary' : 'button'}"
                  href="${action.href}"
                  >${action.label}</a
                >`,
            )}
          </div>
        </main>
      </body>
    </html>`;
}

/** Inline markup for a paragraph: `code(value)` escapes the value and wraps it. */
export function code(value: string) {
  return html`<code>${value}</code>`;
}
