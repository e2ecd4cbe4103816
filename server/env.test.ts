import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

describe('readEnv: every variable in one place', () => {
  it('reads the defaults and refuses a bad value with its name', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ DATABASE_URL: 'file:data/neshast.db', PORT: 3000, NESHAST_WORKERS: 1, NESHAST_DEMO: false, NESHAST_TRACE: false });
    expect(readEnv({ NESHAST_WORKERS: '4', NESHAST_SEARCH_CACHE: '0', NESHAST_TRACE: '1' })).toMatchObject({ NESHAST_WORKERS: 4, NESHAST_SEARCH_CACHE: 0, NESHAST_TRACE: true });
    expect(() => readEnv({ NESHAST_WORKERS: 'many' })).toThrow(/NESHAST_WORKERS/);
  });

  it('is the only server or script module that reads process.env, and the README lists every NESHAST_ variable', () => {
    const files = [...sources('server'), ...sources('scripts')];
    const readers = files.filter((file) => /process\.env(\.|\[)/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(readers).toEqual([]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const named = new Set(files.flatMap((file) => readFileSync(join(ROOT, file), 'utf8').match(/NESHAST_[A-Z_]+/g) ?? []));
    expect(named.size).toBeGreaterThan(5);
    for (const name of named) expect(readme, name).toContain(`| \`${name}\` |`);
  });
});
