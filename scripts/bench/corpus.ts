/**
 * @module The scale benchmark's corpus: Fars News articles repeated to any size with distinct
 * slugs, written as the bulk JSONL format `npm run ingest` reads.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { readFarsNews, type CorpusDoc } from '../eval/corpora';

export interface BenchCorpus {
  /** Documents as the search peers index them (id = slug). */
  docs: CorpusDoc[];
  /** How many times the Fars News set was repeated. */
  repeats: number;
}

/** The Jalali date of an article's link, if it is a real date (the ingest schema refuses others). */
function heldOnOf(jalali: string | null): string | null {
  if (!jalali) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(jalali);
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 29 ? jalali : null;
}

/**
 * Write `size` sessions to `file` as JSONL and return them for the peers.
 *
 * @example
 * const corpus = await writeCorpusJsonl(7_500, '/tmp/bench/sessions.jsonl');
 */
export async function writeCorpusJsonl(size: number, file: string): Promise<BenchCorpus> {
  const articles = readFarsNews();
  const out = createWriteStream(file, 'utf8');
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < size; i++) {
    const a = articles[i % articles.length];
    if (!a) break;
    const round = Math.floor(i / articles.length);
    const slug = `fars-${round}-${i % articles.length}`;
    const paragraphs = a.body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
    const line = JSON.stringify({ slug, title: a.title, kind: 'news', heldOn: heldOnOf(a.jalali), paragraphs: paragraphs.length > 0 ? paragraphs : [a.title] });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    docs.push({ id: slug, title: a.title, body: a.body });
  }
  out.end();
  await once(out, 'finish');
  return { docs, repeats: Math.ceil(size / articles.length) };
}
