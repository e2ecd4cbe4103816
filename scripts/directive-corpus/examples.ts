/**
 * @module Turns labelled documents into the model's examples: every sentence of a document, read by
 * the rules (analyseSentences, on the stored text), hashed into features with its neighbours, and
 * labelled 1 when it holds a required directive. Soft directives are left out of training (neither
 * a directive to find nor a false alarm).
 */
import { readFileSync } from 'node:fs';
import { analyseSentences, type PersonRef, type UnitRef } from '../../server/detection/extract';
import { hashFeatures, sentenceFeatures, windowAt, type SparseVector } from '../../server/detection/model/features';
import type { Example } from '../../server/detection/model/logistic';
import type { CorpusDocument } from './corpus';

export interface DocumentExamples {
  doc: string;
  /** One per sentence; null label for a soft directive (not trained on). */
  rows: { x: SparseVector; y: 0 | 1 | null }[];
}

export function documentExamples(doc: CorpusDocument, units: readonly UnitRef[], people: readonly PersonRef[]): DocumentExamples {
  const { verdicts, evidence } = analyseSentences({ text: doc.text, sessionDate: doc.date, units, people });
  if (verdicts.length !== doc.sentences.length) throw new Error(`${doc.doc}: ${verdicts.length} sentences read, ${doc.sentences.length} labelled`);
  const label = new Map<number, 0 | 1 | null>();
  for (const g of doc.gold) label.set(g.s - 1, g.required ? 1 : label.get(g.s - 1) === 1 ? 1 : null);
  const rows = evidence.map((_, i) => ({
    x: hashFeatures(sentenceFeatures(windowAt(evidence, i))),
    y: label.has(i) ? label.get(i)! : (0 as const),
  }));
  return { doc: doc.doc, rows };
}

/**
 * The constructed development sentences (modern official announcements, the genre of the
 * organisation's own webinars, which the news corpora rarely show) as one-sentence documents.
 */
export function constructedExamples(files: readonly string[], units: readonly UnitRef[]): Example[] {
  const out: Example[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as { text: string; date: string; directive: boolean };
      const { evidence } = analyseSentences({ text: row.text, sessionDate: row.date, units });
      // A lone sentence is no document's title: read it as a body sentence (index 1).
      evidence.forEach((_, i) => {
        const window = windowAt(evidence, i);
        out.push({ x: hashFeatures(sentenceFeatures({ ...window, sentence: { ...window.sentence, index: 1 } })), y: row.directive ? 1 : 0 });
      });
    }
  }
  return out;
}

export function trainingExamples(docs: readonly DocumentExamples[]): Example[] {
  return docs.flatMap((d) => d.rows.filter((r): r is { x: SparseVector; y: 0 | 1 } => r.y !== null));
}
