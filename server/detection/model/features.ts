/**
 * @module The features the directive model reads from one sentence and its neighbours: the rule
 * analysis (cues, gate, voice, deadline), character 2–5-grams and word 1–2-grams of the normalised
 * sentence, and the cues of the sentences before and after. Named features, so a suggestion can say
 * which ones carried it; hashed into a fixed space for the weights. Pure.
 */

/** What the rules found in a sentence: the model's structured evidence. */
export interface RuleEvidence {
  /** Normalised sentence (normalizePersian, ZWNJ as space). */
  text: string;
  /** Ids of the cues, derived cues and gate reasons that fired. */
  cues: readonly string[];
  ruleSuggested: boolean;
  ruleScore: number;
  gatePassed: boolean;
  kind: string;
  /** 0 for the first sentence of the document (usually the title). */
  index: number;
}

export interface SentenceWindow {
  sentence: RuleEvidence;
  before: RuleEvidence | null;
  after: RuleEvidence | null;
}

/**
 * The window of the i-th sentence: it, and the evidence of the sentences before and after.
 *
 * @example
 * sentenceFeatures(windowAt(evidence, 3))
 */
export function windowAt(evidence: readonly RuleEvidence[], i: number): SentenceWindow {
  return { sentence: evidence[i]!, before: evidence[i - 1] ?? null, after: evidence[i + 1] ?? null };
}

/** Features are looked at in at most this many characters of a sentence: bounded work per sentence. */
export const FEATURE_CHARS = 600;
export const HASH_BITS = 16;
const HASH_SIZE = 1 << HASH_BITS;

export type NamedFeatures = Map<string, number>;

/**
 * Words that can carry an obligation, an order, a decision or a deadline. The model reads the words
 * around each (what is obliged, which verb follows), where the whole-sentence n-grams are diluted
 * by the topic. A lexicon, not a rule: it decides nothing by itself.
 */
const OBLIGATION_WORDS = /^(?:موظف\S*|مکلف\S*|ملزم\S*|مقرر|دستور\S*|ابلاغ\S*|الزام\S*|ممنوع\S*|باید|بایست\S*|می بایست|نباید|لازم|تکلیف|مهلت|حداکثر|ظرف|اجباری|مجاز|خواستار|خواست|تاکید|مسئولیت|موکول|تصویب|مصوبه|وظیفه|بخشنامه|اختصاص|واگذار|مسئول)$/u;

function add(out: NamedFeatures, name: string, value: number): void {
  out.set(name, (out.get(name) ?? 0) + value);
}

function words(text: string): string[] {
  return text
    .slice(0, FEATURE_CHARS)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The named features of a sentence in its window.
 *
 * @example
 * sentenceFeatures({ sentence: { text: 'استان ها موظفند …', cues: ['obliged'], … }, before: null, after: null }).get('cue:obliged') // 1
 */
export function sentenceFeatures(window: SentenceWindow): NamedFeatures {
  const { sentence: s, before, after } = window;
  const out: NamedFeatures = new Map();
  add(out, 'bias', 1);
  for (const id of new Set(s.cues)) add(out, `cue:${id}`, 1);
  if (s.ruleSuggested) add(out, 'rule:suggested', 1);
  if (s.gatePassed) add(out, 'rule:gate-passed', 1);
  add(out, 'rule:score', Math.max(-6, Math.min(6, s.ruleScore)) / 6);
  add(out, `kind:${s.kind}`, 1);
  if (s.index === 0) add(out, 'pos:first', 1);
  const len = s.text.length;
  add(out, len < 60 ? 'len:short' : len < 200 ? 'len:mid' : len < 400 ? 'len:long' : 'len:very-long', 1);
  if (/[:：]/.test(s.text.slice(0, FEATURE_CHARS))) add(out, 'has:colon', 1);

  const ws = words(s.text);
  const wScale = 1 / Math.sqrt(Math.max(1, ws.length));
  for (let i = 0; i < ws.length; i++) {
    add(out, `w:${ws[i]}`, wScale);
    if (i + 1 < ws.length) add(out, `w2:${ws[i]} ${ws[i + 1]}`, wScale);
  }
  if (ws.length > 0) add(out, `last:${ws[ws.length - 1]}`, 1);
  let obligations = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!OBLIGATION_WORDS.test(w)) continue;
    obligations++;
    add(out, `ob:${w}`, 1);
    add(out, `ob:${w}>${ws[i + 1] ?? '$'}`, 1);
    add(out, `ob:${w}>${ws[i + 1] ?? '$'} ${ws[i + 2] ?? '$'}`, 1);
    add(out, `ob:${ws[i - 1] ?? '^'}<${w}`, 1);
  }
  add(out, obligations === 0 ? 'ob:none' : obligations === 1 ? 'ob:one' : 'ob:many', 1);

  const padded = ` ${s.text.slice(0, FEATURE_CHARS).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const grams = new Set<string>();
  for (let n = 2; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) grams.add(`c:${padded.slice(i, i + n)}`);
  const cScale = 1 / Math.sqrt(Math.max(1, grams.size));
  // No other feature's name starts with «c:», so each is new here: set, not added to (most of a sentence's features).
  for (const name of grams) out.set(name, cScale);

  for (const [prefix, other] of [['prev', before], ['next', after]] as const) {
    if (!other) {
      add(out, `${prefix}:none`, 1);
      continue;
    }
    for (const id of new Set(other.cues)) add(out, `${prefix}:cue:${id}`, 1);
    if (other.ruleSuggested) add(out, `${prefix}:rule:suggested`, 1);
  }
  return out;
}

/** FNV-1a, 32 bits: a stable hash of a feature name into the weight space. */
export function featureHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (HASH_SIZE - 1);
}

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/** Per hashed slot, the sum so far, and the slots touched in order of first touch (reused: one sentence at a time). */
const slotSum = new Float64Array(HASH_SIZE);
const slotTouched = new Uint8Array(HASH_SIZE);
const touchedOrder = new Int32Array(HASH_SIZE);

/** Hash named features into a sparse vector (colliding names add up, in the features' order; slots in order of first use). */
export function hashFeatures(features: NamedFeatures): SparseVector {
  let size = 0;
  for (const [name, v] of features) {
    const h = featureHash(name);
    if (slotTouched[h] === 0) {
      slotTouched[h] = 1;
      slotSum[h] = 0;
      touchedOrder[size++] = h;
    }
    slotSum[h] = slotSum[h]! + v;
  }
  const index = new Int32Array(size);
  const value = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const h = touchedOrder[i]!;
    index[i] = h;
    value[i] = slotSum[h]!;
    slotTouched[h] = 0;
  }
  return { index, value };
}
