/**
 * `npm start` rebuilds a stale dist/ in its own process before it imports the server. Vite's build
 * sets NODE_ENV=production in the process it runs in when NODE_ENV is unset, so after a rebuild
 * `NESHAST_DEMO=1 npm start` printed «demo mode refused: NODE_ENV is production» and served nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/build.mjs';

const outDir = mkdtempSync(join(tmpdir(), 'neshast-web-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('building the web app inside `npm start`', () => {
  it('leaves NODE_ENV as it found it (unset), so the server started next is not taken for production', async () => {
    const program = [
      "const { buildWeb } = await import('./scripts/build.mjs');",
      `await buildWeb({ outDir: ${JSON.stringify(outDir)} });`,
      'console.log(JSON.stringify({ nodeEnv: process.env.NODE_ENV ?? null }));',
    ].join('\n');
    // As in a shell: no NODE_ENV, and none of Vitest's variables (vite.config.ts drops the Solid plugin under VITEST).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', program], { cwd: REPO_ROOT, env });
    const lastLine = stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(lastLine)).toEqual({ nodeEnv: null });
  }, 120_000);
});
