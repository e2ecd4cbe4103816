/**
 * @module The scale benchmark's report: a dated markdown section for docs/benchmarks.md (a table
 * per size, ratios against FTS5, targets met or not) and an SVG chart of latency and memory
 * against corpus size.
 */
import type { SizeFigures } from './run-size';

export interface RunInfo {
  date: string;
  machine: string;
  command: string;
  load: string;
  totalMinutes: number;
}

const f = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '∞');
const int = (n: number): string => f(n, 0);
const ratio = (a: number, b: number): string => (b > 0 ? f(a / b, 2) : '—');

export interface Target {
  name: string;
  met: boolean;
  figure: string;
}

/** The issue's targets, judged on the measured figures. */
export function judgeTargets(rows: SizeFigures[]): Target[] {
  const largest = rows.reduce<SizeFigures | undefined>((a, r) => (!a || r.sessions > a.sessions ? r : a), undefined);
  const at7500 = rows.find((r) => r.sessions === 7_500) ?? largest;
  const slowestIngest = Math.min(...rows.map((r) => r.ingest.perSecond));
  const searchLoad = at7500?.load.find((l) => l.name === 'search');
  const smallest = rows.reduce<SizeFigures | undefined>((a, r) => (!a || r.sessions < a.sessions ? r : a), undefined);
  const memoryGrowth = smallest && largest ? largest.server.rssIdleMB / smallest.server.rssIdleMB : 0;
  const corpusGrowth = smallest && largest ? largest.sessions / smallest.sessions : 0;
  const newSession = largest ? Math.max(largest.newSession.importApiMs, largest.newSession.ingestCliMs) : Infinity;
  return [
    { name: 'bulk JSONL ingest ≥ 500 sessions/s including indexing', met: slowestIngest >= 500, figure: `slowest ${int(slowestIngest)} sessions/s wall-clock (${rows.map((r) => `${int(r.ingest.perSecond)} at ${int(r.sessions)}`).join(', ')}); per CPU-second of the ingesting process: ${rows.map((r) => int(r.sessions / r.ingest.cpuSeconds)).join(', ')}` },
    {
      name: 'extra check, not an issue target: result page p95 ≤ FTS5-with-snippets p95 at every size (ours highlights 3 paragraphs per hit)',
      met: rows.every((r) => r.ours.page.p95 <= r.fts5.page.p95),
      figure: rows.map((r) => `${int(r.sessions)}: ${f(r.ours.page.p95, 2)} vs ${f(r.fts5.page.p95, 2)} ms (×${ratio(r.ours.page.p95, r.fts5.page.p95)})`).join('; '),
    },
    {
      name: 'search p95 ≤ FTS5 p95 at every size (ranking, top 10)',
      met: rows.every((r) => r.ours.latency.p95 <= r.fts5.latency.p95),
      figure: rows.map((r) => `${int(r.sessions)}: ${f(r.ours.latency.p95, 2)} vs ${f(r.fts5.latency.p95, 2)} ms (×${ratio(r.ours.latency.p95, r.fts5.latency.p95)})`).join('; '),
    },
    { name: `new session searchable ≤ 1 s at ${int(largest?.sessions ?? 0)}`, met: newSession <= 1000, figure: `${int(largest?.newSession.importApiMs ?? 0)} ms (import API), ${int(largest?.newSession.ingestCliMs ?? 0)} ms (ingest CLI)` },
    { name: `server ready ≤ 3 s after start at ${int(largest?.sessions ?? 0)}`, met: (largest?.server.readyMs ?? Infinity) <= 3000, figure: `${f((largest?.server.readyMs ?? 0) / 1000, 2)} s` },
    {
      name: `50 connections at ${int(at7500?.sessions ?? 0)}: search p99 ≤ 100 ms, no errors`,
      met: !!searchLoad && searchLoad.p99 <= 100 && searchLoad.errors === 0 && searchLoad.non2xx === 0,
      figure: searchLoad
        ? `p99 ${int(searchLoad.p99)} ms, ${int(searchLoad.requestsPerSec)} req/s, ${searchLoad.errors} errors, ${searchLoad.non2xx} non-2xx (one process, result cache on, the 200 queries repeated)${at7500?.load
            .filter((l) => l.name.startsWith('search,'))
            .map((l) => `; ${l.name}: p99 ${int(l.p99)} ms, ${int(l.requestsPerSec)} req/s, ${l.errors + l.non2xx} errors`)
            .join('') ?? ''}`
        : '—',
    },
    ...(() => {
      const off = at7500?.load.find((l) => l.name === 'search, result cache off');
      const cpu = at7500?.ours.cpu;
      const loops = at7500?.load.filter((l) => l.loopMaxMs !== undefined).map((l) => `${l.name} ${int(l.loopMaxMs ?? 0)} ms`) ?? [];
      return [
        {
          name: `issue 15: 50 connections at ${int(at7500?.sessions ?? 0)}, result cache off: search p99 ≤ 100 ms`,
          met: !!off && off.p99 <= 100 && off.errors === 0,
          figure: off ? `p99 ${int(off.p99)} ms, ${int(off.requestsPerSec)} req/s at load average ${off.loadAverage === undefined ? '—' : f(off.loadAverage)} (on 2 cores; needs them otherwise idle)` : '—',
        },
        {
          name: 'issue 15: no search request holds the event loop > 20 ms',
          met: !!cpu && cpu.max <= 20,
          figure: cpu ? `longest CPU of one result page in process ${f(cpu.max, 2)} ms (mean ${f(cpu.mean, 2)}); longest event-loop delay under HTTP load (includes waiting for a core on a busy machine): ${loops.join(', ') || '—'}` : '—',
        },
      ];
    })(),
    { name: 'memory grows no faster than the corpus', met: memoryGrowth <= corpusGrowth, figure: `server RSS ×${f(memoryGrowth, 2)} for ×${f(corpusGrowth, 0)} sessions (${rows.map((r) => `${int(r.server.rssIdleMB)} MB at ${int(r.sessions)}`).join(', ')})` },
  ];
}

