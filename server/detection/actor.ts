/**
 * @module Who a directive addresses, as the sentence writes it: the noun phrase before «موظف /
 * مکلف / ملزم / باید» (walking left past adverbs and prepositional phrases), after «مقرر شد (که)»
 * (for a passive verb, its agent «توسط / از طریق …»), the object of «… را موظف کرد», the one told
 * «به / از … دستور / ابلاغ / خواست», the one charged «بر عهده … / به … سپرده / واگذار», the one after
 * a noun of obligation «الزام X به», or the one an order is sent to «دستور … را به X صادر کرد».
 * Nothing is guessed: a sentence that names no one gives null. The word lists are the tables below;
 * runs on normalizePersian text (ی/ک, ASCII digits, ZWNJ as space). Measured by `npm run eval:actors`.
 */

/** A word of the sentence with its place in the text. */
interface Word {
  text: string;
  start: number;
  end: number;
}

export interface AddresseeSpan {
  /** [start, end) in the text given. */
  start: number;
  end: number;
  /** Which form of the sentence named it. */
  form: AddresseeForm;
}

export type AddresseeForm = 'made-to' | 'told' | 'charged' | 'decided' | 'agent' | 'obliged';

/** Words that say the phrase before them must act («… موظفند»، «… باید»). */
const OBLIGATION_WORDS: readonly RegExp[] = [/^(?:موظف|مکلف|ملزم)\S*$/u, /^(?:باید|بایستی|بایست)$/u];
/** Two-word obligations («می بایست»، «وظیفه دارند»، «فرصت دارند»): the first word and the second. */
const OBLIGATION_PAIRS: ReadonlyArray<readonly [string, RegExp]> = [
  ['می', /^(?:بایست|بایستی)$/u],
  ['وظیفه', /^(?:دارد|دارند)$/u],
  ['فرصت', /^(?:دارد|دارند)$/u],
];

/** Nouns of obligation whose actor follows («الزام دولت به …»), and the infinitives that make one («ملزم شدن»). */
const NOMINAL_OBLIGATION = new Set(['الزام']);
const NOMINAL_VERBS = new Set(['شدن', 'کردن', 'ساختن', 'نمودن']);
/** Adverbs that may stand between the one obliged and the obligation («… نیز موظفند»، «… از این پس موظف هستند»). */
const ADVERBS: readonly string[] = [
  'نیز', 'هم', 'همچنین', 'هم چنین', 'امسال', 'اکنون', 'هم اکنون', 'اینک', 'از این پس', 'از این به بعد', 'از این رو', 'به صراحت', 'صراحتا',
  'رسما', 'قانونا', 'حتما', 'فقط', 'تنها', 'مشترکا', 'دیگر', 'سریعا', 'فورا', 'بلافاصله', 'شخصا', 'مستقیما', 'عینا', 'به تفکیک',
];
/** Words that open a prepositional phrase: what stands between them and the obligation is not its subject. */
const PREPOSITIONS = new Set([
  'در', 'به', 'با', 'از', 'برای', 'بر', 'طبق', 'براساس', 'بنابر', 'مطابق', 'وفق', 'طی', 'ظرف', 'تا', 'حداکثر', 'پیش', 'قبل', 'بعد',
  'پس', 'جهت', 'بدون', 'بی', 'ضمن', 'درباره', 'توسط', 'نزد', 'میان', 'بین', 'درخصوص', 'برابر', 'بجز', 'جز', 'زیر', 'روی', 'پیرامون', 'بنا',
]);
/** Words that end a noun phrase on its left: clause openers, verbs of saying, particles, pronouns. */
const LEFT_STOP = new Set([
  'که', 'منظور', 'همین', 'گفت', 'افزود', 'کرد', 'کردند', 'است', 'هستند', 'بود', 'بودند', 'شد', 'شدند', 'شده', 'اینکه', 'آنکه',
  'بنابراین', 'لذا', 'پس', 'وی', 'او', 'ما', 'ایشان', 'آنها', 'آنان', 'اما', 'ولی', 'حتی', 'چرا', 'زیرا', 'چون', 'اگر', 'اگرچه', 'هرچند',
  'یعنی', 'ضمنا', 'را', 'نمود', 'نمودند', 'داد', 'دادند', 'دارد', 'دارند', 'گردید', 'خواهد', 'خواهند', 'می', 'گذشته', 'شود', 'شوند',
  'گردد', 'کند', 'کنند', 'فعلا', 'سپس', 'اساس', 'زمینه', 'حال', 'تاکنون',
]);
/** Second words of two-word prepositions («بر اساس»، «به موجب»، «در پی»). */
const PREPOSITION_TAILS = new Set(['اساس', 'موجب', 'دنبال', 'منظور', 'دلیل', 'علت', 'راستای', 'قالب', 'پی']);
/** Determiners that open a noun phrase and belong to it («این کارخانه ها»، «کلیه دستگاه ها»). */
const DETERMINERS = new Set(['این', 'آن', 'کلیه', 'تمامی', 'تمام', 'همه', 'هر', 'سایر', 'دیگر']);
/** Verb endings: a «و» after one of them joins clauses, not the names of one actor. */
const VERB_LIKE = /(?:کرد|کردند|شد|شدند|است|هستند|بود|بودند|داد|دادند|گفت|افزود|نمود|نمودند|کند|کنند|شود|شوند|دارد|دارند|گردید|گردد|گردند|باشد|باشند)$/u;
/** Words that end a noun phrase on its right (after «مقرر شد»، «توسط»). */
const RIGHT_STOP = new Set([
  'تا', 'در', 'با', 'از', 'برای', 'را', 'به', 'ظرف', 'حداکثر', 'طی', 'نسبت', 'که', 'موظف', 'مکلف', 'باید', 'نیز', 'هم', 'ضمن', 'پس',
  'قبل', 'بر', 'طبق', 'براساس', 'مطابق', 'جهت', 'حداقل', 'نهایتا', 'ابتدا', 'سپس', 'همچنین', 'اجرا', 'انجام', 'ارائه', 'اقدام', 'صورت',
]);
/**
 * Head nouns of organisations and offices: «طبق ماده پنج دولت مکلف شده»، «براساس مصوبه دولت وزارت رفاه
 * باید»: when the only phrase before the obligation begins with a preposition, its last head is the subject.
 */
