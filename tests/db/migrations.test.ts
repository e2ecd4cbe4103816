/**
 * Migrations on a database that already holds data (docs/decisions.md: migrations over data; a table rebuild
 * can cascade-delete rows): every later migration is applied over a database filled at the first one.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, openDatabase, type Database } from '../../server/db/client';
import journal from '../../server/db/migrations/meta/_journal.json';

const MIGRATIONS = resolve('server/db/migrations');
let dir: string;
let database: Database | undefined;

afterEach(() => {
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the migrations folder that stops after the first `count` migrations. */
function firstMigrationOnly(count = 1): string {
  const folder = join(dir, `migrations-${count}`);
  cpSync(MIGRATIONS, folder, { recursive: true });
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return folder;
}

const NOW = '2026-11-26T08:00:00.000Z';

describe('migrations over existing data', () => {
  it('keeps every row and foreign key when the later migrations run', async () => {
    expect(journal.entries.length).toBeGreaterThan(1);
    dir = mkdtempSync(join(tmpdir(), 'neshast-migrate-'));
    database = await openDatabase(`file:${join(dir, 'old.db')}`, { migrate: false });
    const { client, db } = database;
    await migrate(db, { migrationsFolder: firstMigrationOnly() });

    await client.batch(
      [
        "INSERT INTO units (code, name, kind, aliases) VALUES ('prov-tehran', 'اداره کل استان تهران', 'province', '[]')",
        `INSERT INTO users (username, display_name, role, unit_code, password_hash, created_at, password_changed_at)
           VALUES ('tehran.dg', 'مدیر کل تهران', 'director', 'prov-tehran', 'x', '${NOW}', '${NOW}')`,
        `INSERT INTO sessions (slug, title, kind, held_on, source_kind, source_text, body, content_hash, created_at, updated_at)
           VALUES ('old-session', 'نشست قدیمی', 'meeting', '2021-01-20', 'markdown', 'متن', 'متن', 'h', '${NOW}', '${NOW}')`,
        "INSERT INTO paragraphs (session_id, ordinal, text, start, end) VALUES (1, 0, 'متن', 0, 3)",
        `INSERT INTO directives (session_id, anchor, quote, start, end, kind, status, created_at, updated_at)
           VALUES (1, 'd1', 'متن', 0, 3, 'action', 'published', '${NOW}', '${NOW}')`,
        `INSERT INTO action_items (directive_id, unit_code, due_on, created_at, updated_at) VALUES (1, 'prov-tehran', '2021-02-03', '${NOW}', '${NOW}')`,
        `INSERT INTO follow_ups (action_id, author_id, kind, note, created_at) VALUES (1, 1, 'progress', 'پیشرفت', '${NOW}')`,
      ],
      'write',
    );
    const count = async (table: string) => Number((await client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    const tables = ['units', 'users', 'sessions', 'paragraphs', 'directives', 'action_items', 'follow_ups'];
    const before = await Promise.all(tables.map(count));

    await applyMigrations(db, client);

    expect(await Promise.all(tables.map(count))).toEqual(before);
    const session = (await client.execute("SELECT status, title FROM sessions WHERE slug = 'old-session'")).rows[0];
    // Sessions that existed before drafts did are published.
    expect(session).toMatchObject({ status: 'published', title: 'نشست قدیمی' });
    expect((await client.execute('PRAGMA foreign_key_check')).rows).toEqual([]);
    // add_follow_up_replies: an old follow-up answers nothing.
    expect((await client.execute('SELECT reply_to_id, note FROM follow_ups')).rows[0]).toMatchObject({ reply_to_id: null, note: 'پیشرفت' });
    const applied = Number((await client.execute('SELECT count(*) AS n FROM __drizzle_migrations')).rows[0]?.n);
    expect(applied).toBe(journal.entries.length);
  });

  it('keeps who has read a notification when read state becomes per user (add_notification_reads)', async () => {
    const index = journal.entries.findIndex((e) => e.tag.endsWith('add_notification_reads'));
    expect(index).toBeGreaterThan(0);
    dir = mkdtempSync(join(tmpdir(), 'neshast-migrate-'));
    database = await openDatabase(`file:${join(dir, 'old.db')}`, { migrate: false });
    const { client, db } = database;
    await migrate(db, { migrationsFolder: firstMigrationOnly(index) });
    const user = (username: string, role: string, unit: string | null) =>
      `INSERT INTO users (username, display_name, role, unit_code, password_hash, created_at, password_changed_at)
         VALUES ('${username}', '${username}', '${role}', ${unit ? `'${unit}'` : 'NULL'}, 'x', '${NOW}', '${NOW}')`;
    await client.batch(
      [
        "INSERT INTO units (code, name, kind, aliases) VALUES ('prov-tehran', 'اداره کل استان تهران', 'province', '[]')",
        "INSERT INTO units (code, name, kind, aliases) VALUES ('prov-fars', 'اداره کل استان فارس', 'province', '[]')",
        user('tehran.dg', 'director', 'prov-tehran'),
        user('tehran.staff', 'staff', 'prov-tehran'),
        user('fars.dg', 'director', 'prov-fars'),
        user('hq.manager', 'manager', null),
        `INSERT INTO sessions (slug, title, kind, held_on, source_kind, source_text, body, content_hash, created_at, updated_at)
           VALUES ('old-session', 'نشست قدیمی', 'meeting', '2021-01-20', 'markdown', 'متن', 'متن', 'h', '${NOW}', '${NOW}')`,
        `INSERT INTO directives (session_id, anchor, quote, start, end, kind, status, created_at, updated_at)
           VALUES (1, 'd1', 'متن', 0, 3, 'action', 'published', '${NOW}', '${NOW}')`,
        `INSERT INTO action_items (directive_id, unit_code, due_on, created_at, updated_at) VALUES (1, 'prov-tehran', '2021-02-03', '${NOW}', '${NOW}')`,
        `INSERT INTO notifications (action_id, unit_code, kind, due_on, created_at, read_at) VALUES (1, 'prov-tehran', 'due_soon', '2021-02-03', '${NOW}', '${NOW}')`,
        `INSERT INTO notifications (action_id, unit_code, kind, due_on, created_at) VALUES (1, 'prov-tehran', 'due_today', '2021-02-03', '${NOW}')`,
      ],
      'write',
    );

    await applyMigrations(db, client);

    const reads = await client.execute(
      'SELECT n.kind AS kind, u.username AS username FROM notification_reads r JOIN notifications n ON n.id = r.notification_id JOIN users u ON u.id = r.user_id ORDER BY u.username',
    );
    expect(reads.rows.map((r) => `${r.kind}:${r.username}`)).toEqual(['due_soon:hq.manager', 'due_soon:tehran.dg', 'due_soon:tehran.staff']);
    expect(Number((await client.execute('SELECT count(*) AS n FROM notifications')).rows[0]?.n)).toBe(2);
    expect((await client.execute('PRAGMA foreign_key_check')).rows).toEqual([]);
  });

  it('stores an old series typed with Arabic ي/ك with Persian letters, one series with the rest (persian_letters_in_series)', async () => {
    const index = journal.entries.findIndex((e) => e.tag.endsWith('persian_letters_in_series'));
    expect(index).toBeGreaterThan(0);
    dir = mkdtempSync(join(tmpdir(), 'neshast-migrate-'));
    database = await openDatabase(`file:${join(dir, 'old.db')}`, { migrate: false });
    const { client, db } = database;
    await migrate(db, { migrationsFolder: firstMigrationOnly(index) });
    const session = (slug: string, series: string | null) =>
      `INSERT INTO sessions (slug, title, kind, held_on, source_kind, source_text, body, content_hash, series, created_at, updated_at)
         VALUES ('${slug}', 'نشست', 'webinar', '2021-01-20', 'markdown', 'متن', 'متن', '${slug}', ${series === null ? 'NULL' : `'${series}'`}, '${NOW}', '${NOW}')`;
    await client.batch([session('typed', 'وبينارهاي واگذاري املاك'), session('persian', 'وبینارهای واگذاری املاک'), session('none', null)], 'write');

    await applyMigrations(db, client);

    const rows = await client.execute('SELECT slug, series FROM sessions ORDER BY slug');
    expect(rows.rows.map((r) => [r.slug, r.series])).toEqual([
      ['none', null],
      ['persian', 'وبینارهای واگذاری املاک'],
      ['typed', 'وبینارهای واگذاری املاک'],
    ]);
  });
});
