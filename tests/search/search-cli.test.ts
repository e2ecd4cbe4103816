import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSessions } from '../../server/ingest/session-store';
import { sessionInput } from '../support/session-input';
import { openTempDatabase, type TempDatabase } from '../support/temp-db';

const run = promisify(execFile);

const session = (slug: string, title: string, paragraphs: string[]) => sessionInput(slug, title, paragraphs);

describe('npm run search', () => {
  let database: TempDatabase;
  const cli = (...args: string[]) => run('node_modules/.bin/tsx', ['scripts/search.ts', '--db', `file:${database.path}`, ...args], { encoding: 'utf8' });

  beforeAll(async () => {
    database = await openTempDatabase();
    await storeSessions(
      database.client,
      [
        session('budget', 'بودجه ۱۴۰۰', ['مقدمه جلسه.', 'برنامه‌هاي عملياتي بودجه ظرف دو هفته ارسال شود.']),
        session('gilan', 'گزارش گیلان', ['گزارش آموزش مهارت در استان گیلان.', 'بودجه آموزش هم بررسی شد.']),
        session('other', 'جلسه دیگر', ['موضوعی بی‌ربط.']),
      ],
      new Date(),
    );
  });
  afterAll(() => database.dispose());

  it('answers a batch with one line per query, best session first, one hit per session', async () => {
    const file = join(database.dir, 'queries.jsonl');
    writeFileSync(file, ['{"id":"a","q":"بودجه عملیاتی"}', '{"id":2,"q":"گيلان"}', '{"id":"c","q":"؟؟"}'].join('\n'));
    const { stdout } = await cli('--batch', file);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; hits: Array<{ session: string; paragraph: number; score: number }> });
    expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c']);
    const first = lines[0]?.hits ?? [];
    expect(first[0]).toMatchObject({ session: 'budget', paragraph: 1 });
    expect(first.map((h) => h.session)).toEqual(['budget', 'gilan']);
    expect(new Set(first.map((h) => h.session)).size).toBe(first.length);
    expect((first[0]?.score ?? 0) >= (first[1]?.score ?? 0)).toBe(true);
    expect(lines[1]?.hits.map((h) => h.session)).toEqual(['gilan']);
    expect(lines[2]?.hits).toEqual([]);
  });

  it('prints JSON with --json and respects --limit', async () => {
    const { stdout } = await cli('--json', '--limit', '1', 'بودجه');
    const page = JSON.parse(stdout) as { total: number; hits: Array<{ session: { slug: string }; paragraphs: Array<{ snippet: string }> }> };
    expect(page.total).toBe(2);
    expect(page.hits).toHaveLength(1);
    expect(page.hits[0]?.paragraphs[0]?.snippet).toContain('<mark>بودجه</mark>');
  });

  it('prints readable lines and exits non-zero with a message on an empty query', async () => {
    const { stdout } = await cli('گیلان');
    expect(stdout).toContain('گزارش گیلان');
    await expect(cli('!!!')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('query_empty') });
  });
});