const ACTOR_HEADS = new Set([
  'دولت', 'وزارت', 'وزارتخانه', 'سازمان', 'شرکت', 'بانک', 'شهرداری', 'ستاد', 'اداره', 'ادارات', 'دانشگاه', 'صندوق', 'استانداری',
  'فرمانداری', 'دستگاه', 'دستگاههای', 'نیروی', 'مجلس', 'شورای', 'شورا', 'کمیته', 'کمیسیون', 'هیات', 'هیأت', 'مرکز', 'بنیاد', 'موسسه', 'مؤسسه',
  'جمعیت', 'قوه', 'دادگستری', 'گمرک', 'وزیر', 'معاونت', 'معاون', 'مدیران', 'مدیر', 'رئیس', 'رییس', 'اتحادیه', 'انجمن', 'کارخانه',
  'مراجع',
]);
/** A short parenthetical aside, written with or without spaces around it: «ایران(معاونت وظیفه عمومی)و». */
const ASIDE = /\([^()]{1,60}\)/gu;
/** The longest phrase taken, in words. */
const MAX_WORDS = 8;

/** «کلیه دستگاه ها را (به …) موظف کرد»، «شرکت دخانیات را مجری طرح اعلام کرد»: the object obliged or charged. */
const MADE_TO = /(?:^|\s)((?:\S+\s+){0,7}?\S+)\s+را\s+(?:به\s+(?:\S+\s+){0,8})?(?:موظف|مکلف|ملزم|مجری\s+\S+(?:\s+اعلام)?|مسئول\s+\S+)\s+(?:کرد|کردند|کرده|نمود|نمودند|ساخت|ساختند|است|اند)(?=[\s.،؛:!؟]|$)/u;
/** «مقرر شد (که / تا)»، «قرار شد»: the subject follows. */
const DECIDED = /(?:^|\s)(?:مقرر|قرار) (?:شد|گردید|شده است|شده|گردیده است|گردیده|کرد|کردند|کرده است|کرده اند)(?: (?:که|تا))?\s+/u;
/** «به X دستور داد»، «به X ابلاغ شد»، «از X خواسته شد»: the one told, up to ten words («از X تاکید کرد» tells no one). */
const TOLD =
  /(?:^|\s)(?:به\s+((?:\S+\s+){0,9}?\S+)\s+(?:نیز\s+)?(?:(?:دستور|ماموریت|مهلت|ابلاغ|تکلیف|تاکید|هشدار|فرصت|تذکر)\s+(?:داد|دادند|داده|شد|شده|کرد|کردند|کرده|نمود|نمودند|گردید|گردیده|می|است)|اعلام\s+(?:شد|شده|گردید|گردیده|می))|(?:به|از)\s+((?:\S+\s+){0,9}?\S+)\s+(?:نیز\s+)?(?:خواست|خواسته|خواستار))(?=[\s.،؛:!؟]|$)/u;
