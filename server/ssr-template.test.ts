import { describe, expect, it } from 'vitest';
import { escapeHtml, fillTemplate } from './ssr-template.ts';

const TEMPLATE =
  '<!doctype html><html><head><title>SigmaMind</title>' +
  '<link rel="modulepreload" crossorigin href="/assets/a.js">\n</head>' +
  '<body><div id="root"></div><script type="module" src="/assets/main.js"></script></body></html>';

/** Each of String.prototype.replace's replacement patterns, as API text may carry them. */
const PATTERNS = ['$&', "$'", '$`', '$$', '$1', '$<amount>'];

describe('fillTemplate', () => {
  it('puts the title, the render and the state in once each', () => {
    const html = fillTemplate(TEMPLATE, {
      title: 'Agent · SigmaMind',
      html: '<p>rows</p>',
      state: '{}',
    });
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<title>Agent · SigmaMind</title>');
    expect(html).toContain(
      '<div id="root"><p>rows</p></div><script type="application/json" id="ssr-state">{}</script>',
    );
    expect(html).not.toContain('modulepreload');
    expect(html).toContain('blocking="render"></head>');
  });

  it.each(PATTERNS)(
    'takes %s in API text literally, in the title, the rows and the state',
    (pattern) => {
      // React escapes " to &quot;, so `"$"` in a name reaches the page as `&quot;$&quot;`: `$&`.
      const text = `Read the fee as "${pattern}" then ${pattern}`;
      const rendered = `<td>${text.replace(/"/g, '&quot;')}</td>`;
      const state = JSON.stringify({ name: text });
      const html = fillTemplate(TEMPLATE, { title: text, html: rendered, state });
      expect(html.match(/<title>/g)).toHaveLength(1);
      expect(html.match(/id="root"/g)).toHaveLength(1);
      expect(html).toContain(`<title>${escapeHtml(text)}</title>`);
      expect(html).toContain(`<div id="root">${rendered}</div>`);
      const carried = /<script type="application\/json" id="ssr-state">(.*?)<\/script>/.exec(
        html,
      )?.[1];
      expect(JSON.parse(carried ?? '')).toEqual({ name: text });
    },
  );

  it('leaves a template without the markers as it is', () => {
    expect(fillTemplate('<p>no markers</p>', { title: 't', html: 'x', state: '{}' })).toBe(
      '<p>no markers</p>',
    );
  });
});
