/**
 * @module Opens the libSQL database (a local file by default, a libSQL server by URL),
 * sets it up for concurrent use and applies the migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema';

export type Db = LibSQLDatabase<typeof schema>;

export interface Database {
  client: Client;
  db: Db;
  url: string;
  /** For a remote libSQL server: other clients of this database (e.g. a worker) need it too. */
  authToken?: string;
  close(): void;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Busy timeout (ms): writers from other processes wait rather than fail at once (then 503 + Retry-After). */
export const BUSY_TIMEOUT_MS = 5_000;

function isLocalFile(url: string): boolean {
  return url.startsWith('file:');
}

/** Create the parent folder of a local database file. */
function ensureFolder(url: string): void {
  const path = url.slice('file:'.length).split('?')[0] ?? '';
  if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
}

/**
 * Open the database at `url` (e.g. `file:data/neshast.db`, `libsql://…`, `http://…`).
 *
 * @example
 * const { db, close } = await openDatabase('file:data/neshast.db');
 */
export async function openDatabase(url: string, options: { authToken?: string; migrate?: boolean; busyTimeoutMs?: number } = {}): Promise<Database> {
  if (isLocalFile(url)) ensureFolder(url);
  const client = createClient({ url, authToken: options.authToken, timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
  if (isLocalFile(url)) {
    // WAL lets readers and one writer share the file; it is a property of the file, set once.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
  }
  await client.execute('PRAGMA foreign_keys = ON');
  const db = drizzle(client, { schema });
  if (options.migrate ?? true) await applyMigrations(db, client);
  return { client, db, url, authToken: options.authToken, close: () => client.close() };
}

/** Apply pending migrations, then refuse to go on if they broke a foreign key. */
export async function applyMigrations(db: Db, client: Client): Promise<void> {
  await migrate(db, { migrationsFolder });
  const broken = await client.execute('PRAGMA foreign_key_check');
  if (broken.rows.length > 0) {
    throw new Error(`migration left ${broken.rows.length} broken foreign keys`);
  }
}
