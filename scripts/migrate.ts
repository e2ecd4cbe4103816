/** `npm run migrate -- [--db URL]`: apply the database migrations. */
import { openDatabase } from '../server/db/client';
import { readEnv } from '../server/env';
import { argValue } from './cli';

const url = argValue(process.argv.slice(2), '--db') ?? readEnv().DATABASE_URL;
const database = await openDatabase(url);
database.close();
console.log(`migrations applied to ${url}`);
