/** Vite builds the Solid web app into dist/web; Vitest runs the tests in four tiers (projects below). */
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
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start real servers and Chromium; two cores do not take more in parallel.
    fileParallelism: true,
    maxWorkers: 2,
    // The tiers (`npm run test:unit` …); `vitest run` and `npm test` run them all.
    projects: [
      // Co-located tests of modules: pure logic, services on an in-memory database, no server process.
      // Threads start faster than processes (this tier took 25–39 s against 38–57 s, on 2 cores at load 12); nothing here changes process-wide state.
      { extends: true, test: { name: 'unit', pool: 'threads', include: ['server/**/*.test.ts', 'web/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      // Across layers: the HTTP API through the real app, migrations, the ingest and search CLIs.
      { extends: true, test: { name: 'api', include: ['tests/layering.test.ts', 'tests/api/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/ingest/**/*.test.ts', 'tests/search/**/*.test.ts'] } },
      // Real Chromium against the built web app. A journey is many steps: the import journey takes 11 s
      // with only this tier running and passed 30 s once in a full run on a loaded CI machine.
      { extends: true, test: { name: 'browser', testTimeout: 90_000, include: ['tests/browser/**/*.test.ts'] } },
      // Server processes: crashes, locks, two instances, backups, the compiled server.
      { extends: true, test: { name: 'reliability', include: ['tests/reliability/**/*.test.ts'] } },
    ],
  },
});
