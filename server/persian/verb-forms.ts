/**
 * @module A light analyser of Persian finite verb forms: which tense and mood a verb group has
 * (past, perfect, present indicative, future, subjunctive, imperative), its person and number, and
 * whether it is the «شدن / گردیدن» passive. Enough to tell a task («ارسال کنند»، «تهیه شود») from a
 * report («ارسال کردند»، «تهیه شد»، «ارسال می‌شود»، «ارسال خواهد شد»). Runs on text from
 * normalizePersian with ZWNJ as space («می شود» is two words). Lexicon-based: a verb whose stem is not
 * listed is found only with «می / ب / خواهد», so nouns that end like verbs stay nouns.
 */

export type VerbTense = 'past' | 'perfect' | 'present' | 'future' | 'subjunctive' | 'imperative';

export interface VerbForm {
  tense: VerbTense;
  person: 1 | 2 | 3;
  plural: boolean;
  /** The light verb is شدن or گردیدن: «تهیه شود»، «ارسال گردید». */
  passive: boolean;
  negative: boolean;
  /** A past 3rd singular that is also a subjunctive («فراهم آورد»، «به پایان برد»): the context decides. */
  alsoSubjunctive: boolean;
  /** [start, end) of the whole verb group (with «می»، «خواهد»، the auxiliary) in the analysed text. */
  start: number;
  end: number;
  text: string;
}

/** Past stem → present stem of the verbs news and directives use (light verbs first). */
const STEMS: ReadonlyArray<readonly [string, string]> = [
  ['کرد', 'کن'], ['نمود', 'نما'], ['داد', 'ده'], ['شد', 'شو'], ['گردید', 'گرد'], ['گرفت', 'گیر'],
  ['یافت', 'یاب'], ['رساند', 'رسان'], ['رسانید', 'رسان'], ['رسید', 'رس'], ['ساخت', 'ساز'], ['زد', 'زن'],
  ['آورد', 'آور'], ['برد', 'بر'], ['بست', 'بند'], ['داشت', 'دار'], ['گذاشت', 'گذار'], ['گذارد', 'گذار'],
  ['رفت', 'رو'], ['آمد', 'آ'], ['دید', 'بین'], ['گفت', 'گو'], ['خواست', 'خواه'], ['فرستاد', 'فرست'],
  ['نوشت', 'نویس'], ['کاست', 'کاه'], ['افزود', 'افزا'], ['پرداخت', 'پرداز'], ['ماند', 'مان'], ['بود', 'باش'],
  ['گشت', 'گرد'], ['دانست', 'دان'], ['خرید', 'خر'], ['فروخت', 'فروش'], ['شناخت', 'شناس'], ['انداخت', 'انداز'],
  ['نهاد', 'نه'], ['کشید', 'کش'], ['گشود', 'گشا'], ['شنید', 'شنو'], ['پذیرفت', 'پذیر'], ['بخشید', 'بخش'],
  ['کوشید', 'کوش'], ['سپرد', 'سپار'], ['آموخت', 'آموز'], ['پوشید', 'پوش'], ['نشست', 'نشین'], ['توانست', 'توان'],
  ['خواند', 'خوان'], ['افتاد', 'افت'], ['ایستاد', 'ایست'], ['گرداند', 'گردان'], ['پیوست', 'پیوند'], ['جست', 'جو'],
  ['ورزید', 'ورز'], ['چید', 'چین'], ['ریخت', 'ریز'], ['بخشود', 'بخشا'], ['فرمود', 'فرما'], ['سنجید', 'سنج'],
  ['پرسید', 'پرس'], ['ترسید', 'ترس'], ['کاشت', 'کار'], ['شمرد', 'شمار'], ['گزید', 'گزین'], ['دوخت', 'دوز'],
];
const PAST = new Map(STEMS.map(([past, present]) => [past, present]));
const PRESENT = new Set(STEMS.map(([, present]) => present));
/** Present stems that are common words on their own with an ending («مانند» = like, «رود» = river, «دارد» = has). */
const PRESENT_NEEDS_PREFIX = new Set(['مان', 'رو', 'بر', 'خواه', 'توان', 'دان', 'گو', 'آ', 'نه', 'بین', 'کار', 'بند']);
/**
 * Bare past stems that are everyday nouns too («ساخت و ساز»، «خرید و واریز»، «نشست»، «پیوست شماره 3»،
 * «نهاد»، «رفت و آمد»): a verb only right before punctuation or the end, never before a conjunction.
 */
