/**
 * @module Speaker attribution: who is talking in each sentence, from the people list passed
 * in and names introduced in the text («حسین فیروزی، معاون …»), by the nearest attribution
 * before the sentence, with misspellings tolerated (فیروری → فیروزی) and «وی»/«او» carried over.
 */
import { normalizePersian } from '../persian/normalize';
import { REPORTING_VERBS } from './cues';

export interface PersonRef {
  key: string;
  name: string;
  variants?: string[];
}

/** A person the attribution can point at. */
interface Candidate {
  key: string | null;
  name: string;
  /** Normalised spellings: the full name, the surname and any variants. */
  forms: string[];
}

const TITLES =
  'معاون|مدیرکل|مدیر کل|مدیر|رئیس|رییس|وزیر|استاندار|سخنگوی|دبیر|نماینده|فرماندار|دادستان|شهردار|قائم مقام|سرپرست|فرمانده|عضو|مشاور|رئیس جمهور|نایب رئیس';
/** «Firstname Lastname، <title>» introduces a person. */
const INTRODUCED = new RegExp(`(?<![\\p{L}])([\\p{L}]{2,}\\s+[\\p{L}]{3,})\\s*،\\s*(?:${TITLES})(?![\\p{L}])`, 'gu');
/** A verb of saying: a misspelt name is looked for only in a sentence that attributes speech. */
const REPORTING = new RegExp(`(?<![\\p{L}])(?:${REPORTING_VERBS})(?![\\p{L}])`, 'u');
/** Words that look like a name in that position but are not. */
const NOT_NAMES = new Set(['در این', 'به گزارش', 'در پایان', 'در ادامه', 'همچنین وی', 'این مقام']);

/** A name as names are compared: normalised, one space between words. */
export function foldName(text: string): string {
  return normalizePersian(text).replace(/\s+/g, ' ').trim();
}

const fold = foldName;

/**
 * Whether a and b are one edit apart (Levenshtein distance 1), without the table: one substitution for equal lengths, one
 * insertion for lengths one apart (a reporting sentence is held against every name of a long text).
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a.length === b.length) {
    let differ = 0;
    for (let i = 0; i < a.length && differ < 2; i++) if (a[i] !== b[i]) differ++;
    return differ === 1;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/** A person's spellings: full name, surname, variants, all folded (at least 3 letters). */
export function nameForms(name: string, variants: readonly string[] = []): string[] {
  const full = fold(name);
  const surname = full.split(' ').slice(-1)[0] ?? full;
  return [...new Set([full, surname, ...variants.map(fold)])].filter((f) => f.length >= 3);
}

function candidateOf(key: string | null, name: string, variants: readonly string[] = []): Candidate {
  return { key, name, forms: nameForms(name, variants) };
}

/** «فیروزی:» or «حسین فیروزی :» opening a sentence: a speaker's label (up to four words), not their words. */
const SPEAKER_LABEL = /^\s*[\p{L}\u200C]+(?:\s[\p{L}\u200C]+){0,3}\s*[:：]\s+/u;

/**
 * Where the words after a speaker's label begin in a (normalised) sentence, or 0 when it has no label.
 *
 * @example
 * speakerLabelEnd('فیروزی: استان‌ها موظفند …') // 8
 */
export function speakerLabelEnd(normalized: string): number {
  return SPEAKER_LABEL.exec(normalized)?.[0].length ?? 0;
}

export interface SpeakerAttribution {
  key: string | null;
  name: string;
}

export interface SpeakerTracker {
  /** Read the next sentence (normalised) and return who speaks in it, if known. */
  next(normalized: string): SpeakerAttribution | null;
}

/** Whether `form` (its words) stands in `words` from index `at`. */
function wordsAt(words: readonly string[], at: number, form: readonly string[]): boolean {
  for (let k = 0; k < form.length; k++) if (words[at + k] !== form[k]) return false;
  return true;
}

