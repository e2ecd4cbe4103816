/**
 * @module A known-item set on Fars News: a few words of an article's title, typed in the ways people
 * type them (Persian keyboard, Arabic ي/ك, ZWNJ joined or spaced, a dropped letter, numbers in the
 * other digits and glued to or parted from their word); the article is the one right answer.
 */
import { asTypedOnPersianKeyboard, type CorpusDoc, type FarsArticle, type Topic } from './corpora';
import { makeVariant, seeded } from './variants';

export type KnownItemKind = 'as typed' | 'Arabic ي/ك' | 'ZWNJ joined' | 'ZWNJ as space' | 'drop a letter' | 'digits';

export const KNOWN_ITEM_KINDS: KnownItemKind[] = ['as typed', 'Arabic ي/ك', 'ZWNJ joined', 'ZWNJ as space', 'drop a letter', 'digits'];

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const NUMBER = /[0-9۰-۹]+/u;

/** Numbers in the other script, and each glued to the word before it (or parted, if it was glued). */
export function digitVariant(query: string): string {
  const flipped = query.replace(/[0-9۰-۹]/gu, (d) => {
    const ascii = d.charCodeAt(0) - 0x30;
    return ascii >= 0 && ascii <= 9 ? (PERSIAN_DIGITS[ascii] ?? d) : String(PERSIAN_DIGITS.indexOf(d));
  });
  // 'احداث 8 کارخانه' → 'احداث۸ کارخانه'; '160نفر' → '۱۶۰ نفر'.
  if (/[\p{L}][0-9۰-۹]|[0-9۰-۹][\p{L}]/u.test(flipped)) return flipped.replace(/([\p{L}])([0-9۰-۹])/gu, '$1 $2').replace(/([0-9۰-۹])([\p{L}])/gu, '$1 $2');
  return flipped.replace(/([\p{L}]) +([0-9۰-۹])/gu, '$1$2');
}

/** Three or four words of a title, around its first number when `withNumber`. */
function window(title: string, rnd: () => number, withNumber: boolean): string | null {
  const words = title.split(/[\s/]+/u).filter((w) => w.length > 0);
  if (words.length < 3) return null;
  const n = 3 + Math.floor(rnd() * 2);
  let start = Math.floor(rnd() * Math.max(1, words.length - n + 1));
  if (withNumber) {
    const at = words.findIndex((w) => NUMBER.test(w));
    if (at < 0) return null;
    start = Math.max(0, Math.min(at - 1, words.length - n));
  }
  return words.slice(start, start + n).join(' ');
}

/**
 * The documents (one per article) and, per kind, up to `perKind` topics.
 *
 * @example
 * const { docs, topics } = knownItemSet(readFarsNews(), 200);
 */
export function knownItemSet(articles: FarsArticle[], perKind = 200): { docs: CorpusDoc[]; topics: Map<KnownItemKind, Topic[]> } {
  const docs = articles.map((a, i) => ({ id: `fars-${i}`, title: a.title, body: a.body }));
  /** The same articles and words for every kind but digits (titles with a number): kinds differ only in spelling. */
  const pick = (withNumber: boolean, seed: number): Array<{ doc: CorpusDoc; index: number; words: string }> => {
    const rnd = seeded(seed);
    const order = docs.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const a = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = a;
    }
    const out: Array<{ doc: CorpusDoc; index: number; words: string }> = [];
    for (const index of order) {
      if (out.length >= perKind) break;
      const doc = docs[index];
      const words = doc ? window(doc.title, rnd, withNumber) : null;
      if (doc && words) out.push({ doc, index, words: asTypedOnPersianKeyboard(words) });
    }
    return out;
  };
  const plain = pick(false, 1_000);
  const numbered = pick(true, 2_000);
  const topics = new Map<KnownItemKind, Topic[]>();
  for (const [k, kind] of KNOWN_ITEM_KINDS.entries()) {
    const list = (kind === 'digits' ? numbered : plain).map(({ doc, index, words }): Topic => {
      let query: string;
      if (kind === 'as typed') query = words;
      else if (kind === 'digits') query = digitVariant(words);
      else query = makeVariant(words, kind, index * 31 + k);
      return { id: `${kind}-${index}`, query, relevant: new Set([doc.id]) };
    });
    topics.set(kind, list);
  }
  return { docs, topics };
}
