/**
 * @module Who a directive addresses, as the sentence writes it: the noun phrase before «موظف /
 * مکلف / ملزم / باید», after «مقرر شد (که)», or between «به / از» and «دستور / مهلت / خواست».
 * Nothing is guessed: a sentence that names no one gives null. Runs on normalizePersian text.
 */

/** Words that end a noun phrase on its left: clause openers, verbs of saying, particles. */
const LEFT_STOP = new Set(['که', 'و', 'ای', 'منظور', 'همین', 'ماه', 'سال', 'روز', 'هفته', 'پایان', 'گفت', 'افزود', 'کرد', 'است', 'شد', 'شده', 'اینکه', 'این', 'تا', 'نیز', 'هم', 'همچنین', 'بنابراین', 'لذا', 'اکنون', 'پس', 'از', 'در', 'با', 'به', 'را', 'بر', 'اساس', 'براساس', 'طبق', 'مطابق', 'وی', 'او']);
/** Words that end a noun phrase on its right (after «مقرر شد»). */
const RIGHT_STOP = new Set(['تا', 'در', 'با', 'از', 'برای', 'را', 'به', 'ظرف', 'حداکثر', 'طی', 'نسبت', 'که', 'موظف', 'مکلف', 'باید', 'نیز', 'هم', 'ضمن', 'پس', 'قبل']);

const OBLIGED_AFTER = /(?:^|\s)((?:موظف|مکلف|ملزم)\S*|باید|بایستی|می بایست|وظیفه دارند|وظیفه دارد)(?=\s|$)/u;
/** «کلیه دستگاه ها را (به …) موظف کرد»: the object obliged. */
const MADE_TO = /(?:^|\s)((?:\S+\s+){0,5}?\S+)\s+را\s+(?:به\s+(?:\S+\s+){0,8})?(?:موظف|مکلف|ملزم)\s+(?:کرد|کردند|کرده|نمود|نمودند|ساخت|ساختند)(?=\s|$)/u;
/** Words MADE_TO and TOLD cannot match without. */
const MADE_TO_WORD = /موظف|مکلف|ملزم/u;
const TOLD_WORD = /دستور|ماموریت|مهلت|ابلاغ|تکلیف|خواست|تاکید|هشدار/u;
const DECIDED = /(?:^|\s)مقرر (?:شد|گردید|شده است|شده)(?: (?:که|تا))?\s+/u;
const TOLD = /(?:^|\s)(?:به|از)\s+((?:\S+\s+){0,5}?\S+)\s+(?:دستور|ماموریت|مهلت|ابلاغ|تکلیف|خواست|خواسته|تاکید|هشدار)(?=\s|$)/u;

function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

function leftPhrase(before: string, max = 4): string | null {
  const ws = words(before.replace(/.*[،:؛]/su, ''));
  const out: string[] = [];
  for (let i = ws.length - 1; i >= 0 && out.length < max; i--) {
    const w = ws[i]!;
    if (LEFT_STOP.has(w) || /\d/.test(w)) break;
    out.unshift(w);
  }
  return out.length > 0 ? out.join(' ') : null;
}

function rightPhrase(after: string, max = 4): string | null {
  const ws = words(after.replace(/[،:؛].*$/su, ''));
  const out: string[] = [];
  for (const w of ws) {
    if (out.length >= max || RIGHT_STOP.has(w) || /\d/.test(w)) break;
    out.push(w);
  }
  return out.length > 0 ? out.join(' ') : null;
}

/**
 * The addressee phrase of a normalised sentence, or null.
 *
 * @example
 * findAddressee('مقرر شد دفتر برنامه و بودجه گزارش را تا 30 آبان به ستاد ارسال کند') // 'دفتر برنامه و بودجه'
 * findAddressee('شهرداری ها موظفند طرح را اجرا کنند') // 'شهرداری ها'
 */
export function findAddressee(text: string): string | null {
  // MADE_TO and TOLD try a lazy run of words at every space: only where their verb word occurs at all.
  const made = MADE_TO_WORD.test(text) ? MADE_TO.exec(text) : null;
  if (made?.[1]) return leftPhrase(made[1], 5);
  const told = TOLD_WORD.test(text) ? TOLD.exec(text) : null;
  if (told?.[1]) return told[1].trim();
  const decided = DECIDED.exec(text);
  if (decided) {
    const phrase = rightPhrase(text.slice(decided.index + decided[0].length));
    if (phrase) return phrase;
  }
  const obliged = OBLIGED_AFTER.exec(text);
  if (obliged) return leftPhrase(text.slice(0, obliged.index));
  return null;
}
