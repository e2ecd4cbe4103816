/**
 * `npm run bench:search-paths [-- --size 7500] [--passes 5] [--dir DIR]`: the longest synchronous slice of every
 * kind of search request (issue 15 item 5: no request holds the event loop over 20 ms), through the
 * real app (`app.request`, signed in as a manager) on the probe database `npm run bench:search-load`
 * uses (`size` Fars News sessions plus the sample content, filled once in /tmp/neshast-probe-SIZE),
 * result cache off, the session index loaded and warmed up as `npm start` does. Each request is
 * measured the first time this process sees it (code and paragraphs cold) and then `passes` times;
 * the figures are the longest slice in main-thread CPU and in wall time (scripts/bench/slice-meter.ts).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { systemClock } from '../server/clock';
import { openDatabase } from '../server/db/client';
import { createApp } from '../server/app';
import { createEverythingSearch } from '../server/search/everything/everything.service';
import { createSearchService } from '../server/search/search.service';
import { createUsersRepo } from '../server/users/users.repo';
import { createUsersService } from '../server/users/users.service';
import { argValue } from './cli';
import { probeDatabase } from './bench/probe-db';
import { measureSlices, SLICE_CLOCK_NAME, type Slice } from './bench/slice-meter';
import { requireCorpora } from './eval/corpora-dir';

requireCorpora('bench:search-paths', ['farsnews']);

const argv = process.argv.slice(2);
const size = Number(argValue(argv, '--size') ?? 7_500);
const passes = Number(argValue(argv, '--passes') ?? 5);
const only = argValue(argv, '--only');
const e = encodeURIComponent;

const { databaseUrl, corpus } = await probeDatabase(size, argValue(argv, '--dir') ?? `/tmp/neshast-probe-${size}`);
const database = await openDatabase(databaseUrl);
const search = createSearchService(database, { resultCache: { maxEntries: 0, maxBytes: 0 }, autoMerge: false });
await search.refreshIfStale();
await search.warmUp();
const everything = createEverythingSearch(database);
await everything.warm();
const app = createApp({ database, clock: systemClock, search, everything });
const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock, scrypt: { N: 2 ** 10, r: 8, p: 1 } });
const username = `paths-${Date.now().toString(36)}`;
const password = `bench-${Math.random().toString(36).slice(2)}-password`;
await users.create({ username, role: 'manager', password, displayName: username }, null);
const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ username, password }) });
const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';

// Queries built from the corpus (the same every run): a long paste, a title typed with a typo in each word.
const article = corpus.docs.find((d) => d.body.split(/\s+/).length > 80) ?? corpus.docs[0];
const sixtyWords = (article?.body ?? '').split(/\s+/).filter(Boolean).slice(0, 60).join(' ').slice(0, 2_000);
const typo = (word: string) => ([...word].length >= 5 ? [...word].map((c, i, all) => (i === 2 ? all[3] : i === 3 ? all[2] : c)).join('') : word);
const titled = corpus.docs.filter((d) => d.title.split(/\s+/).length >= 8).slice(0, 1)[0]?.title ?? 'وزارت آموزش و پرورش';
const typoHeavy = titled.split(/\s+/).map(typo).join(' ');

const paths: Array<[string, string]> = [
  ['one word «مجلس»', `q=${e('مجلس')}`],
  ['speaker filter (فیروری)', `q=${e('مجلس')}&speaker=${e('فیروری')}`],
  ['Jalali date range 1383-01-01 … 1390-12-29', `q=${e('مجلس')}&from=${e('۱۳۸۳-۰۱-۰۱')}&to=${e('۱۳۹۰-۱۲-۲۹')}`],
  ['speaker and dates, a common word', `q=${e('ایران')}&speaker=${e('فیروزی')}&from=1383-01-01&to=1390-12-29`],
  ['«منظورتان … بود؟» (املاک مازات)', `q=${e('املاک مازات')}`],
  ['typo in every word of a title', `q=${e(typoHeavy)}`],
  ['stop words only «می تواند»', `q=${e('می تواند')}`],
  ['stop words only «از این»', `q=${e('از این')}`],
  ['stop words only «این است که»', `q=${e('این است که')}`],
  ['one stop word «و»', `q=${e('و')}`],
  ['stop words «از این» with dates', `q=${e('از این')}&from=1383-01-01&to=1390-12-29`],
  ['60 words pasted', `q=${e(sixtyWords)}`],
  ['one word of 2,000 letters (the longest accepted)', `q=${e('ب'.repeat(2_000))}`],
  ['one word of 100 KB (refused: 400)', `q=${e('ب'.repeat(100_000))}`],
  ['digits only «1399»', `q=${e('1399')}`],
  ['digits only, 2,000 of them', `q=${e('1'.repeat(2_000))}`],
  ['digits, many numbers', `q=${e(Array.from({ length: 60 }, (_, i) => String(1300 + i)).join(' '))}`],
  ['page 50 (offset 490)', `q=${e('ایران')}&offset=490`],
  ['page 50 of 100 (offset 4,900, limit 100)', `q=${e('ایران')}&offset=4900&limit=100`],
  ['prefix while typing «م»', `q=${e('م')}&prefix=true`],
  ['prefix while typing «وزارت آ»', `q=${e('وزارت آ')}&prefix=true`],
  ['every kind «مجلس»', `q=${e('مجلس')}&kinds=all`],
];

const call = async (path: string) => {
  const res = await app.request(path, { headers: { cookie, origin: 'http://localhost' } });
  await res.arrayBuffer();
  return res.status;
};

const rows: string[] = [];
const worst: Slice = { cpu: 0, wall: 0 };
const requests: Array<[string, string]> = [...paths.map(([name, query]): [string, string] => [name, `/api/search?${query}`]), ['the speakers list', '/api/search/speakers']];
for (const [name, path] of requests) {
  if (only && !name.includes(only)) continue;
  const [status, first] = await measureSlices(() => call(path));
  let cpu = 0;
  let wall = 0;
  for (let i = 0; i < passes; i++) {
    const [, slice] = await measureSlices(() => call(path));
    cpu = Math.max(cpu, slice.cpu);
    wall = Math.max(wall, slice.wall);
  }
  worst.cpu = Math.max(worst.cpu, first.cpu, cpu);
  worst.wall = Math.max(worst.wall, first.wall, wall);
  rows.push(`| ${name} | ${status} | ${first.cpu.toFixed(1)} | ${first.wall.toFixed(1)} | ${cpu.toFixed(1)} | ${wall.toFixed(1)} |`);
  process.stderr.write(`${name}: first ${first.cpu.toFixed(1)} / ${first.wall.toFixed(1)} ms, then max ${cpu.toFixed(1)} / ${wall.toFixed(1)} ms\n`);
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`Measured ${new Date().toISOString().slice(0, 16)} UTC on ${machine}; load average ${loadavg().map((n) => n.toFixed(1)).join(' / ')} (a shared machine).`);
console.log(`${search.stats().sessions} sessions; result cache off; longest synchronous slice in CPU time of ${SLICE_CLOCK_NAME} (≈ 4 ms resolution) and in wall time; ${passes} passes after the first.\n`);
console.log('| request | status | first: CPU (ms) | first: wall (ms) | then, max: CPU (ms) | then, max: wall (ms) |\n|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`\nLongest of all: CPU ${worst.cpu.toFixed(1)} ms, wall ${worst.wall.toFixed(1)} ms.`);
database.close();