const NOUN_LIKE_PAST = new Set(['ساخت', 'خرید', 'پرداخت', 'نشست', 'پیوست', 'نهاد', 'رفت', 'آمد', 'برد', 'بست', 'گشت', 'کاشت', 'دوخت', 'فروخت', 'شناخت', 'ریخت', 'گفت']);
/** What ends a sentence or a clause by punctuation alone (not a closing quote: «نظام پرداخت»). */
const PUNCTUATION_END = /^\s*(?:$|[.،,؛;:!؟?])/u;

const PRESENT_ENDINGS: ReadonlyArray<readonly [string, 1 | 2 | 3, boolean]> = [
  ['ند', 3, true], ['یم', 1, true], ['ید', 2, true], ['م', 1, false], ['ی', 2, false], ['د', 3, false],
];
const PAST_ENDINGS: ReadonlyArray<readonly [string, 1 | 2 | 3, boolean]> = [
  ['ند', 3, true], ['یم', 1, true], ['ید', 2, true], ['م', 1, false], ['ی', 2, false], ['', 3, false],
];
const FUTURE_AUX: Record<string, readonly [1 | 2 | 3, boolean]> = {
  خواهم: [1, false], خواهی: [2, false], خواهد: [3, false], خواهیم: [1, true], خواهید: [2, true], خواهند: [3, true],
};
/** Auxiliaries after a past participle («کرده است»، «شده اند»، «داده بود»، «کرده باشند»). */
const PERFECT_AUX: Record<string, readonly [VerbTense, 1 | 2 | 3, boolean]> = {
  است: ['perfect', 3, false], اند: ['perfect', 3, true], ایم: ['perfect', 1, true], ام: ['perfect', 1, false],
  بود: ['perfect', 3, false], بودند: ['perfect', 3, true], بودیم: ['perfect', 1, true],
  باشد: ['subjunctive', 3, false], باشند: ['subjunctive', 3, true], باشیم: ['subjunctive', 1, true], باشید: ['subjunctive', 2, true],
};
const COPULA: Record<string, readonly [1 | 2 | 3, boolean]> = {
  است: [3, false], هست: [3, false], هستند: [3, true], هستیم: [1, true], نیست: [3, false], نیستند: [3, true],
};

interface Parsed {
  stem: 'past' | 'present' | 'participle';
  alsoSubjunctive?: boolean;
  presentStem: string;
  person: 1 | 2 | 3;
  plural: boolean;
  prefix: '' | 'ب';
  negative: boolean;
}

function splitEnding(word: string, endings: typeof PRESENT_ENDINGS): Array<[string, 1 | 2 | 3, boolean]> {
  const out: Array<[string, 1 | 2 | 3, boolean]> = [];
  for (const [ending, person, plural] of endings) {
    if (word.length > ending.length && word.endsWith(ending)) out.push([word.slice(0, word.length - ending.length), person, plural]);
  }
  return out;
}