/** «دستور تخفیف را به اداره کل بازرگانی صادر کرد»، «بخشنامه‌ای به مراکز درمانی ارسال کرده»، «دستورات رئیس جمهور به وزارت بهداشت برای …»: the one an order is sent to. */
const SENT_TO =
  /(?:^|\s)(?:دستور|دستورات|بخشنامه|بخشنامه ای|دستورالعمل|ابلاغیه)(?:\s+\S+){0,6}?\s+(?:را\s+)?به\s+((?:\S+\s+){0,7}?\S+)\s+(?:(?:صادر|ارسال|ابلاغ|اعلام)(?=[\s.،؛:!؟]|$)|(?:برای|جهت|مبنی)\s)/u;
/** Words a told phrase never holds: it started at a «به / از» of something else («به گزارش خبرنگار ما با ابلاغ …»). */
const NOT_IN_TOLD = new Set(['گزارش', 'گفته', 'با', 'که', 'در', 'را', 'سوی', 'طرف', 'نظر', 'دلیل', 'منظور', 'این', 'اینکه', 'اساس', 'شد', 'است', 'تاریخ', 'زمان', 'تصویب', 'به', 'از', 'خبرنگار', 'خبرنگاران']);
/** Words that open what the one told is told for («… برای فیلترینگ اعلام شد»). */
const TOLD_PURPOSE = new Set(['برای', 'جهت', 'درباره', 'درخصوص', 'مبنی']);
/** «بر عهده X است»، «به X سپرده شد»، «به X واگذار گردد»: the one charged. */
const CHARGED = /(?:^|\s)(?:(?:(?:بر|به) ?عهده)\s+((?:\S+\s+){0,7}?\S+)\s+(?:است|بوده|گذاشته|نهاده)|به\s+((?:\S+\s+){0,7}?\S+)\s+(?:سپرده|واگذار|محول))(?=[\s.،؛:!؟]|$)/u;
/** «… توسط X انجام شود»، «از طریق X اجرا شود»: the agent of a passive duty. */
const AGENT = /(?:^|\s)(?:توسط|از طریق|به وسیله|به دست)\s+/u;
/** Passive verbs: after «مقرر شد» the phrase before one is what is done, not who does it. */
const PASSIVE = /(?:^|\s)(?:شود|شوند|گردد|گردند|(?:قرار|صورت|انجام) (?:گیرد|گیرند)|(?:صورت|انجام) (?:پذیرد|پذیرند)|یابد|یابند|باشد|باشند)(?=\s|$|[.،؛])/u;
/** «… مامور / موظف / مسئول … شوند»: a subject made to act, not a thing done. */
const CHARGED_BY_VERB = /(?:^|\s)(?:مامور|موظف|مکلف|ملزم|مسئول)(?=\s)/u;
/** A duty done to something («باید … انجام شود»), not a state («… مجاز است که … باشند»). */
const PASSIVE_DUTY = /(?:^|\s)(?:شود|شوند|گردد|گردند|(?:قرار|صورت|انجام) (?:گیرد|گیرند)|(?:صورت|انجام) (?:پذیرد|پذیرند))(?=\s|$|[.،؛])/u;
const ACTIVE = /(?:^|\s)(?:کند|کنند|دهد|دهند|نماید|نمایند|کنیم|دهیم|نماییم|آورد|آورند|بگیرد|بگیرند|بیفزاییم|رساند|رسانند)(?=\s|$|[.،؛])/u;

function wordsOf(text: string, offset = 0): Word[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: offset + (m.index ?? 0), end: offset + (m.index ?? 0) + m[0].length }));
}

