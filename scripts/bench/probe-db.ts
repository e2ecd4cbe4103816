/**
 * @module The database the HTTP probes load: `size` Fars News sessions plus the sample content,
 * indexed as one base, and a director to sign in as. Filled once in `dir` and kept between runs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemClock } from '../../server/clock';
import { openDatabase } from '../../server/db/client';
import { ingestPaths } from '../../server/ingest/ingest';
import { createSearchService } from '../../server/search/search.service';
import { createUsersRepo } from '../../server/users/users.repo';
import { createUsersService } from '../../server/users/users.service';
import { writeCorpusJsonl, type BenchCorpus } from './corpus';
import { REPO_ROOT } from './server-process';

export const PROBE_USER = 'bench-director';
export const PROBE_PASSWORD = 'probe-password-long-enough-1';

/**
 * Fill `dir` (once) and return its database URL and the corpus.
 *
 * @example
 * const { databaseUrl, corpus } = await probeDatabase(7_500, '/tmp/neshast-probe-7500');
 */
export async function probeDatabase(size: number, dir: string): Promise<{ databaseUrl: string; corpus: BenchCorpus }> {
  const databaseUrl = `file:${dir}/neshast.db`;
  const jsonl = `${dir}/sessions.jsonl`;
  mkdirSync(dir, { recursive: true });
  const corpus = await writeCorpusJsonl(size, jsonl);
  if (!existsSync(`${dir}/neshast.db`)) {
    const database = await openDatabase(databaseUrl);
    const indexer = createSearchService(database, { autoMerge: false });
    await ingestPaths(database.client, [resolve(REPO_ROOT, 'content'), jsonl], { clock: systemClock, indexer });
    await indexer.rebuild();
    const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock });
    await users.create({ username: PROBE_USER, role: 'director', unitCode: 'prov-east-azarbaijan', password: PROBE_PASSWORD, displayName: 'مدیرکل آزمون' }, null);
    database.close();
    console.error(`filled ${dir}`);
  }
  return { databaseUrl, corpus };
}
