/**
 * The layering rules of .dependency-cruiser.cjs hold over the whole repository: no import cycles,
 * no import from a lower layer up (repair → ingest, auth → app-deps, detection → database, Persian
 * core → anything), and the web app takes only types from the server.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = resolve(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: Array<{ name: string }>;
}

async function cruise(paths: string[]): Promise<{ modules: number; violations: string[] }> {
  const args = [CLI, ...paths, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'];
  // Exit code 1 means "violations found": the JSON on stdout says which.
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout?: string }) => {
    if (typeof error.stdout === 'string' && error.stdout.startsWith('{')) return { stdout: error.stdout };
    throw error;
  });
  const report: { summary: { totalCruised: number; violations: Violation[] } } = JSON.parse(stdout);
  const violations = report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
  return { modules: report.summary.totalCruised, violations };
}

describe('layering', () => {
  it('keeps every rule of .dependency-cruiser.cjs', async () => {
    const { modules, violations } = await cruise(['server', 'web/src', 'scripts', 'tests']);
    expect(modules).toBeGreaterThan(200);
    expect(violations).toEqual([]);
  }, 120_000);
});
