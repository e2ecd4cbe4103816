// @ts-check
/**
 * @module `npm run build` (and `prepare`, at install): the web app into dist/web (Vite) and the
 * server into dist/server (esbuild: one ESM bundle per entry, dependencies included but libSQL), so
 * `npm start` runs compiled JavaScript. Plain JavaScript, because `npm start` imports it to
 * rebuild only what is older than its sources, before any TypeScript tooling loads.
 */
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
const at = (/** @type {string} */ path) => resolve(REPO_ROOT, path);

/** The compiled server's entry; `merge-worker.js` beside it runs in worker threads. */
export const SERVER_ENTRY = at('dist/server/main.js');
const WEB_INDEX = at('dist/web/index.html');
const SHARED_INPUTS = ['package.json', 'package-lock.json', 'scripts/build.mjs'];

/** Newest modification time (ms) of the files under `paths`, skipping tests; 0 when none exist. */
function newestMtime(/** @type {string[]} */ paths) {
  let newest = 0;
  const visit = (/** @type {string} */ path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (!/\.test\.tsx?$/.test(path)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const path of paths) visit(at(path));
  return newest;
}

/** True when `output` is missing or older than any of `inputs`. */
function stale(/** @type {string} */ output, /** @type {string[]} */ inputs) {
  return !existsSync(output) || statSync(output).mtimeMs < newestMtime([...inputs, ...SHARED_INPUTS]);
}

export const webIsStale = () => stale(WEB_INDEX, ['web', 'vite.config.ts']);
export const serverIsStale = () => stale(SERVER_ENTRY, ['server', 'tsconfig.json']);

/** `outDir` (a test's temp folder) instead of dist/web. */
export async function buildWeb(/** @type {{ outDir?: string }} */ options = {}) {
  // vite.config.ts's root ('web') is relative to the working directory, as under `npm run`.
  process.chdir(REPO_ROOT);
  // Vite runs in a child process: its build sets NODE_ENV=production in the process it runs in,
  // and `npm start` then serves from this one, which took itself for a production deployment
  // and refused demo mode. (Throws ERR_MODULE_NOT_FOUND when Vite is not installed.)
  const vite = join(dirname(fileURLToPath(import.meta.resolve('vite/package.json'))), 'bin/vite.js');
  const args = [vite, 'build', '--config', at('vite.config.ts'), '--logLevel', 'warn'];
  if (options.outDir) args.push('--outDir', options.outDir, '--emptyOutDir');
  const code = await new Promise((done, fail) => {
    spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' }).on('error', fail).on('close', done);
  });
  if (code !== 0) throw new Error(`vite build failed (exit code ${code})`);
}

export async function buildServer() {
  const { build } = await import('esbuild');
  rmSync(at('dist/server'), { recursive: true, force: true });
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: {
      main: 'server/main.ts',
      'merge-worker': 'server/search/merge-worker.ts',
      // Started by path from the compiled code (startModuleWorker): builds the search of everything.
      'everything-worker': 'server/search/everything/everything-worker.ts',
      // Its own entry so a test can start an everything build from the compiled code.
      'background-build': 'server/search/everything/background-build.ts',
      // Its own entry so a test can start a merge worker from the compiled code.
      'background-merge': 'server/search/background-merge.ts',
      // Started by path from the compiled code (startModuleWorker): imports read and extract there.
      'extraction-worker': 'server/imports/extraction-worker.ts',
    },
    outdir: 'dist/server',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies are bundled too: resolving and reading their hundreds of small modules was most
    // of a start. libSQL stays outside (a native binding found at run time).
    external: ['@libsql/client', 'libsql'],
    // Bundled CommonJS packages call require().
    banner: { js: "import { createRequire as __neshastRequire } from 'node:module'; const require = __neshastRequire(import.meta.url);" },
    sourcemap: true,
    logLevel: 'warning',
  });
  // server/db/client.ts finds its migrations beside itself.
  cpSync(at('server/db/migrations'), at('dist/server/migrations'), { recursive: true });
  // The PDF and Word readers start these plain-JavaScript workers by their path beside the code.
  cpSync(at('server/ingest/readers/pdf-text.worker.mjs'), at('dist/server/pdf-text.worker.mjs'));
  cpSync(at('server/ingest/readers/docx-text.worker.mjs'), at('dist/server/docx-text.worker.mjs'));
}

/** Builds what is missing or older than its sources (or everything, with `force`); says what it built. */
export async function buildIfStale(force = false) {
  const built = [];
  if (force || webIsStale()) {
    await buildWeb();
    built.push('web app');
  }
  if (force || serverIsStale()) {
    await buildServer();
    built.push('server');
  }
  return built;
}

/** True for the error of an import whose package is not installed (vite and esbuild are dev dependencies). */
export function isMissingPackage(/** @type {unknown} */ error) {
  return error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ifStale = process.argv.includes('--if-stale');
  const started = performance.now();
  try {
    const built = await buildIfStale(!ifStale);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(built.length > 0 ? `build: ${built.join(' and ')} into dist/ (${seconds} s)` : 'build: dist/ is up to date');
  } catch (error) {
    if (!isMissingPackage(error)) throw error;
    console.error('build: dist/ was not built: Vite and esbuild are dev dependencies (installed by `npm install` without --omit=dev).');
    // At install (`prepare`), an install without dev dependencies still succeeds; `npm start` says the same again.
    process.exit(ifStale ? 0 : 1);
  }
}