/** How many words at the end of `ws` (ending at index i) make one of the phrases, or 0. */
function phraseEndingAt(ws: readonly Word[], i: number, phrases: readonly string[]): number {
  for (const p of phrases) {
    const parts = p.split(' ');
    if (i - parts.length + 1 < 0) continue;
    if (parts.every((part, k) => ws[i - parts.length + 1 + k]?.text === part)) return parts.length;
  }
  return 0;
}

/** The noun phrase ending just before `end`, walking left past adverbs and prepositional phrases. */
function leftPhrase(text: string, end: number): Word[] | null {
  const segments = text.slice(0, end).split(/[،:؛]/u);
  // «بنیاد ملی نخبگان، بایستی …»: a comma just before the obligation closes the subject.
  let last = segments.length - 1;
  while (last > 0 && segments[last]!.trim() === '') last--;
  const segmentStart = segments.slice(0, last).reduce((n, s) => n + s.length + 1, 0);
  const ws = wordsOf(segments[last]!, segmentStart);
  let run: Word[] = [];
  let dropped: Word[] = [];
  let i = relativeClauseStart(ws) - 1;
  while (i >= 0) {
    const w = ws[i]!.text;
    if (run.length === 0) {
      const adverb = phraseEndingAt(ws, i, ADVERBS);
      if (adverb > 0) {
        i -= adverb;
        continue;
      }
    }
    if (PREPOSITIONS.has(w)) {
      // The words collected were the object of a preposition: the subject stands further left.
      if (run.length > 0) dropped = run;
      run = [];
      i--;
      continue;
    }
    if (LEFT_STOP.has(w)) break;
    // «دولت حق فعالیت … را ندارد و موظف است …» (also written «نداردو»): a second predicate shares the
    // subject that opens the first clause.
    const coordinated = w === 'و' ? VERB_LIKE.test(ws[i - 1]?.text ?? '') : w.endsWith('و') && VERB_LIKE.test(w.slice(0, -1));
    // After a comma the clause's opening is not its subject («… اشتغال داشته باشد، مشمول این مقررات می شود و مکلف است»).
    if (run.length === 0 && dropped.length === 0 && coordinated && text[segmentStart - 1] !== '،') {
      run = clauseSubject(ws.slice(0, w === 'و' ? i - 1 : i));
      break;
    }
    if (w === 'و') {
      const before = ws[i - 1]?.text;
      if (run.length === 0 || before === undefined || LEFT_STOP.has(before) || PREPOSITIONS.has(before) || VERB_LIKE.test(before)) break;
    }
    run.unshift(ws[i]!);
    if (DETERMINERS.has(w) && w !== 'دیگر') {
      const before = ws[i - 1]?.text ?? '';
      if (PREPOSITIONS.has(before) || PREPOSITION_TAILS.has(before)) {
        // «بر اساس این دستور عمل، باید»: a phrase right after a preposition is its object, not a subject;
        // but «بر اساس آن دانشگاه ها باید»: «آن» is the preposition's pronoun, the subject follows it;
        // and «در این جلسه معاون فنی و عمرانی موظف شد»: the office named after the object is the subject.
        const head = run.findIndex((x, k) => k >= 2 && ACTOR_HEADS.has(x.text));
        run = w === 'آن' ? run.slice(1) : head > 0 ? run.slice(head) : [];
      }
      // «پس از تصویب این قانون»: a determiner after a noun opens that noun's complement, not the subject.
      else if (before !== '' && !LEFT_STOP.has(before) && before !== 'و' && !DETERMINERS.has(before) && !VERB_LIKE.test(before) && !/\d/u.test(before)) {
        i--;
        continue;
      }
      break;
    }
    i--;
  }
  if (run.length === 0 && dropped.length > 1) {
    const head = dropped.findLastIndex((w, k) => k > 0 && ACTOR_HEADS.has(w.text));
    if (head > 0) run = dropped.slice(head);
  }
  while (run.length > 0 && (run[0]!.text === 'و' || /^\d+$/u.test(run[0]!.text))) run.shift();
  if (run.length === 0 || run.every((w) => DETERMINERS.has(w.text))) return null;
  // «استانداری ها، فرمانداری ها و شهرداری ها موظفند»: when the whole segment was the phrase, the
  // comma separated the items of one list; the bare noun phrases before it belong to it.
  if (i < 0 && run[0] === ws[0]) {
    const starts = segments.map((_, k) => segments.slice(0, k).reduce((n, s) => n + s.length + 1, 0));
    for (let k = last; k > 0 && text[starts[k]! - 1] === '،'; k--) {
      const item = wordsOf(segments[k - 1]!, starts[k - 1]);
      if (item.length === 0 || item.length > LIST_ITEM_WORDS || !item.every((w) => isListWord(w.text))) break;
      run = [...item, ...run];
    }
  }
  // «همچنین موتوسوارانی که …»: an adverb opening the clause is no part of the subject.
  while (run.length > 1 && phraseEndingAt(run, 0, ADVERBS) === 1) run.shift();
  // A subject comes first in its clause: when the run is long, keep its head.
  return run.slice(0, MAX_WORDS);
}