function sizeTable(r: SizeFigures): string {
  const lines = [
    `### ${int(r.sessions)} sessions (Fars News ×${r.repeats}, ${int(r.paragraphs)} paragraphs)`,
    '',
    '| measure | ours | FTS5 normalised | ratio ours/FTS5 |',
    '|---|---|---|---|',
    `| index build (s) | ${f(r.ours.buildS)} | ${f(r.fts5.buildS)} | ${ratio(r.ours.buildS, r.fts5.buildS)} |`,
    `| index size (MB) | ${f(r.ours.sizeMB)} | ${f(r.fts5.sizeMB)} | ${ratio(r.ours.sizeMB, r.fts5.sizeMB)} |`,
    `| cold load (ms; FTS5: first query) | ${int(r.ours.coldLoadMs)} | ${int(r.fts5.firstQueryMs)} | ${ratio(r.ours.coldLoadMs, r.fts5.firstQueryMs)} |`,
    `| search p50 (ms) | ${f(r.ours.latency.p50, 2)} | ${f(r.fts5.latency.p50, 2)} | ${ratio(r.ours.latency.p50, r.fts5.latency.p50)} |`,
    `| search p95 (ms) | ${f(r.ours.latency.p95, 2)} | ${f(r.fts5.latency.p95, 2)} | **${ratio(r.ours.latency.p95, r.fts5.latency.p95)}** |`,
    `| search p99 (ms) | ${f(r.ours.latency.p99, 2)} | ${f(r.fts5.latency.p99, 2)} | ${ratio(r.ours.latency.p99, r.fts5.latency.p99)} |`,
    `| result page p50 (ms): ours 3 highlighted paragraphs per hit, FTS5 snippet() | ${f(r.ours.page.p50, 2)} | ${f(r.fts5.page.p50, 2)} | ${ratio(r.ours.page.p50, r.fts5.page.p50)} |`,
    `| result page p95 (ms) | ${f(r.ours.page.p95, 2)} | ${f(r.fts5.page.p95, 2)} | ${ratio(r.ours.page.p95, r.fts5.page.p95)} |`,
    `| result page p99 (ms) | ${f(r.ours.page.p99, 2)} | ${f(r.fts5.page.p99, 2)} | ${ratio(r.ours.page.p99, r.fts5.page.p99)} |`,
    ...(r.ours.cpu ? [`| result page CPU per request (ms, process.cpuUsage, least of 3 passes): mean / p99 / max | ${f(r.ours.cpu.mean, 2)} / ${f(r.ours.cpu.p99, 2)} / ${f(r.ours.cpu.max, 2)} | — | — |`] : []),
    '',
    '| measure | value |',
    '|---|---|',
    `| bulk JSONL ingest incl. indexing | ${int(r.ingest.perSecond)} sessions/s (${f(r.ingest.seconds)} s wall, ${f(r.ingest.cpuSeconds)} s CPU) |`,
    `| server ready after start (spawn → /api/health 200, index loaded) | ${f(r.server.readyMs / 1000, 2)} s, of which loading and checking the index ${int(r.server.indexLoadMs ?? NaN)} ms; first search then ${int(r.server.firstSearchMs)} ms |`,
    `| server RSS idle / after load / peak | ${int(r.server.rssIdleMB)} / ${int(r.server.rssAfterLoadMB)} / ${int(r.server.peakMB)} MB |`,
    `| new session searchable via GET /api/search after the write returned | ${int(r.newSession.importApiMs)} ms (import + publish on the same server), ${int(r.newSession.ingestCliMs)} ms (\`npm run ingest\` in another process) |`,
    '',
    '| HTTP, 50 connections × 10 s | req/s | p50 (ms) | p97.5 (ms) | p99 (ms) | max (ms) | errors | non-2xx | longest event-loop delay (ms, trace) | load average after |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.load.map((l) => `| ${l.name} | ${int(l.requestsPerSec)} | ${int(l.p50)} | ${int(l.p97_5)} | ${int(l.p99)} | ${int(l.max)} | ${l.errors} | ${l.non2xx} | ${l.loopMaxMs === undefined ? '—' : int(l.loopMaxMs)} | ${l.loadAverage === undefined ? '—' : f(l.loadAverage)} |`),
  ];
  return lines.join('\n');
}

