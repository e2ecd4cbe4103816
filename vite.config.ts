/** Vite builds the Solid web app into dist/web; Vitest runs every test under server/ and tests/. */
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

export default defineConfig({
  root: 'web',
  // Tests here are server-side (pages are tested in real Chromium against the build); the
  // Solid plugin would resolve packages to their browser builds inside Vitest.
  plugins: process.env.VITEST ? [] : [solid()],
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: {
    root: '.',
    include: ['server/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start real servers and Chromium; two cores do not take more in parallel.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
