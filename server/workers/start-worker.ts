/**
 * @module Starts a `node:worker_threads` worker from a module beside the caller, under tsx
 * (tests, `npm run dev`, `npm start`) and from compiled JavaScript alike.
 */
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The worker for `relativePath` (written `./name.ts`) resolved against `callerUrl`
 * (`import.meta.url`). Compiled code (the caller is a `.js` file) starts `./name.js` directly.
 * Under tsx the worker loads the TypeScript through tsx's CommonJS hook: on Node 20,
 * `execArgv: ['--import', 'tsx']` does not reach worker threads (module hooks are per main
 * thread there), while the require hook runs inside the worker itself.
 *
 * @example
 * const worker = startModuleWorker(import.meta.url, './extraction-worker.ts');
 */
export function startModuleWorker(callerUrl: string, relativePath: string, options: WorkerOptions = {}): Worker {
  const caller = fileURLToPath(callerUrl);
  if (caller.endsWith('.js') || caller.endsWith('.mjs')) {
    return new Worker(new URL(relativePath.replace(/\.ts$/, '.js'), callerUrl), options);
  }
  const entry = fileURLToPath(new URL(relativePath, callerUrl));
  const bootstrap = [
    `const { createRequire } = require('node:module');`,
    `const { require: tsxRequire } = createRequire(${JSON.stringify(caller)})('tsx/cjs/api');`,
    `tsxRequire(${JSON.stringify(entry)}, ${JSON.stringify(caller)});`,
  ].join('\n');
  return new Worker(bootstrap, { execArgv: [], ...options, eval: true });
}
