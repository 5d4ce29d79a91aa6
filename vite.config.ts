import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { sigmamindApi } from './server/vite-plugin.ts';

/** V8's explicit compile hint for a whole file, as its first line (Chrome 136+). */
const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The module through which src/main.tsx loads React DOM (src/lib/react-dom/stacks-off.ts). */
const REACT_DOM_ENTRY = 'src/lib/react-dom/react-dom-client.ts';

/**
 * src/main.tsx imports React DOM dynamically, so that evaluating it is a task of its own, but
 * every start-up needs it: the page preloads it beside the entry's own chunks instead of
 * asking for it only once the entry has run.
 */
function preloadReactDom(): Plugin {
  return {
    name: 'preload-react-dom',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.facadeModuleId?.endsWith(REACT_DOM_ENTRY),
        );
        if (!chunk) throw new Error(`preload-react-dom: no ${REACT_DOM_ENTRY} chunk in the build`);
        const href = `/${chunk.fileName}`;
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  // The dev server forwards /v1/* through the same handler as the production server.
  plugins: [react(), tailwindcss(), sigmamindApi(), preloadReactDom()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // The manifest lets scripts/check-budgets.mjs tell the first load from the lazy chunks.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    rolldownOptions: {
      output: {
        // Each chunk holds code that runs when it loads (the split follows use), so each asks
        // V8 (Chrome 136+) to compile all its functions as the file streams in, on a background
        // thread, instead of one by one on the main thread as they are first called. Measured
        // on a phone's agent link: the main thread's compiling fell from 62-75 ms to about 1 ms,
        // its CPU after the first paint from 181 to 161 ms (medians of 8 alternating runs).
        // scripts/check-budgets.mjs checks that every chunk starts with it. The server build
        // (--ssr) has none: a server has no first paint to keep its compiling off.
        postBanner: isSsrBuild ? undefined : EAGER_COMPILE_HINT,
      },
    },
    // A dynamic import loads its chunk's imports through the browser's module loader, not
    // through a <link rel="modulepreload"> appended for each (Vite's default). On a
    // server-rendered page, which carries no preloads (server/ssr-template.ts), start-up's
    // imports appended 25 such links in one task: 13-37 ms of the entry's 18-39 ms in a
    // browser with no DevTools, four times that on a phone. The chunk's imports are flat (its
    // dependencies are hoisted into it), so this costs one round trip before hydration, not a
    // waterfall. index.html keeps its own preloads (hostType 'html').
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
  },
}));