/**
 * The markdown section (starts with `## Scale (npm run bench)`).
 *
 * @example
 * const md = scaleSection(rows, info, targets, 'What limits …');
 */
export function scaleSection(rows: SizeFigures[], info: RunInfo, notes: string): string {
  const targets = judgeTargets(rows);
  return [
    '## Scale (npm run bench)',
    '',
    `Reproduce: \`${info.command}\` (≈ ${f(info.totalMinutes, 0)} min here). Measured ${info.date} on ${info.machine}; load average at the start ${info.load}`,
    '(other engineers’ builds and tests share the 2 cores, so absolute times are noisy; ours and FTS5 are measured in the',
    'same run, one after the other). Chart: [bench-scale.svg](bench-scale.svg).',
    '',
    'What is measured, per size (Fars News repeated with distinct slugs, written as JSONL): `ingestPaths` with the search',
    'service as indexer (parse, store in batches of 200 sessions, index the new sessions as one delta segment); a full',
    'rebuild of the base (index build); a fresh service loading it and checking it against the sessions table (cold load);',
    '200 queries of 2–3 title words (warm-up, then 2 timed passes): ranking alone (the loaded base, top 10) against FTS5',
    '`MATCH … ORDER BY rank LIMIT 10` on the same text through our normaliser, and the result page — the service\'s',
    '`search()`: ranking, the paragraph SELECT and 3 highlighted paragraphs per hit — against FTS5 with `snippet()`;',
    'then `server/main.ts` spawned on the filled database, signed-in HTTP under autocannon (search: the 200 queries in turn,',
    'so with the result cache on each repeats ≈ every 200 requests; then the same on fresh servers with the cache off',
    '(`NESHAST_SEARCH_CACHE=0`) and with 2 worker processes (`NESHAST_WORKERS=2`);',
    'session pages of varying sessions, a director\'s "my actions" with the sample directives fanned out to 31 provinces).',
    '',
    ...rows.map(sizeTable).flatMap((t) => [t, '']),
    '### Targets',
    '',
    '| target | met | measured |',
    '|---|---|---|',
    ...targets.map((t) => `| ${t.name} | ${t.met ? 'met' : '**not met**'} | ${t.figure} |`),
    '',
    notes.trim(),
    '',
  ].join('\n');
}

/**
 * Put `section` into the benchmarks document in place of an earlier one (or at the end).
 *
 * @example
 * writeFileSync(doc, replaceSection(readFileSync(doc, 'utf8'), section));
 */
export function replaceSection(document: string, section: string): string {
  const heading = '## Scale (npm run bench)';
  const start = document.indexOf(heading);
  if (start < 0) return `${document.trimEnd()}\n\n${section}`;
  const next = document.indexOf('\n## ', start + heading.length);
  return `${document.slice(0, start)}${section}${next < 0 ? '' : document.slice(next + 1)}`;
}

interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  points: Array<[number, number]>;
}

