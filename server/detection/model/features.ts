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
  /** The document's first sentence (its title), for a later sentence; absent or null otherwise. */
  title?: RuleEvidence | null;
}

/**
 * The window of the i-th sentence: it, and the evidence of the sentences before and after.
 *
 * @example
 * sentenceFeatures(windowAt(evidence, 3))
 */
export function windowAt(evidence: readonly RuleEvidence[], i: number): SentenceWindow {
  return { sentence: evidence[i]!, before: evidence[i - 1] ?? null, after: evidence[i + 1] ?? null, title: i > 0 ? evidence[0]! : null };
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
  for (let n = 2; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) grams.add(padded.slice(i, i + n));
  const cScale = 1 / Math.sqrt(Math.max(1, grams.size));
  for (const g of grams) add(out, `c:${g}`, cScale);

  contextFeatures(out, ws, obligations, s, before);
  if (window.title) titleFeatures(out, window.title);

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

/**
 * Words the round-6 lexicon lacks that carry an assigned duty in the labelled documents: allocation
 * and hand-over («اختصاص یابد»، «سپرده شد»), rulings and decrees («محکوم»، «فرمان»، «امریه»), requests
 * made with authority («خواسته شد»), rules set («الزامی»، «ضوابط»، «آیین نامه»). A lexicon, not a rule.
 */
const DUTY_WORDS = /^(?:اختصاص|تخصیص|سپرده|واگذار\S*|محکوم\S*|فرمان|امریه|دستورالعمل\S*|خواسته|درخواست|الزامی|ضوابط|آیین|آئین|مصوبات|موظفند|مکلفند|تعیین|مقرر\S*|منوط|مشمول)$/u;
/** Words that open a sentence whose subject the sentence before named («وی»، «این وزارتخانه»، «همچنین»). */
const CARRY_WORDS = /^(?:وی|وي|او|ایشان|این|اين|آنها|آن|همچنین|همچنين|نیز|بنابراین|براین|براساس|طبق|بر|به|در)$/u;

/**
 * Round 7: what the words alone miss — an obligation whose subject the previous sentence names
 * (the opening words of the sentence, and of the speaker's words after a colon, crossed with the
 * previous sentence's cues), the previous sentence's obligation words (a headline «مهلت ۴۵ روزه
 * شهردار …» before its story), and the duty words above with their neighbours.
 */
function contextFeatures(out: NamedFeatures, ws: readonly string[], obligations: number, s: RuleEvidence, before: RuleEvidence | null): void {
  let duties = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!DUTY_WORDS.test(w)) continue;
    duties++;
    add(out, `duty:${w}>${ws[i + 1] ?? '$'}`, 1);
    add(out, `duty:${ws[i - 1] ?? '^'}<${w}`, 1);
  }
  const colon = s.text.slice(0, FEATURE_CHARS).search(/[:：]/);
  const spoken = colon >= 0 ? words(s.text.slice(colon + 1)) : [];
  if (obligations + duties === 0) return;
  const first = ws[0] ?? '^';
  add(out, `open:${first}`, 1);
  if (CARRY_WORDS.test(first)) add(out, `open:${first} ${ws[1] ?? '$'}`, 1);
  if (spoken.length > 0) {
    add(out, `open:said>${spoken[0]}`, 1);
    if (CARRY_WORDS.test(spoken[0]!)) add(out, `open:said>${spoken[0]} ${spoken[1] ?? '$'}`, 1);
  }
  if (!before) return;
  for (const id of new Set(before.cues)) add(out, `open:prev-cue:${id}`, 1);
  const bw = words(before.text);
  for (let i = 0; i < bw.length; i++) if (OBLIGATION_WORDS.test(bw[i]!) || DUTY_WORDS.test(bw[i]!)) add(out, `open:prev-ob:${bw[i]}`, 1);
  if (before.index === 0) add(out, 'open:after-title', 1);
}

/** What the document's title says about the whole report: its words and obligation words, its cues. */
function titleFeatures(out: NamedFeatures, title: RuleEvidence): void {
  const tw = words(title.text.slice(0, 200));
  const scale = 1 / Math.sqrt(Math.max(1, tw.length));
  for (const w of tw) add(out, `title:${w}`, scale);
  for (const w of tw) if (OBLIGATION_WORDS.test(w) || DUTY_WORDS.test(w)) add(out, `title:ob:${w}`, 1);
  for (const id of new Set(title.cues)) add(out, `title:cue:${id}`, 1);
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

/** Hash named features into a sparse vector (colliding names add up). */
export function hashFeatures(features: NamedFeatures): SparseVector {
  const merged = new Map<number, number>();
  for (const [name, v] of features) {
    const h = featureHash(name);
    merged.set(h, (merged.get(h) ?? 0) + v);
  }
  const index = new Int32Array(merged.size);
  const value = new Float32Array(merged.size);
  let i = 0;
  for (const [h, v] of merged) {
    index[i] = h;
    value[i] = v;
    i++;
  }
  return { index, value };
}
