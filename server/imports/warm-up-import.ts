/**
 * @module The import a started extraction worker runs once before any real one (extraction-runner
 * warm()): a short write-up built to pass through every step a real import takes — an entity and a
 * soft hyphen, broken and blank-line-broken lines, a speaker's label, duties, an order, a decision,
 * a passive «باید … شود», a policy, a question, Jalali dates and durations, an article of law — with
 * the built-in units, so the code and the cue patterns are compiled before a person waits for them.
 */
import { DEFAULT_UNITS } from '../detection/default-units';
import { CUE_RULES } from '../detection/cues';
import { finishImport, readImport, type ImportContext, type ImportSource } from './import-source';

const TEXT = [
  'نخستین وبینار واگذاری امور به بخش غیر دولتی',
  '',
  'به گزارش روابط عمومی سازمان آموزش فنی و حرفه&shy;ای کشور، این نشست روز یکم بهمن ۱۳۹۹',
  'با حضور مدیران کل استان‌ها برگزار شد.',
  'فیروزی: مدیران کل استان‌ها موظفند حداکثر تا ۳۰ بهمن گزارش عملکرد را به ستاد ارسال کنند.',
  'وی گفت: استان‌ها باید ظرف دو هفته برنامه‌های عملیاتی بودجه ۱۴۰۰ را تهیه و به سازمان برنامه و بودجه ارسال کنند.',
  'معاون سازمان دستور داد فروش و واگذاری اموال مازاد طبق ماده ۲۷ ظرف سه ماه آینده برنامه‌ریزی و پیگیری شود.',
  'مقرر شد ستاد سازمان تا پایان نیمه اول سال ده روز کاری برای بررسی گزارش‌ها در نظر بگیرد.',
  'استان‌هایی که در واگذاری موفق‌تر باشند بودجه بیشتری دریافت خواهند کرد.',
  'آیا همه استان‌ها باید این برنامه را اجرا کنند؟',
  'ما باید برای آینده مهارت‌آموزی تلاش کنیم و همه مکلف هستند در این راه کوشا باشند.',
].join('\n');

const SOURCE: ImportSource = { text: TEXT, format: 'text', fileName: 'warm-up.txt', heldOn: '2021-01-20' };
const CONTEXT: ImportContext = { units: DEFAULT_UNITS, people: [], catalogue: { unitCodes: new Set(DEFAULT_UNITS.map((u) => u.code)), people: new Map() } };

/**
 * Run the warm-up import (twice: V8 compiles a pattern on its first run and optimises it on later
 * ones) and run every cue pattern once, so patterns this text does not reach are compiled too.
 * Returns its ms.
 *
 * @example
 * warmUpImport() // 240
 */
export function warmUpImport(): number {
  const started = performance.now();
  for (let i = 0; i < 2; i++) finishImport(readImport({ ...SOURCE, title: i === 0 ? null : `گرم‌کردن ${i}` }, CONTEXT), CONTEXT);
  for (const rule of CUE_RULES) {
    rule.pattern.lastIndex = 0;
    rule.pattern.test(TEXT);
    rule.pattern.lastIndex = 0;
  }
  return Math.round(performance.now() - started);
}
