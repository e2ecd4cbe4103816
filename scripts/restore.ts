/** `npm run restore -- [--db URL] FILE`: replace the (stopped) database with a verified backup. */
import { restoreDatabase } from '../server/db/backup';
import { readEnv } from '../server/env';
import { argValue, positionalArgs } from './cli';

const argv = process.argv.slice(2);
const [file] = positionalArgs(argv, ['--db']);
if (!file) {
  console.error('usage: npm run restore -- [--db URL] FILE   (stop the server first)');
  process.exit(2);
}
const url = argValue(argv, '--db') ?? readEnv().DATABASE_URL;
try {
  const { sessions } = await restoreDatabase(file, url);
  console.log(`restored ${file} into ${url} (${sessions} sessions); the previous file is kept as *.before-restore`);
} catch (error) {
  console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
