import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sigmamindApi } from './server/vite-plugin.ts';

export default defineConfig({
  // The dev server forwards /v1/* through the same handler as the production server.
  plugins: [react(), tailwindcss(), sigmamindApi()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // The manifest lets scripts/check-budgets.mjs tell the first load from the lazy chunks.
  build: { target: 'es2022', sourcemap: false, manifest: true },
});