interface IndexedForm {
  /** The candidate's place in the list: the first one wins where two match at one word. */
  rank: number;
  form: string;
  words: string[];
}

/** Each candidate's forms by their first word, and the one-word forms by length (for misspellings). */
function indexForms(candidates: readonly Candidate[]): { byFirstWord: Map<string, IndexedForm[]>; singleByLength: Map<number, IndexedForm[]> } {
  const byFirstWord = new Map<string, IndexedForm[]>();
  const singleByLength = new Map<number, IndexedForm[]>();
  candidates.forEach((c, rank) => {
    for (const form of c.forms) {
      const f = { rank, form, words: form.split(' ') };
      const first = f.words[0] ?? '';
      const sameFirst = byFirstWord.get(first) ?? [];
      if (sameFirst.length === 0) byFirstWord.set(first, sameFirst);
      sameFirst.push(f);
      if (form.includes(' ')) continue;
      const sameLength = singleByLength.get(form.length) ?? [];
      if (sameLength.length === 0) singleByLength.set(form.length, sameLength);
      sameLength.push(f);
    }
  });
  return { byFirstWord, singleByLength };
}

/**
 * Follow the speaker through a document's sentences, in order.
 *
 * @example
 * const t = createSpeakerTracker([{ key: 'firouzi', name: 'حسین فیروزی' }], fullText);
 * t.next('فیروری با اشاره به … گفت') // { key: 'firouzi', name: 'حسین فیروزی' }
 */
export function createSpeakerTracker(people: readonly PersonRef[], normalizedDocument: string): SpeakerTracker {
  const candidates = people.map((p) => candidateOf(p.key, p.name, p.variants));
  const knownForms = new Set(candidates.flatMap((c) => c.forms));
  // Names introduced in the text; of two spellings with one surname («حضورحسین فیروزی» from a
  // missing space, «حسین فیروزی») keep the more frequent, then the shorter.
  const introduced = new Map<string, number>();
  for (const m of normalizedDocument.matchAll(INTRODUCED)) {
    const name = (m[1] ?? '').trim();
    if (!NOT_NAMES.has(name)) introduced.set(name, (introduced.get(name) ?? 0) + 1);
  }
  const ranked = [...introduced.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
  for (const [name] of ranked) {
    const c = candidateOf(null, name);
    if (c.forms.some((f) => knownForms.has(f))) continue;
    candidates.push(c);
    for (const f of c.forms) knownForms.add(f);
  }
  const index = indexForms(candidates);
  let current: SpeakerAttribution | null = null;

  // A long document introduces hundreds of names: each sentence looks its words up in an index of
  // the forms (by first word, and single words by length) instead of searching every form.
  function mentioned(sentence: string): Candidate | null {
    const words = sentence.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
    // The first word where a form starts; there, the first candidate in the list (as a scan in list order finds).
    for (let i = 0; i < words.length; i++) {
      let rank = Infinity;
      for (const f of index.byFirstWord.get(words[i]!) ?? []) {
        if (f.rank < rank && wordsAt(words, i, f.words)) rank = f.rank;
      }
      if (rank !== Infinity) return candidates[rank] ?? null;
    }
    // A misspelt surname: only near the start of a sentence that attributes speech.
    if (!REPORTING.test(sentence)) return null;
    for (const word of words.slice(0, 4)) {
      if (word.length < 4) continue;
      let rank = Infinity;
      for (let length = word.length - 1; length <= word.length + 1; length++) {
        for (const f of index.singleByLength.get(length) ?? []) {
          if (f.rank < rank && oneEditApart(f.form, word)) rank = f.rank;
        }
      }
      if (rank !== Infinity) return candidates[rank] ?? null;
    }
    return null;
  }

  return {
    next(sentence) {
      const found = mentioned(sentence);
      if (found) current = { key: found.key, name: found.name };
      return current;
    },
  };
}
