/**
 * The layering rules of .dependency-cruiser.cjs hold over the whole repository: no import cycles,
 * no import from a lower layer up (repair → ingest, auth → app-deps, detection → database, Persian
 * core → anything), and the web app takes only types from the server. And every test file is in
 * one of the tiers, so none is silently left out of `npm test`.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import config from '../vite.config';

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

/** `dir/**\/*.test.ts` and plain paths, the only glob forms the tiers use, as a regular expression. */
function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split('**/')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('(?:.*/)?');
  return new RegExp(`^${pattern}$`);
}

function tiers(): Array<{ name: string; include: string[] }> {
  const projects: unknown[] = config.test?.projects ?? [];
  return projects.map((project) => {
    const test: unknown = typeof project === 'object' && project !== null && 'test' in project ? project.test : undefined;
    if (typeof test !== 'object' || test === null || !('name' in test) || !('include' in test) || !Array.isArray(test.include)) throw new Error('vite.config.ts: a tier without name or include');
    return { name: String(test.name), include: test.include.map(String) };
  });
}

describe('test tiers', () => {
  it('put every test file of the repository in exactly one tier', () => {
    const files = ['server', 'web', 'scripts', 'tests'].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
        .map((entry) => relative(ROOT, join(entry.parentPath, entry.name))),
    );
    const patterns = tiers().map((tier) => ({ name: tier.name, match: tier.include.map(globToRegExp) }));
    expect(patterns.map((tier) => tier.name)).toEqual(['unit', 'api', 'browser', 'reliability']);
    expect(files.length).toBeGreaterThan(60);
    const misplaced = files.filter((file) => patterns.filter((tier) => tier.match.some((re) => re.test(file))).length !== 1);
    expect(misplaced).toEqual([]);
  });
});
