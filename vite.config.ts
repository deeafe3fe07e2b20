import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://127.0.0.1:3000';

/** The SPA lives in src/web and builds to dist/web, which the server serves with an SPA fallback. */
export default defineConfig({
  root: path.join(root, 'src/web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    // No source maps in the production build (nothing to serve); `npm run dev` has them.
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': api,
      '/health': api,
      '/ready': api,
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
});
