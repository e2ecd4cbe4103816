/** `npm run ingest -- [--db URL] PATH…`: ingest content; one summary line; non-zero exit on bad input. */
import { systemClock } from '../server/clock';
import { openDatabase } from '../server/db/client';
import { readEnv } from '../server/env';
import { describeFailure, describeSummary, ingestPaths } from '../server/ingest/ingest';
import { createSearchService } from '../server/search/search.service';
import { argValue, positionalArgs, progress } from './cli';

const argv = process.argv.slice(2);
const paths = positionalArgs(argv, ['--db']);
if (paths.length === 0) {
  console.error('usage: npm run ingest -- [--db URL] PATH…');
  process.exit(2);
}
const database = await openDatabase(argValue(argv, '--db') ?? readEnv().DATABASE_URL);
// Index what was stored (a delta segment), so a running server finds it at its next generation check.
// No background merge: this process exits as soon as it is done.
const search = createSearchService(database, { autoMerge: false });
const bar = progress('ingest');
const started = performance.now();
const summary = await ingestPaths(database.client, paths, {
  clock: systemClock,
  indexer: search,
  onProgress: (done, total) => bar.update(done, total),
});
bar.end();
// Also index what an earlier, interrupted run stored but never indexed (its sessions are
// "unchanged" now): the first load checks the index against the sessions table.
await search.refreshIfStale();
for (const failure of summary.failures) console.error(describeFailure(failure));
console.log(describeSummary(summary, (performance.now() - started) / 1000));
database.close();
process.exit(summary.failures.length > 0 ? 1 : 0);
