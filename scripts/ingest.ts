/** `npm run ingest -- [--db URL] PATH…`: ingest content; one summary line; non-zero exit on bad input. */
import { openDatabase } from '../server/db/client';
import { readEnv } from '../server/env';
import { describeFailure, describeSummary, ingestPaths } from '../server/ingest/ingest';
import { argValue, positionalArgs, progress } from './cli';

const argv = process.argv.slice(2);
const paths = positionalArgs(argv, ['--db']);
if (paths.length === 0) {
  console.error('usage: npm run ingest -- [--db URL] PATH…');
  process.exit(2);
}
const database = await openDatabase(argValue(argv, '--db') ?? readEnv().DATABASE_URL);
const bar = progress('ingest');
const started = performance.now();
const summary = await ingestPaths(database.client, paths, {
  now: () => new Date(),
  onProgress: (done, total) => bar.update(done, total),
});
bar.end();
for (const failure of summary.failures) console.error(describeFailure(failure));
console.log(describeSummary(summary, (performance.now() - started) / 1000));
database.close();
process.exit(summary.failures.length > 0 ? 1 : 0);