/** One word without «می»: a past or present stem with a personal ending, a participle, or nothing. */
function parseWord(raw: string, allowBarePresent: boolean): Parsed | null {
  for (const [negative, word] of [[false, raw], [true, raw.startsWith('ن') ? raw.slice(1) : '']] as const) {
    if (word === '') continue;
    // Past participle: «کرده»، «شده»، «نشده».
    if (word.endsWith('ه') && PAST.has(word.slice(0, -1))) {
      return { stem: 'participle', presentStem: PAST.get(word.slice(0, -1)) ?? '', person: 3, plural: false, prefix: '', negative };
    }
    for (const [stem, person, plural] of splitEnding(word, PAST_ENDINGS)) {
      const present = PAST.get(stem);
      // A bare second person singular («داری» in «مرغ داری») is far more often a noun suffix than a verb.
      if (present !== undefined && !(person === 2 && !plural && !allowBarePresent)) {
        return { stem: 'past', presentStem: present, person, plural, prefix: '', negative, alsoSubjunctive: person === 3 && !plural && stem === `${present}د` };
      }
    }
    for (const [body, person, plural] of splitEnding(word, PRESENT_ENDINGS)) {
      if (person === 2 && !plural && !allowBarePresent) continue;
      // «نمایند»، «گویند»: a stem ending in a vowel takes a glide «ی».
      const candidates = body.endsWith('ی') ? [body, body.slice(0, -1)] : [body];
      for (const c of candidates) {
        const withB = c.startsWith('ب') && PRESENT.has(c.slice(1)) ? c.slice(1) : null;
        if (withB !== null && !negative) return { stem: 'present', presentStem: withB, person, plural, prefix: 'ب', negative };
        if (PRESENT.has(c) && (allowBarePresent || !PRESENT_NEEDS_PREFIX.has(c))) {
          return { stem: 'present', presentStem: c, person, plural, prefix: '', negative };
        }
      }
    }
    // The imperative singular: «بفرست»، «بنویس».
    if (!negative && word.startsWith('ب') && PRESENT.has(word.slice(1)) && word.length > 2) {
      return { stem: 'present', presentStem: word.slice(1), person: 2, plural: false, prefix: 'ب', negative };
    }
  }
  return null;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** What may follow a clause-final verb: punctuation, the end, or a conjunction. */
const CLAUSE_END = /^\s*(?:$|[.،,؛;:!؟?»)\]"]|(?:و|که|تا|اما|ولی|زیرا|چون|وگرنه|چرا|ضمن|سپس)(?![\p{L}]))/u;

const isPassive = (presentStem: string) => presentStem === 'شو' || presentStem === 'گرد';

/**
 * The verb group that starts at word i, or null. A group is «می / نمی» + stem + ending,
 * «خواهد» + past stem, participle + auxiliary, or one inflected word.
 */
function groupAt(text: string, words: Word[], i: number): VerbForm | null {
  const w = words[i];
  if (w === undefined) return null;
  const next = words[i + 1];
  const make = (tense: VerbTense, last: Word, p: { person: 1 | 2 | 3; plural: boolean; passive: boolean; negative: boolean; alsoSubjunctive?: boolean }): VerbForm => ({
    tense,
    ...p,
    alsoSubjunctive: p.alsoSubjunctive ?? false,
    start: w.start,
    end: last.end,
    // Searched from i: the group's last word is at most a few words on (from 0, a long unpunctuated text was quadratic).
    text: words.slice(i, words.indexOf(last, i) + 1).map((x) => x.text).join(' '),
  });
  // «می کنند»، «نمی شود» (ZWNJ became a space), or joined «میشود».
  const joined = /^(ن?)می(?=\p{L}{2})/u.exec(w.text);
  if (w.text === 'می' || w.text === 'نمی' || joined) {
    const [target, negative, last] = joined
      ? [w.text.slice(joined[0].length), joined[1] === 'ن', w]
      : [next?.text ?? '', w.text === 'نمی', next];
    const parsed = parseWord(target, true);
    if (parsed && last && parsed.stem !== 'participle') {
      const tense: VerbTense = parsed.stem === 'past' ? 'past' : 'present';
      return make(tense, last, { person: parsed.person, plural: parsed.plural, passive: isPassive(parsed.presentStem), negative });
    }
    return null;
  }
  const negFuture = w.text.startsWith('ن') && FUTURE_AUX[w.text.slice(1)] !== undefined;
  const future = FUTURE_AUX[negFuture ? w.text.slice(1) : w.text];
  if (future && next && PAST.has(next.text)) {
    const stem = PAST.get(next.text) ?? '';
    return make('future', next, { person: future[0], plural: future[1], passive: isPassive(stem), negative: negFuture });
  }
  // A single inflected word counts only where a Persian clause ends (verb-final): «پرداخت کنند» is a
  // verb group, «پرداخت مبلغ» a noun.
  const after = text.slice(w.end, w.end + 12);
  const parsed = parseWord(w.text, false);
  // «… که مشمول اصل 44 نباشد به …»: the subjunctive of بودن is a verb wherever it stands (a relative
  // clause ends with it mid-sentence).
  const beSubjunctive = parsed?.stem === 'present' && parsed.presentStem === 'باش' && parsed.prefix === '';
  const clauseEnds = beSubjunctive || (NOUN_LIKE_PAST.has(w.text) ? PUNCTUATION_END.test(after) : CLAUSE_END.test(after));
  if (!parsed || (parsed.stem !== 'participle' && !clauseEnds)) {
    if (!clauseEnds) return null;
    const copula = COPULA[w.text];
    return copula ? make('present', w, { person: copula[0], plural: copula[1], passive: false, negative: w.text.startsWith('نیست') }) : null;
  }
  if (parsed.stem === 'participle') {
    const aux = next ? PERFECT_AUX[next.text] : undefined;
    if (aux && next) {
      return make(aux[0], next, { person: aux[1], plural: aux[2], passive: isPassive(parsed.presentStem), negative: parsed.negative });
    }
    // A bare participle chains clauses («تهیه کرده و ارسال کنند»): not a finite verb of its own.
    return null;
  }
  const passive = isPassive(parsed.presentStem);
  const base = { person: parsed.person, plural: parsed.plural, passive, negative: parsed.negative, alsoSubjunctive: parsed.alsoSubjunctive };
  if (parsed.stem === 'past') return make('past', w, base);
  // «دارد / دارند» without «می» is the present of داشتن; «باشد» is the subjunctive of بودن.
  // …except in «نگه دارند / باز دارند»: there the light verb's bare form is the subjunctive.
  const compoundKeep = /^(?:نگه|نگاه|باز|وا)$/u.test(words[i - 1]?.text ?? '');
  if (parsed.presentStem === 'دار' && parsed.prefix === '' && !compoundKeep) return make('present', w, base);
  const imperative = parsed.prefix === 'ب' && parsed.person === 2;
  return make(imperative ? 'imperative' : 'subjunctive', w, base);
}

/**
 * Every finite verb group in a normalised text, in order.
 *
 * @example
 * findVerbs('استان ها گزارش را ارسال کردند و برنامه ارسال خواهد شد').map((v) => v.tense) // ['past', 'future']
 */
export function findVerbs(text: string): VerbForm[] {
  const words = wordsOf(text);
  const out: VerbForm[] = [];
  for (let i = 0; i < words.length; i++) {
    const v = groupAt(text, words, i);
    if (!v) continue;
    out.push(v);
    // Skip the words the group used.
    while (i + 1 < words.length && (words[i + 1]?.end ?? 0) <= v.end) i++;
  }
  return out;
}

/**
 * The first finite verb group that starts at or after `offset`: the task verb after «باید»، «موظفند»، «مقرر شد».
 *
 * @example
 * verbAfter('استان ها باید تا ۳۰ آبان گزارش را ارسال کنند', 9)?.tense // 'subjunctive'
 * verbAfter('مقرر شد برنامه ظرف دو هفته تهیه شد', 7)?.tense // 'past'
 */
export function verbAfter(text: string, offset: number): VerbForm | null {
  return findVerbs(text).find((v) => v.start >= offset) ?? null;
}

/**
 * The tense of one verb group given on its own.
 *
 * @example
 * analyzeVerb('ارسال می شود') // { tense: 'present', passive: true, … }
 * analyzeVerb('بفرستند') // { tense: 'subjunctive', person: 3, plural: true, … }
 */
export function analyzeVerb(group: string): VerbForm | null {
  const verbs = findVerbs(group);
  return verbs[verbs.length - 1] ?? null;
}
