import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client';
import { ingestPaths } from '../../server/ingest/ingest';
import { openTempDatabase, type TempDatabase } from '../support/temp-db';

const run = promisify(execFile);
const TABLES = ['units', 'people', 'sessions', 'paragraphs', 'directives', 'unit_group_members'];

async function snapshot(client: TempDatabase['client']): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = (await client.execute(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows.map((r) => ({ ...r }));
  return out;
}

let db: TempDatabase;
beforeEach(async () => {
  db = await openTempDatabase();
  await ingestPaths(db.client, ['content'], { clock: { now: () => new Date('2026-11-26T08:00:00Z') } });
});
afterEach(() => db.dispose());

describe('backup and restore', () => {
  it('backs up a live database and restores it into a fresh folder with the same content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neshast-backup-'));
    const backupFile = join(dir, 'backup.db');
    const backup = await run('npx', ['tsx', 'scripts/backup.ts', '--db', `file:${db.path}`, backupFile]);
    expect(backup.stdout).toMatch(/integrity ok/);

    // Writes after the backup must not appear in the restored copy.
    await db.client.execute("UPDATE sessions SET title = 'پس از پشتیبان' WHERE id = 1");
    const target = join(dir, 'fresh', 'restored.db');
    const restore = await run('npx', ['tsx', 'scripts/restore.ts', '--db', `file:${target}`, backupFile]);
    expect(restore.stdout).toMatch(/restored/);

    const restored = await openDatabase(`file:${target}`);
    try {
      const original = await snapshot(db.client);
      const copy = await snapshot(restored.client);
      expect(copy.units).toEqual(original.units);
      expect(copy.paragraphs).toEqual(original.paragraphs);
      expect(copy.directives).toEqual(original.directives);
      expect(copy.sessions?.length).toBe(original.sessions?.length);
      const title = (await restored.client.execute('SELECT title FROM sessions WHERE id = 1')).rows[0]?.title;
      expect(title).not.toBe('پس از پشتیبان');
    } finally {
      restored.close();
    }
  });

  it('refuses to overwrite an existing backup file and to restore something that is not a backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neshast-backup-'));
    const bogus = join(dir, 'not-a-db.db');
    await import('node:fs').then((fs) => fs.writeFileSync(bogus, 'hello'));
    await expect(run('npx', ['tsx', 'scripts/backup.ts', '--db', `file:${db.path}`, bogus])).rejects.toMatchObject({ stderr: expect.stringMatching(/already exists/) });
    await expect(run('npx', ['tsx', 'scripts/restore.ts', '--db', `file:${join(dir, 'x.db')}`, bogus])).rejects.toMatchObject({
      stderr: expect.stringMatching(/not a usable Neshast backup/),
    });
  });
});
