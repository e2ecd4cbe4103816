import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../server/persian/sentences';
import type { CorpusDocument } from './corpus';
import { countDocuments, documentRates, judgeDocument, type JudgedDocument, type JudgedSentence } from './document-oof';

const sentence = (start: number, extra: Partial<JudgedSentence> = {}): JudgedSentence => ({
  start,
  ruleSuggested: false,
  ruleScore: 0,
  keyword: false,
  correct: false,
  required: [],
  features: { hash: new Int32Array(), value: new Float32Array(), group: new Uint8Array() },
  ...extra,
});

// Document a: two required directives (sentences 0 and 2); document b: none.
const docs: JudgedDocument[] = [
  { doc: 'a', required: 2, negative: false, sentences: [sentence(0, { correct: true, required: [0], ruleSuggested: true }), sentence(10), sentence(20, { correct: true, required: [1] })] },
  { doc: 'b', required: 0, negative: true, sentences: [sentence(0, { ruleSuggested: true }), sentence(10)] },
];
const probabilities = [
  [0.9, 0.5, 0.1],
  [0.6, 0.0],
];

describe('document-level counts out of fold (what eval:extract counts)', () => {
  it('counts found, correct and suggested, and documents without directives that got a suggestion', () => {
    const c = countDocuments(docs, probabilities, (p) => p >= 0.55);
    expect(c).toMatchObject({ documents: 2, required: 2, found: 1, suggestions: 2, correct: 1, negatives: 1, negativesWithSuggestion: 1 });
    expect(documentRates(c)).toMatchObject({ recall: 0.5, precision: 0.5, negativesWithSuggestion: 1 });
  });
  it('reaches a directive among the candidates only within the number of candidates, ranked by probability', () => {
    expect(countDocuments(docs, probabilities, (p) => p >= 0.55, 1).foundAt10).toBe(1);
    expect(countDocuments(docs, probabilities, (p) => p >= 0.55, 2).foundAt10).toBe(2);
  });
  it('decides with the rules when asked to (the old rules in the same run)', () => {
    const c = countDocuments(docs, probabilities, (_, s) => s.ruleSuggested);
    expect([c.found, c.suggestions, c.correct, c.negativesWithSuggestion]).toEqual([1, 2, 1, 1]);
  });
  it('matches a repaired document’s sentences to the labels they quote', () => {
    const text = 'نشست شورای استان برگزار شد.\nاستان‌ها موظفند ظرف دو هفته گزارش را به ستاد ارسال کنند.\nاین نشست دو ساعت طول کشید.';
    const sentences = splitSentences(text);
    const quote = sentences[1]!.text;
    const doc: CorpusDocument = {
      doc: 't', draw: 1, id: 'x', date: '1399-11-01', split: 'train', sha1: '', chars: text.length, text, sentences,
      gold: [{ s: 2, required: true, kind: 'action', giver: null, assignee: 'استان‌ها', deadline: 'ظرف دو هفته', due: null, quote, start: 0, end: 0 }],
    };
    const judged = judgeDocument(doc, [], []);
    expect(judged.required).toBe(1);
    expect(judged.negative).toBe(false);
    expect(judged.sentences.map((s) => s.required)).toEqual([[], [0], []]);
    expect(judged.sentences.map((s) => s.correct)).toEqual([false, true, false]);
    expect(judged.sentences.map((s) => s.keyword)).toEqual([false, true, false]);
  });
});