/** The noun phrase that opens a clause (past a list number «1 -»), up to a preposition, «را», a verb or a clause word. */
function clauseSubject(ws: readonly Word[]): Word[] {
  let k = 0;
  while (k < ws.length && /^(?:\d+|-|–)$/u.test(ws[k]!.text)) k++;
  const out: Word[] = [];
  for (; k < ws.length && out.length < 4; k++) {
    const w = ws[k]!.text;
    if (PREPOSITIONS.has(w) || LEFT_STOP.has(w) || VERB_LIKE.test(w) || /\d/u.test(w) || (out.length > 0 && DETERMINERS.has(w))) break;
    out.push(ws[k]!);
  }
  // «کمیسیون طرح را تصویب کرد»: the word before «را» is the object, not the subject.
  if (out.length > 1 && ws[k]?.text === 'را') out.pop();
  return out;
}

/** The longest item of a list of actors separated by commas, in words. */
const LIST_ITEM_WORDS = 5;

/** A word a bare item of a list may hold: no verb, preposition, clause word or number. */
function isListWord(w: string): boolean {
  return !LEFT_STOP.has(w) && !PREPOSITIONS.has(w) && !VERB_LIKE.test(w) && !/\d/u.test(w) && !/[.!؟:]/u.test(w);
}

/**
 * «موتوسوارانی که اقدام به جابجایی مسافران می کنند ملزم …»، «معلم های رابط که … معرفی شده اند، موظف هستند»:
 * when a relative clause ending in a verb stands just before the obligation, the subject is what
 * «که» follows. Gives the index of that «که», or the length of `ws` when there is none.
 */
function relativeClauseStart(ws: readonly Word[]): number {
  const lastWord = ws[ws.length - 1]?.text ?? '';
  if (!VERB_LIKE.test(lastWord) && !RELATIVE_TAILS.has(lastWord)) return ws.length;
  const k = ws.findLastIndex((w) => w.text === 'که');
  const before = ws[k - 1]?.text;
  // «گفت که …»، «اینکه …»: «که» after a verb or a clause word opens a complement, not a relative clause.
  if (k <= 0 || before === undefined || LEFT_STOP.has(before) || PREPOSITIONS.has(before) || VERB_LIKE.test(before) || DETERMINERS.has(before)) return ws.length;
  return k;
}
/** Auxiliaries that end a relative clause («… معرفی شده اند»). */
const RELATIVE_TAILS = new Set(['اند', 'است', 'هستند', 'باشند', 'باشد', 'شده']);

/** The noun phrase starting at `from`, up to a preposition, object marker or verb. */
function rightPhrase(text: string, from: number, max = 5): Word[] | null {
  const clauseEnd = text.slice(from).search(/[،:؛.]/u);
  const ws = wordsOf(clauseEnd >= 0 ? text.slice(from, from + clauseEnd) : text.slice(from), from);
  const out: Word[] = [];
  for (const w of ws) {
    if (out.length >= max || RIGHT_STOP.has(w.text) || /\d/u.test(w.text) || VERB_LIKE.test(w.text)) break;
    out.push(w);
  }
  // «مقرر شد دفتر برنامه و بودجه گزارش را …»: the word before «را» is the object, not the subject.
  if (out.length > 1 && ws[out.length]?.text === 'را') out.pop();
  while (out.length > 0 && DETERMINERS.has(out[out.length - 1]!.text)) out.pop();
  return out.length > 0 ? out : null;
}

