/** `npm run backup -- [--db URL] FILE`: a consistent online copy of the database. */
import { openDatabase } from '../server/db/client';
import { backupDatabase, verifyBackup } from '../server/db/backup';
import { readEnv } from '../server/env';
import { argValue, positionalArgs } from './cli';

const argv = process.argv.slice(2);
const [file] = positionalArgs(argv, ['--db']);
if (!file) {
  console.error('usage: npm run backup -- [--db URL] FILE');
  process.exit(2);
}
const database = await openDatabase(argValue(argv, '--db') ?? readEnv().DATABASE_URL, { migrate: false });
try {
  await backupDatabase(database.client, file);
  const { sessions } = await verifyBackup(file);
  console.log(`backup written to ${file} (${sessions} sessions, integrity ok)`);
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  database.close();
}
