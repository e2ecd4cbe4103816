/**
 * @module The labelled directive corpus: the manifest of documents (ids into the shared corpora,
 * split by document), the adjudicated labels (sentence, quote with offsets, giver, assignee,
 * deadline), and each document's stored text read from the corpora.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { splitSentences, type SentenceSpan } from '../../server/persian/sentences';
import type { GoldDirective } from './labels';
import { readSourceIndex, requireCorpora } from './sources';

export type { GoldDirective } from './labels';

export const CORPUS_DIR = 'tests/fixtures/directive-corpus';
export type Split = 'train' | 'dev' | 'test';

export interface ManifestRow {
  doc: string;
  draw: number;
  id: string;
  date: string;
  split: Split;
  sha1: string;
  chars: number;
}


export interface CorpusDocument extends ManifestRow {
  text: string;
  sentences: SentenceSpan[];
  gold: GoldDirective[];
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function readManifest(): ManifestRow[] {
  return readJsonl<ManifestRow>(`${CORPUS_DIR}/documents.jsonl`);
}

/** The adjudicated labels by document (documents not yet labelled are absent). */
export function readGold(file = `${CORPUS_DIR}/labels.jsonl`): Map<string, GoldDirective[]> {
  const out = new Map<string, GoldDirective[]>();
  if (!existsSync(file)) return out;
  for (const row of readJsonl<{ doc: string; directives: GoldDirective[] }>(file)) out.set(row.doc, row.directives);
  return out;
}

/** The labelled documents of the given splits, with their texts (checked against the manifest's sha1). */
export function loadCorpus(splits: readonly Split[], labels = `${CORPUS_DIR}/labels.jsonl`): CorpusDocument[] {
  const root = requireCorpora('the directive corpus');
  const index = readSourceIndex(root);
  const gold = readGold(labels);
  const out: CorpusDocument[] = [];
  for (const row of readManifest()) {
    if (!splits.includes(row.split) || !gold.has(row.doc)) continue;
    const source = index.get(row.id);
    if (!source) throw new Error(`${row.doc}: ${row.id} is missing from the corpora`);
    const sha1 = createHash('sha1').update(source.text).digest('hex');
    if (sha1 !== row.sha1) throw new Error(`${row.doc}: ${row.id} changed since it was labelled (sha1 ${sha1})`);
    out.push({ ...row, text: source.text, sentences: splitSentences(source.text), gold: gold.get(row.doc) ?? [] });
  }
  return out;
}

/** sha256 over the documents' texts and labels in order: what a model artefact was trained on. */
export function corpusHash(docs: readonly CorpusDocument[]): string {
  const h = createHash('sha256');
  for (const d of docs) h.update(d.doc).update(d.text).update(JSON.stringify(d.gold));
  return h.digest('hex');
}