function span(ws: readonly Word[] | null, form: AddresseeForm): AddresseeSpan | null {
  if (!ws || ws.length === 0) return null;
  return { start: ws[0]!.start, end: ws[ws.length - 1]!.end, form };
}

function groupSpan(text: string, m: RegExpExecArray, group: number): Word[] {
  const g = m[group] ?? '';
  const at = m.index + m[0].indexOf(g);
  return wordsOf(g, at);
}

/** The object before «را»: the words just before it, up to a preposition, a number or a clause word. */
function objectPhrase(ws: readonly Word[]): Word[] | null {
  const out: Word[] = [];
  for (let i = ws.length - 1; i >= 0 && out.length < MAX_WORDS; i--) {
    const w = ws[i]!.text;
    if (PREPOSITIONS.has(w) || LEFT_STOP.has(w) || /\d/u.test(w) || w === 'و' && out.length === 0) break;
    out.unshift(ws[i]!);
    if (DETERMINERS.has(w)) break;
  }
  return out.length > 0 ? out : null;
}

function madeTo(text: string): AddresseeSpan | null {
  const m = MADE_TO.exec(text);
  if (!m?.[1]) return null;
  // «شورای شهر با تصویب یک طرح دو فوریتی شهرداری را موظف کرد»: only the object, never the one who obliges.
  return span(objectPhrase(groupSpan(text, m, 1)), 'made-to');
}

function told(text: string): AddresseeSpan | null {
  for (const re of [TOLD, CHARGED, SENT_TO]) {
    const m = re.exec(text);
    const group = m?.[1] ? 1 : 2;
    if (!m?.[group]) continue;
    const all = groupSpan(text, m, group);
    // «به شرکت های خدمات اینترنتی برای فیلترینگ اعلام شد»: what it is told for is no part of who.
    const purpose = all.findIndex((w, k) => k > 0 && TOLD_PURPOSE.has(w.text));
    const ws = purpose > 0 ? all.slice(0, purpose) : all;
    if (ws.some((w) => NOT_IN_TOLD.has(w.text) || VERB_LIKE.test(w.text))) continue;
    return span(ws, re === CHARGED ? 'charged' : 'told');
  }
  return null;
}

function agent(text: string, from = 0): AddresseeSpan | null {
  const m = AGENT.exec(text.slice(from));
  if (!m) return null;
  return span(rightPhrase(text, from + m.index + m[0].length, 6), 'agent');
}

function decided(text: string): AddresseeSpan | null {
  const m = DECIDED.exec(text);
  if (!m) return null;
  const from = m.index + m[0].length;
  const clause = text.slice(from).split(/[.؛]/u)[0] ?? '';
  // «مقرر شد این مصوبه … اجرا شود»: what is decided to be done; the doer is the agent, if named.
  // «مقرر شد وزیران … مامور بررسی … شوند»: being charged is no passive of the task; the subject acts.
  const passive = CHARGED_BY_VERB.test(clause) ? null : PASSIVE.exec(clause);
  const active = ACTIVE.exec(clause);
  if (passive && (!active || passive.index < active.index)) return agent(text, from) ?? shift(told(text.slice(from)), from);
  return span(rightPhrase(text, from), 'decided');
}

function shift(s: AddresseeSpan | null, by: number): AddresseeSpan | null {
  return s ? { ...s, start: s.start + by, end: s.end + by } : null;
}

function obliged(text: string): AddresseeSpan | null {
  const ws = wordsOf(text);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!.text;
    // «ملزم شدن دستگاه های اجرایی به …»، «الزام دولت به …»: a noun of obligation, its actor after it.
    const nominal = NOMINAL_OBLIGATION.has(w) ? 1 : OBLIGATION_WORDS[0]!.test(w) && NOMINAL_VERBS.has(ws[i + 1]?.text ?? '') ? 2 : 0;
    if (nominal > 0 && ws[i + nominal]) {
      const after = rightPhrase(text, ws[i + nominal]!.start, 6);
      if (after) return span(after, 'obliged');
      continue;
    }
    const single = OBLIGATION_WORDS.some((re) => re.test(w));
    const pair = OBLIGATION_PAIRS.some(([first, second]) => first === w && second.test(ws[i + 1]?.text ?? ''));
    if (!single && !pair) continue;
    // «اقدامات مربوطه باید توسط دستگاه های اجرایی انجام شود»: a passive duty names its doer after the obligation.
    const clause = text.slice(ws[i]!.end).split(/[.؛،]/u)[0] ?? '';
    const by = PASSIVE_DUTY.test(clause) && !ACTIVE.test(clause) ? agent(text, ws[i]!.end) : null;
    if (by && by.start < ws[i]!.end + clause.length) return by;
    const found = leftPhrase(text, ws[i]!.start);
    if (found) return span(found, 'obliged');
  }
  return null;
}

