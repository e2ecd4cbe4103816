/**
 * @module A bulk JSONL file of any number of realistic Persian sessions, made from the seed article
 * in tests/fixtures (so tests need no corpora beside the repository): each session takes a different
 * run of the article's sentences, with its own title.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../server/persian/sentences';
import { repairText } from '../../server/repair/repair';

const SEED = join(import.meta.dirname, '../fixtures/imports/tvto-webinar-article.txt');
const SENTENCES_PER_SESSION = 12;
const SENTENCES_PER_PARAGRAPH = 3;

function persianNumber(n: number): string {
  return String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d);
}

/**
 * Write `size` sessions (slugs `bulk-0` …) to `file` in the bulk format `npm run ingest` reads.
 *
 * @example
 * writeBulkSessions(1_200, '/tmp/world/bulk.jsonl');
 */
export function writeBulkSessions(size: number, file: string): void {
  const sentences = splitSentences(repairText(readFileSync(SEED, 'utf8')).text)
    .map((s) => s.text)
    .filter((t) => t.length > 40);
  const lines: string[] = [];
  for (let i = 0; i < size; i++) {
    const run = Array.from({ length: SENTENCES_PER_SESSION }, (_, k) => sentences[(i * 7 + k) % sentences.length]!);
    const paragraphs: string[] = [];
    for (let k = 0; k < run.length; k += SENTENCES_PER_PARAGRAPH) paragraphs.push(run.slice(k, k + SENTENCES_PER_PARAGRAPH).join(' '));
    const title = `${run[0]!.split(' ').slice(0, 8).join(' ')} — گزارش ${persianNumber(i + 1)}`;
    lines.push(JSON.stringify({ slug: `bulk-${i}`, title, kind: 'news', heldOn: '1399-11-01', paragraphs }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
