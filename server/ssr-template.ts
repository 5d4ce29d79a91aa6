/**
 * The built index.html with a server render spliced in. Text from the API (an agent's name in
 * the title, personas in the rendered rows, the carried JSON) goes in by concatenation, never as
 * a `String.prototype.replace` replacement string: there `$&`, `$'`, `` $` `` and `$$` are
 * patterns, and React escapes `"` to `&quot;`, so a name like `"$" then $<amount>` turns into
 * `$&…` and would copy the matched text into the page.
 */
const RENDER_WHOLE_PAGE = '<link rel="expect" href="#root" blocking="render">';
const EMPTY_ROOT = '<div id="root"></div>';

export interface RenderedPage {
  /** Plain text: escaped here. */
  title: string;
  /** React's HTML for #root. */
  html: string;
  /** The carried query cache, already safe inside a JSON script element. */
  state: string;
}

export function fillTemplate(template: string, page: RenderedPage): string {
  let html = spliceFirst(
    template,
    /<title>[^<]*<\/title>/,
    `<title>${escapeHtml(page.title)}</title>`,
  );
  // No paint of a page parsed halfway (a table with half its columns): the first paint waits
  // until the parser has closed the app's element (render-blocking "expect").
  html = spliceFirst(html, '</head>', `${RENDER_WHOLE_PAGE}</head>`);
  // The page is readable and its links work before any script runs: the scripts' own
  // preloads would only compete with what the first paint needs (Lighthouse's LCP moved from
  // 550-790 to 550-620 ms without them); main.tsx loads the view's code at once.
  html = html.replace(/<link rel="modulepreload"[^>]*>\s*/g, '');
  return spliceFirst(
    html,
    EMPTY_ROOT,
    `<div id="root">${page.html}</div><script type="application/json" id="ssr-state">${page.state}</script>`,
  );
}

/** `text` with the first match of `pattern` replaced by `insert`, taken literally. */
function spliceFirst(text: string, pattern: string | RegExp, insert: string): string {
  const match = typeof pattern === 'string' ? pattern : pattern.exec(text)?.[0];
  const at = match === undefined ? -1 : text.indexOf(match);
  if (match === undefined || at < 0) return text;
  return text.slice(0, at) + insert + text.slice(at + match.length);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
