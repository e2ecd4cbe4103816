/**
 * @module `node --expose-gc --import tsx scripts/bench/paragraph-capacity.ts [--dir /tmp/neshast-probe-7500] [--without-material]`:
 * how many sessions the paragraph cache holds at its default budget when filled from stored search
 * material (material.ts) or from paragraph rows, newest first until it starts to drop; the CPU that
 * took (the material's decoding and its mapping into the shared vocabulary included) and the memory
 * the held sessions take (after a GC; rows then analysed as a search would, so both hold words).
 * Run `npm run bench:search-load -- --dir …` first: it migrates the probe and stores its material.
 */
import { resolve } from 'node:path';
import { openDatabase } from '../../server/db/client';
import { matchSession } from '../../server/search/highlight';
import { ANALYSIS_FINGERPRINT, decodeMaterial } from '../../server/search/material';
import { createParagraphCache, READ_SESSIONS, type ParagraphSource } from '../../server/search/paragraph-cache';
import { createSearchRepo } from '../../server/search/search.repo';
import { argValue } from '../cli';

const argv = process.argv.slice(2);
const dir = resolve(argValue(argv, '--dir') ?? '/tmp/neshast-probe-7500');
const withMaterial = !argv.includes('--without-material');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.error('memory figures need node --expose-gc');

const database = await openDatabase(`file:${dir}/neshast.db`);
const repo = createSearchRepo(database.db);
const rs = await database.client.execute("SELECT id, content_hash FROM sessions WHERE status = 'published' ORDER BY id DESC");
const sessions = rs.rows.map((r) => ({ id: Number(r[0]), contentHash: String(r[1]) }));
let decodeMs = 0;
const source: ParagraphSource = { paragraphsOf: (ids) => repo.paragraphsOf(ids) };
if (withMaterial) {
  source.materialOf = async (chunk) => {
    const out = new Map<number, ReturnType<typeof decodeMaterial> & object>();
    const blobs = await repo.materialOf(chunk, ANALYSIS_FINGERPRINT);
    const started = performance.now();
    for (const [id, blob] of blobs) {
      const paragraphs = decodeMaterial(blob);
      if (paragraphs) out.set(id, paragraphs);
    }
    decodeMs += performance.now() - started;
    return out;
  };
}

gc?.();
const before = process.memoryUsage();
const cache = createParagraphCache(source);
const cpu = process.cpuUsage();
for (let i = 0; i < sessions.length; i += READ_SESSIONS) {
  await cache.get(sessions.slice(i, i + READ_SESSIONS));
  if (cache.stats().sessions < Math.min(i + READ_SESSIONS, sessions.length)) break;
}
const used = process.cpuUsage(cpu);
const { sessions: held, chars } = cache.stats();
if (!withMaterial) {
  // What searches would analyse in time (every paragraph that a common word may match: nearly all).
  for (const paragraphs of (await cache.get(sessions.slice(0, held))).values()) matchSession(paragraphs, [{ term: 'و', weight: 1 }], 1, []);
}
gc?.();
const after = process.memoryUsage();
const mb = (n: number) => Math.round(n / 1e5) / 10;
const fillMs = (used.user + used.system) / 1000;
console.log(
  JSON.stringify({
    material: withMaterial,
    sessionsHeld: held,
    chars: Math.round(chars),
    fillCpuMs: Math.round(fillMs),
    cpuMsPerSession: Math.round((fillMs / held) * 1000) / 1000,
    decodeMsPerSession: withMaterial ? Math.round((decodeMs / held) * 1000) / 1000 : null,
    heapMB: mb(after.heapUsed - before.heapUsed),
    arrayBuffersMB: mb(after.arrayBuffers - before.arrayBuffers),
    rssMB: mb(after.rss),
  }),
);
database.close();
