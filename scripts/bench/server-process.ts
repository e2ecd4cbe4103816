/**
 * @module A real Neshast server in a child process (`node --import tsx server/main.ts`, or the
 * compiled dist/server/main.js that `npm start` runs) on a
 * database URL: started, polled until `/api/health` answers, measured (RSS), stopped or killed.
 * Used by `npm run bench` and the reliability tests (two instances, crashes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /** Milliseconds from spawn to the first 200 from /api/health (the index is loaded before listening). */
  readyMs: number;
  /** What the process printed so far (stdout and stderr). */
  output(): string;
  /** Resident memory now and at its peak, in MB (Linux /proc). */
  memory(): { rssMB: number; peakMB: number };
  /** SIGKILL: no shutdown handler runs (a crash). */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  port?: number;
  /** Extra environment (e.g. DATABASE_BUSY_TIMEOUT_MS). */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Run the compiled server (dist/server/main.js, built by `npm run build`) instead of the sources. */
  compiled?: boolean;
  /** Node options before the entry (e.g. `--cpu-prof` to see what a start costs). */
  nodeArgs?: string[];
}

/** A port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => child.once('exit', () => ok()));
}

function memoryOf(pid: number): { rssMB: number; peakMB: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  } catch {
    return { rssMB: 0, peakMB: 0 };
  }
}

/**
 * Start a server on `databaseUrl` and wait until it answers.
 *
 * @example
 * const server = await startServer({ databaseUrl: 'file:/tmp/x/neshast.db' });
 * await fetch(`${server.url}/api/health`);
 * await server.stop();
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...(options.compiled ? ['dist/server/main.js'] : ['--import', 'tsx', 'server/main.ts'])], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      CONTENT_DIR: '',
      WEB_DIST: '',
      NESHAST_DEMO: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${options.timeoutMs ?? 60_000} ms:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  const pid = child.pid ?? 0;
  return {
    url,
    port,
    pid,
    readyMs,
    output: () => output,
    memory: () => memoryOf(pid),
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
