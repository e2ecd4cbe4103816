/** A real libSQL database file with the real migrations, in a temp folder removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../server/db/client';

export interface TempDatabase extends Database {
  dir: string;
  path: string;
  /** Close and delete the files. */
  dispose(): void;
}

export async function openTempDatabase(): Promise<TempDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'neshast-test-'));
  const path = join(dir, 'test.db');
  const database = await openDatabase(`file:${path}`);
  return {
    ...database,
    dir,
    path,
    dispose() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Row count of a table (tests compare before and after). */
export async function countRows(database: Database, table: string): Promise<number> {
  const rs = await database.client.execute(`SELECT count(*) AS n FROM ${table}`);
  return Number(rs.rows[0]?.n ?? 0);
}