/**
 * Where the addressee stands in a normalised sentence, and which form named it, or null.
 *
 * @example
 * findAddresseeSpan('صندوق همچنین موظف است گزارش دهد') // { start: 0, end: 5, form: 'obliged' }
 */
export function findAddresseeSpan(text: string): AddresseeSpan | null {
  // «به نیروی انتظامی (معاونت وظیفه عمومی) و سازمان‌های دیگر … ابلاغ شد»: a short aside is read as blank,
  // same length, so the phrase around it stays one phrase and offsets still point into `text`.
  const read = text.replace(ASIDE, (m) => ' '.repeat(m.length));
  return madeTo(read) ?? obliged(read) ?? decided(read) ?? told(read) ?? null;
}

/**
 * The addressee phrase of a normalised sentence, or null.
 *
 * @example
 * findAddressee('مقرر شد دفتر برنامه و بودجه گزارش را تا 30 آبان به ستاد ارسال کند') // 'دفتر برنامه و بودجه'
 * findAddressee('شهرداری ها موظفند طرح را اجرا کنند') // 'شهرداری ها'
 */
export function findAddressee(text: string): string | null {
  const s = findAddresseeSpan(text);
  return s ? text.slice(s.start, s.end) : null;
}

/** Verbs of making a rule: their subject decided it, it is not told to act («هیأت وزیران تصویب کرد»). */
const ISSUED = /(?:^|\s)(?:(?:تصویب|مقرر|ممنوع اعلام|اعلام|ابلاغ)\s+(?:کرد|کردند|کرده|نمود|نمودند)|تصمیم\s+(?:گرفت|گرفتند|گرفته)|برشمرد)(?=[\s.،؛:!؟]|$)/u;
/** Nouns of a decision whose maker follows, a few words on («مصوبه هیأت دولت»، «تصمیمات اتخاذ شده در جلسه کمیته»). */
const NOT_MAKER = new Set(['از', 'که', 'این', 'آن', 'به', 'و', 'را']);
const DECISION_BEFORE = /(?:^|\s)(?:مصوبه|مصوبات|تصمیم|تصمیمات|تصمیم های|دستور|دستورات|فرمان|تایید|بخشنامه)(?:\s+\S+){0,4}\s*$/u;

/**
 * Whether the actor named at [start, end) of a normalised sentence is the one who made the rule, not
 * one told to act: the subject of «تصویب کرد / مقرر کردند / تصمیم گرفتند / ممنوع اعلام کرد» later in
 * the sentence, or the maker after «مصوبه / تصمیمات / دستور / به تایید …». A sentence that names
 * only its rule's maker names no addressee («هیأت وزیران تصویب کرد، مبلغ … در اختیار … قرار گیرد»).
 *
 * @example
 * namesIssuer('هیأت وزیران تصویب کرد، اعتبار به مصرف برسد', 0, 4) // true
 */
export function namesIssuer(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start).split(/[.؛:،]/u).at(-1) ?? '';
  const decision = DECISION_BEFORE.exec(before);
  // «با ابلاغ این مصوبه از این پس همه بانک ها …»: a phrase after «از / این / که» is no longer the maker.
  if (decision && !wordsOf(decision[0]).slice(1).some((w) => NOT_MAKER.has(w.text))) return true;
  const after = text.slice(end).split(/[.؛]/u)[0] ?? '';
  const issued = ISSUED.exec(after);
  if (!issued) return false;
  // «دولت موظف است … و ابلاغ کند»: an obligation before the verb makes the actor the one obliged.
  const upTo = after.slice(0, issued.index);
  return !wordsOf(upTo).some((w) => OBLIGATION_WORDS.some((re) => re.test(w.text)));
}
