/**
 * @module Readers for the evaluation corpora (Hamshahri, ParsiNLU RC, Fars News), read in place
 * from the folder `corpora-dir.ts` finds; used by the eval and bench scripts only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corporaDir } from './corpora-dir';

export interface CorpusDoc {
  id: string;
  title: string;
  body: string;
}

export interface Topic {
  id: string;
  query: string;
  relevant: Set<string>;
}

/** Hamshahri: `<year>/<id>.ham`, first line the title, then paragraphs; 50 topics with judgments. */
export function readHamshahri(): { docs: CorpusDoc[]; topics: Topic[] } {
  const base = join(corporaDir(), 'hamshahri/HamshahriData');
  const docs: CorpusDoc[] = [];
  const corpus = join(base, 'HamshahriCorpus');
  for (const year of readdirSync(corpus).sort()) {
    for (const file of readdirSync(join(corpus, year)).sort()) {
      if (!file.endsWith('.ham')) continue;
      const text = readFileSync(join(corpus, year, file), 'utf8');
      const newline = text.indexOf('\n');
      const title = (newline < 0 ? text : text.slice(0, newline)).trim();
      docs.push({ id: file.replace(/\.ham$/, ''), title, body: newline < 0 ? '' : text.slice(newline + 1) });
    }
  }
  const relevant = new Map<string, Set<string>>();
  for (const line of readFileSync(join(base, 'RelativeAssesemnt/judgements.txt'), 'utf8').split('\n')) {
    const [topic, doc] = line.trim().split(/\s+/);
    if (!topic || !doc) continue;
    const set = relevant.get(topic) ?? new Set<string>();
    set.add(doc);
    relevant.set(topic, set);
  }
  const topics: Topic[] = [];
  for (const file of readdirSync(join(base, 'Queris'))) {
    const id = file.replace(/\.q$/, '');
    topics.push({ id, query: readFileSync(join(base, 'Queris', file), 'utf8').trim(), relevant: relevant.get(id) ?? new Set() });
  }
  topics.sort((a, b) => Number(a.id) - Number(b.id));
  return { docs, topics };
}

/** ParsiNLU RC split: every distinct passage is a document; each question's target is its passage. */
export function readParsinlu(split: 'dev' | 'eval' | 'train'): { docs: CorpusDoc[]; topics: Topic[] } {
  const lines = readFileSync(join(corporaDir(), `parsinlu-rc/parsinlu_rc_${split}.jsonl`), 'utf8').split('\n').filter(Boolean);
  const passageId = new Map<string, string>();
  const docs: CorpusDoc[] = [];
  const topics: Topic[] = [];
  lines.forEach((line, i) => {
    // The files write a missing url as NaN, which JSON does not allow.
    const row: unknown = JSON.parse(line.replace(/: NaN([,}])/g, ': null$1'));
    if (typeof row !== 'object' || row === null || !('question' in row) || !('passage' in row)) return;
    const question = String(row.question);
    const passage = String(row.passage);
    let id = passageId.get(passage);
    if (!id) {
      id = `p${passageId.size}`;
      passageId.set(passage, id);
      docs.push({ id, title: '', body: passage });
    }
    topics.push({ id: `q${i}`, query: question, relevant: new Set([id]) });
  });
  return { docs, topics };
}

export interface FarsArticle {
  title: string;
  body: string;
  /** ISO date parsed from the link's Jalali date, if any. */
  jalali: string | null;
}

/** Fars News articles (5 files × 300). */
export function readFarsNews(): FarsArticle[] {
  const dir = join(corporaDir(), 'farsnews');
  const out: FarsArticle[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const rows: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      if (typeof row !== 'object' || row === null) continue;
      const r: Record<string, unknown> = { ...row };
      const paragraphs = Array.isArray(r['paragraphs']) ? r['paragraphs'].map(String) : [];
      const link = String(r['link'] ?? '');
      const m = /news\/(\d{4})(\d{2})(\d{2})/.exec(link);
      out.push({
        title: String(r['title'] ?? ''),
        body: [String(r['abstract'] ?? ''), ...paragraphs].filter(Boolean).join('\n\n'),
        jalali: m ? `13${m[1]?.slice(0, 2)}-${m[1]?.slice(2, 4)}-${m[2]}` : null,
      });
    }
  }
  return out;
}

/** A topic as typed on a Persian keyboard: Arabic yeh/kaf become Persian. */
export function asTypedOnPersianKeyboard(query: string): string {
  return query.replace(/\u064A/g, '\u06CC').replace(/\u0643/g, '\u06A9');
}
