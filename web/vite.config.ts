import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// Resolved from this file, not from the working directory, so `vite --config web/vite.config.ts`
// behaves the same wherever it is started.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);
const repoRoot = decodeURIComponent(new URL('..', import.meta.url).pathname);

/** Paths the Fastify server answers; everything else is the single-page app. */
const apiServer = process.env.JIEBANG_API_URL ?? 'http://localhost:3000';
const proxy = Object.fromEntries(
  ['/api', '/docs', '/healthz', '/readyz'].map((path) => [path, { target: apiServer, changeOrigin: false }]),
);

export default defineConfig({
  root: webRoot,
  publicDir: `${webRoot}public`,
  // Keep Vite's dependency cache with the repo's other node_modules, not in web/.
  cacheDir: `${repoRoot}node_modules/.vite/web`,
  // Svelte options are the defaults (runes, TypeScript via Vite); no svelte.config.js needed.
  plugins: [svelte({ configFile: false })],
  build: {
    outDir: `${webRoot}dist`,
    emptyOutDir: true,
    // Assets stay files rather than data: URLs, so the CSP need not allow data: for them.
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy,
    // web/ imports ../shared (zod contracts, lifecycles, taxonomy) by relative path.
    fs: { allow: [repoRoot] },
  },
  preview: { proxy },
});
