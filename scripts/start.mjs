// @ts-check
/**
 * @module `npm start`: rebuild dist/ only if its sources are newer (`npm install` built it at
 * `prepare`), then run the compiled server in this process; `npm run dev` runs the sources instead.
 */
import cluster from 'node:cluster';
import { pathToFileURL } from 'node:url';
import { buildIfStale, isMissingPackage, SERVER_ENTRY } from './build.mjs';

const started = performance.now();
const built = await buildIfStale().catch((/** @type {unknown} */ error) => {
  if (!isMissingPackage(error)) throw error;
  console.error('npm start: dist/ is missing or older than its sources, and Vite and esbuild (dev dependencies) are not installed to build it: run `npm install`.');
  process.exit(1);
});
if (built.length > 0) console.log(`build: ${built.join(' and ')} were older than their sources, rebuilt (${((performance.now() - started) / 1000).toFixed(1)} s)`);
// Stack traces name the TypeScript sources.
process.setSourceMapsEnabled(true);
// NESHAST_WORKERS > 1: the workers run the compiled entry itself, not this script.
cluster.setupPrimary({ exec: SERVER_ENTRY });
await import(pathToFileURL(SERVER_ENTRY).href);
