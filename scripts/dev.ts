/**
 * @module `npm run dev`: the API server (restarted on change by `tsx watch`, port 3000) and the
 * Vite dev server (hot reload, proxies /api to 3000) together; Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);
const API_PORT = '3000';

function start(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('error', (error) => {
    console.error(`dev: ${label} did not start: ${error.message}`);
    stopAll(1);
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`dev: ${label} stopped (${signal ?? `exit code ${code}`}); stopping the other one too.`);
    stopAll(code ?? 1);
  });
  return child;
}

let stopping = false;
const children: ChildProcess[] = [];

function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  // Give them a moment to close their ports, then go.
  const deadline = setTimeout(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    process.exit(exitCode);
  }, 3000);
  deadline.unref();
  Promise.all(children.map((child) => new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done(null) : child.once('exit', done))))).then(
    () => process.exit(exitCode),
    () => process.exit(exitCode),
  );
}

// The API does not serve the web build in development: Vite serves the pages with hot reload.
children.push(start('API server', bin('tsx'), ['watch', '--clear-screen=false', 'server/main.ts'], { PORT: API_PORT, WEB_DIST: '' }));
children.push(start('Vite dev server', bin('vite'), []));
console.log(`dev: API on http://localhost:${API_PORT}/api, pages with hot reload from Vite (address below). Ctrl-C stops both.`);

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
