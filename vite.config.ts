/** Vite builds the Solid web app into dist/web; Vitest runs every test (server/, tests/, scripts/, and web/ pure helpers). */
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

export default defineConfig({
  root: 'web',
  // Tests here are server-side (pages are tested in real Chromium against the build); the
  // Solid plugin would resolve packages to their browser builds inside Vitest.
  plugins: process.env.VITEST ? [] : [solid()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // The Solid transform is most of a build by design; its timing note is noise in `npm test`.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  // Dev only: the API on 3000 behind Vite's port. The Host header is kept (no changeOrigin), so the
  // API's same-origin checks on writes see the page's own origin and sign-in works through the proxy.
  server: { proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } } },
  test: {
    root: '.',
    include: ['server/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts', 'web/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start real servers and Chromium; two cores do not take more in parallel.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
