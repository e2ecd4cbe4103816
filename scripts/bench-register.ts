/**
 * `npm run bench:register [-- --size 30000] [--passes 20] [--keep]`: the directive register at scale. The
 * `npm run bench` corpus (Fars News repeated to `size` sessions, bulk JSONL ingest) plus the sample
 * content, then directives and actions written straight into the database (2 of 3 sessions get a
 * directive quoting the first sentence of their first paragraph; 80 % published, 10 % draft, 10 %
 * rejected; half the published ones assigned, to one province or fanned out to all 31, in every
 * status). Then signed-in requests through the real app (`app.request`, no socket) for filtered
 * register pages, the CSV-free summaries and related directives: warm-up, then `passes` timed
 * rounds; p50 / p95 / p99 per request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app';
import { systemClock } from '../server/clock';
import { requireCorpora } from './eval/corpora-dir';
import { createUsersRepo } from '../server/users/users.repo';
import { createUsersService } from '../server/users/users.service';
import { percentile } from './bench/queries';
import { buildRegisterWorld } from './bench/register-world';
import { argValue } from './cli';

requireCorpora('bench:register', ['farsnews']);

const argv = process.argv.slice(2);
const size = Number(argValue(argv, '--size') ?? 30_000);
const passes = Number(argValue(argv, '--passes') ?? 20);
const began = performance.now();
const log = (m: string) => process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${m}\n`);

const dir = mkdtempSync(join(tmpdir(), 'neshast-bench-register-'));
try {
  const { database, counts } = await buildRegisterWorld(dir, size, log);
  const { client } = database;
  log(`${counts?.d} directives (${counts?.p} published), ${counts?.a} actions, ${counts?.f} follow-ups`);

  const app = createApp({ database, clock: systemClock });
  const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock });
  const password = `bench-${Math.random().toString(36).slice(2)}-password`;
  await users.create({ username: 'bench-manager', role: 'manager', password, displayName: 'مدیر آزمون' }, null);
  const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ username: 'bench-manager', password }) });
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const firstId = Number((await client.execute(`SELECT id FROM directives WHERE status = 'published' AND anchor LIKE 'b-%' LIMIT 1 OFFSET 100`)).rows[0]?.id);

  // The Jalali year most sessions fall in (the corpus's own dates), for the year filters.
  const years = await client.execute(`SELECT substr(held_on, 1, 4) AS y, count(*) AS n FROM sessions WHERE held_on IS NOT NULL GROUP BY y ORDER BY n DESC LIMIT 1`);
  const gy = Number(years.rows[0]?.y ?? 2021);
  const jy = gy - 621;
  const e = encodeURIComponent;
  const requests: Array<[string, string]> = [
    ['no filter, newest first', '/api/directives?limit=25'],
    [`«باز و گذشته از مهلت», ${jy}`, `/api/directives?limit=25&state=overdue&from=${e(`${jy}/01/01`)}&to=${e(`${jy}/12/29`)}`],
    ['speaker misspelt (فیروری)', `/api/directives?limit=25&speaker=${e('فیروری')}`],
    ['unit prov-tehran, open', '/api/directives?limit=25&unit=prov-tehran&state=open'],
    ['action, with deadline, by due date', '/api/directives?limit=25&kind=action&hasDeadline=true&sort=due'],
    ['by progress, assigned', '/api/directives?limit=25&state=assigned&sort=progress&order=desc'],
    [`done late, ${jy - 1}–${jy}`, `/api/directives?limit=25&state=done_late&from=${e(`${jy - 1}/01/01`)}&to=${e(`${jy}/12/29`)}`],
    ['text «مجلس»', `/api/directives?limit=25&q=${e('مجلس')}`],
    ['text «وزیر آموزش» + overdue', `/api/directives?limit=25&q=${e('وزیر آموزش')}&state=overdue`],
    ['page 40 (offset 975)', '/api/directives?limit=25&offset=975'],
    ['summaries by speaker', '/api/directives/summaries?by=speaker'],
    [`CSV, «باز و گذشته از مهلت», ${jy}`, `/api/directives/export.csv?state=overdue&from=${e(`${jy}/01/01`)}&to=${e(`${jy}/12/29`)}`],
    ['CSV, every published directive', '/api/directives/export.csv'],
    ['related directives', `/api/directives/${firstId}/related`],
  ];
  const call = async (path: string) => {
    const res = await app.request(path, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    if (path.includes('.csv')) return { total: (await res.text()).split('\r\n').length - 2 };
    return (await res.json()) as { total?: number };
  };
  const started = performance.now();
  await call(requests[7]?.[1] ?? '');
  log(`first text query (builds the directive index): ${(performance.now() - started).toFixed(0)} ms`);
  const rows: string[] = [];
  const all: number[] = [];
  for (const [name, path] of requests) {
    const first = await call(path);
    const times: number[] = [];
    for (let i = 0; i < passes; i++) {
      const t0 = performance.now();
      await call(path);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    if (path.startsWith('/api/directives?')) all.push(...times);
    rows.push(`| ${name} | ${first.total ?? '—'} | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.95).toFixed(1)} | ${percentile(times, 0.99).toFixed(1)} |`);
    log(`${name}: p95 ${percentile(times, 0.95).toFixed(1)} ms`);
  }
  all.sort((a, b) => a - b);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; load average ${loadavg().map((n) => n.toFixed(1)).join(' / ')}.`);
  console.log(`${size} sessions, ${counts?.d} directives (${counts?.p} published), ${counts?.a} actions, ${counts?.f} follow-ups; ${passes} timed passes per request after one warm-up.\n`);
  console.log('| request (25 a page) | matches | p50 (ms) | p95 (ms) | p99 (ms) |\n|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\nEvery register page request together: p50 ${percentile(all, 0.5).toFixed(1)} ms, p95 ${percentile(all, 0.95).toFixed(1)} ms, p99 ${percentile(all, 0.99).toFixed(1)} ms (target p95 ≤ 100 ms).`);
  database.close();
} finally {
  // `--keep`: leave the database for EXPLAIN QUERY PLAN and the like.
  if (argv.includes('--keep')) console.error(`kept ${join(dir, 'neshast.db')}`);
  else rmSync(dir, { recursive: true, force: true });
}