function panel(x0: number, title: string, unit: string, series: Series[], sizes: number[], log = false): string {
  const w = 400;
  const h = 260;
  const left = x0 + 60;
  const top = 40;
  const plotW = w - 80;
  const plotH = h - 90;
  const maxX = Math.max(...sizes);
  const maxY = Math.max(1, ...series.flatMap((s) => s.points.map((p) => (Number.isFinite(p[1]) ? p[1] : 0)))) * 1.1;
  const sx = (x: number) => left + (x / maxX) * plotW;
  // Log scale: latencies span 0.1 ms in process to seconds under load.
  const lo = 0.1;
  const hi = log ? 10 ** Math.ceil(Math.log10(maxY)) : maxY;
  const frac = (y: number) => (log ? (Math.log10(Math.max(y, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : Math.min(y, maxY) / maxY);
  const sy = (y: number) => top + plotH - frac(y) * plotH;
  const out: string[] = [`<text x="${x0 + w / 2}" y="22" text-anchor="middle" font-weight="bold">${title}</text>`];
  out.push(`<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#333"/>`);
  out.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#333"/>`);
  const ticks = log ? Array.from({ length: Math.round(Math.log10(hi / lo)) + 1 }, (_, i) => lo * 10 ** i) : [0, 1, 2, 3, 4].map((i) => (maxY * i) / 4);
  for (const y of ticks) {
    out.push(`<line x1="${left}" y1="${sy(y)}" x2="${left + plotW}" y2="${sy(y)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 6}" y="${sy(y) + 4}" text-anchor="end" font-size="11">${y >= 100 ? y.toFixed(0) : y.toFixed(1)}</text>`);
  }
  for (const size of sizes) out.push(`<text x="${sx(size)}" y="${top + plotH + 16}" text-anchor="middle" font-size="11">${size.toLocaleString('en-US')}</text>`);
  out.push(`<text x="${left + plotW / 2}" y="${top + plotH + 34}" text-anchor="middle" font-size="12">sessions</text>`);
  out.push(`<text x="${x0 + 14}" y="${top + plotH / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 ${x0 + 14} ${top + plotH / 2})">${unit}</text>`);
  series.forEach((s, i) => {
    const path = s.points.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
    out.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,4"' : ''}/>`);
    for (const [x, y] of s.points) out.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const ly = top + plotH + 50 + Math.floor(i / 2) * 16;
    const lx = left + (i % 2) * 170;
    out.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 18}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,4"' : ''}/>`);
    out.push(`<text x="${lx + 22}" y="${ly}" font-size="11">${s.label}</text>`);
  });
  return out.join('\n');
}

/**
 * The chart: search latency (ours p50/p95/p99, FTS5 p95, HTTP p99 under load) and server memory against size.
 *
 * @example
 * writeFileSync('docs/bench-scale.svg', scaleChart(rows, '2026-11-26'));
 */
export function scaleChart(rows: SizeFigures[], date: string): string {
  const sorted = [...rows].sort((a, b) => a.sessions - b.sessions);
  const sizes = sorted.map((r) => r.sessions);
  const pts = (pick: (r: SizeFigures) => number): Array<[number, number]> => sorted.map((r) => [r.sessions, pick(r)]);
  const httpP99 = (r: SizeFigures) => r.load.find((l) => l.name === 'search')?.p99 ?? 0;
  const first = sorted[0];
  const latency = panel(0, 'Search latency (ms, log scale)', 'ms', [
    { label: 'ours p95, ranking', color: '#2b8a3e', points: pts((r) => r.ours.latency.p95) },
    { label: 'FTS5 p95, ranking', color: '#2b8a3e', dashed: true, points: pts((r) => r.fts5.latency.p95) },
    { label: 'ours p95, result page', color: '#1864ab', points: pts((r) => r.ours.page.p95) },
    { label: 'FTS5 p95, with snippets', color: '#1864ab', dashed: true, points: pts((r) => r.fts5.page.p95) },
    { label: 'HTTP search p99, 50 conns', color: '#e67700', points: pts(httpP99) },
  ], sizes, true);
  const memory = panel(420, 'Server memory (MB)', 'MB', [
    { label: 'RSS idle after start', color: '#1864ab', points: pts((r) => r.server.rssIdleMB) },
    { label: 'RSS peak', color: '#c92a2a', points: pts((r) => r.server.peakMB) },
    { label: 'proportional to corpus', color: '#868e96', dashed: true, points: pts((r) => (first ? (first.server.rssIdleMB * r.sessions) / first.sessions : 0)) },
  ], sizes);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="820" height="330" viewBox="0 0 820 330" font-family="sans-serif">',
    '<rect width="820" height="330" fill="white"/>',
    latency,
    memory,
    `<text x="810" y="324" text-anchor="end" font-size="10" fill="#555">npm run bench, ${date}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
