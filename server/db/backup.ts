/**
 * @module Online backup (a consistent copy while the server runs) and restore into a
 * stopped deployment, for local database files. A libSQL server has its own backups
 * (see docs/scaling.md).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';

export function localPath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length).split('?')[0] ?? '';
  return path && path !== ':memory:' ? resolve(path) : null;
}

/**
 * Write a consistent copy of the database to `target` (which must not exist).
 * VACUUM INTO reads one snapshot, so writers may go on meanwhile.
 *
 * @example
 * await backupDatabase(client, 'backups/neshast-2026-11-26.db');
 */
export async function backupDatabase(client: Client, target: string): Promise<void> {
  const path = resolve(target);
  if (existsSync(path)) throw new Error(`${target} already exists; choose a new file name`);
  mkdirSync(dirname(path), { recursive: true });
  await client.execute({ sql: 'VACUUM INTO ?', args: [path] });
}

/** Check a backup file: SQLite integrity and that it is a Neshast database. */
export async function verifyBackup(file: string): Promise<{ sessions: number; migrations: number }> {
  const client = createClient({ url: `file:${resolve(file)}` });
  try {
    const integrity = await client.execute('PRAGMA integrity_check');
    if (String(integrity.rows[0]?.[0]) !== 'ok') throw new Error(`${file} failed the integrity check`);
    const migrations = await client.execute('SELECT count(*) AS n FROM __drizzle_migrations');
    const sessions = await client.execute('SELECT count(*) AS n FROM sessions');
    return { sessions: Number(sessions.rows[0]?.n ?? 0), migrations: Number(migrations.rows[0]?.n ?? 0) };
  } catch (error) {
    throw new Error(`${file} is not a usable Neshast backup: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    client.close();
  }
}

/**
 * Replace the database file at `targetUrl` with a verified backup. The server must be
 * stopped; the old file is kept beside it as `<name>.before-restore`.
 */
export async function restoreDatabase(backupFile: string, targetUrl: string): Promise<{ sessions: number }> {
  const target = localPath(targetUrl);
  if (!target) throw new Error('restore writes local database files only; restore a libSQL server with its own tools');
  const { sessions } = await verifyBackup(backupFile);
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.restoring`;
  copyFileSync(resolve(backupFile), staging);
  if (existsSync(target)) renameSync(target, `${target}.before-restore`);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  return { sessions };
}
