/**
 * @module The cue rules of directive detection: Persian phrases that signal an obligation,
 * an order, a decision or a deadline, and the signs that a sentence only reports,
 * permits, asks or opines. Each rule has a stable id, a Persian label and a weight;
 * patterns run on text from normalizePersian (ی/ک, ASCII digits, ZWNJ as space).
 */
import { JALALI_MONTHS } from '../persian/jalali';
import { findVerbs } from '../persian/verb-forms';
import { execAtWordStart } from './word-start';

export type CueGroup = 'obligation' | 'order' | 'decision' | 'deadline' | 'act' | 'policy' | 'emphasis' | 'against';

/**
 * How a cue behaves beyond its weight, read by the clause finder, the gate and the rules' score:
 * - strong-obligation: binds by itself (a duty, an order, a decision, a grace period given, a ban);
 * - weak-obligation: only says "should": needs the speaker's authority, a unit or a date;
 * - bare-command: a subjunctive command with no modal, an order only from an official or to a unit;
 * - nominal-obligation: the task is a noun («خواستار … شد»، «موظف به …»), or a statute states it: no task verb to judge;
 * - weak-core: a core cue that says "should" without saying who;
 * - explicit-duty: a duty stated outright, which outweighs the tense around it;
 * - clause-scoped: a tense or opinion sign that speaks only for its own clause;
 * - frames-what-follows: counts for a clause after it too (an opinion frames what follows);
 * - tense: the sentence's tense (plan, event, report), overruled by an explicit duty.
 */
export type CueTrait =
  | 'strong-obligation'
  | 'weak-obligation'
  | 'bare-command'
  | 'nominal-obligation'
  | 'weak-core'
  | 'explicit-duty'
  | 'clause-scoped'
  | 'frames-what-follows'
  | 'tense';

export interface CueRule<I extends string = string> {
  id: I;
  label: string;
  group: CueGroup;
  weight: number;
  pattern: RegExp;
  /** Rules that judge the speaker's own words only look at the quoted part, not the attribution. */
  contentOnly?: boolean;
  /** A check a match must also pass, for what a pattern cannot see (the verbs around it). */
  accept?: (text: string, start: number) => boolean;
  /** What the text must hold for the pattern to match at all (a character, a verb ending): tested once per sentence, before a pattern that would try a window at every position. */
  needs?: RegExp;
  traits: readonly CueTrait[];
}

interface RuleOptions {
  contentOnly?: boolean;
  accept?: CueRule['accept'];
  needs?: RegExp;
  traits?: readonly CueTrait[];
}

export interface CueHit {
  id: CueId;
  label: string;
  group: CueGroup;
  weight: number;
  /** [start, end) in the normalised text the rule ran on. */
  start: number;
  end: number;
}

/** Word boundaries for Persian: a letter or digit must not touch the match. */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const JALALI_MONTH_NAMES = JALALI_MONTHS.join('|');
/** A subjunctive ending a task clause («… کنند / نماید / شود»), not the indicative «می‌شود». */
const SUBJUNCTIVE_VERB = '(?<!می |نمی )(?:کنند|نمایند|دهند|کند|نماید|دهد|شود|شوند|گردد)(?![\\p{L}])';

function rule<const I extends string>(id: I, label: string, group: CueGroup, weight: number, body: string, options: RuleOptions = {}): CueRule<I> {
  const { contentOnly = false, accept, needs, traits = [] } = options;
  return { id, label, group, weight, pattern: new RegExp(`${B}(?:${body})${E}`, 'gu'), contentOnly, traits, ...(accept ? { accept } : {}), ...(needs ? { needs } : {}) };
}

/**
 * «تا / که / اگر …» opening a subordinate clause («… تا مدارس بتوانند کلاس‌ها را برگزار کنند»); «تا» before a
 * date or a period («حداکثر تا تاریخ 85/7/28 … مراجعه کنند») is a preposition, not a conjunction.
 */
const SUBORDINATOR = new RegExp(
  `${B}(?:تا(?! (?:\\d|پایان|آخر|انتهای|تاریخ|قبل|پیش|نیمه|اول|روز|ساعت|${JALALI_MONTH_NAMES}))|که|اگر|چنانچه|بتوانند|خواهند)${E}`,
  'gu',
);

/**
 * A subjunctive at the end of the speaker's words is a command unless it closes a subordinate clause
 * opened within the 60 characters before it; a relative clause closed by its own verb («کودکانی که از
 * تحصیل بازمانده‌اند را تهیه کنند») does not count.
 */
function commandNotSubordinate(text: string, start: number): boolean {
  const from = Math.max(0, start - 60);
  const window = text.slice(from, start);
  const opener = [...window.matchAll(SUBORDINATOR)].pop();
  if (!opener) return true;
  if (/[.؟!،]/u.test(window.slice(opener.index ?? 0))) return true;
  const clause = window.slice((opener.index ?? 0) + opener[0].length);
  // A perfect of any verb («بازمانده اند») closes it too, lexicon or not.
  return findVerbs(clause).length > 0 || /\p{L}+ه (?:اند|است|بود|بودند)(?![\p{L}])/u.test(clause);
}

/** Reporting verbs that end an attribution («… گفت: …»). */
export const REPORTING_VERBS =
  'گفت|افزود|بیان کرد|بیان داشت|عنوان داشت|تشریح کرد|اذعان کرد|اظهار کرد|اظهار داشت|تصریح کرد|عنوان کرد|یادآور شد|یادآوری کرد|خاطرنشان کرد|خاطر نشان کرد|ادامه داد|اعلام کرد|توضیح داد|تاکید کرد|گفته است|افزوده است|اظهار کرده است|تصریح کرده است|می گوید|می افزاید|آمده است|آمده|اعلام شده است';

/** Who is offered a chance rather than given a duty: applicants, students, candidates, customers, owners. */
const BENEFICIARY =
  /(?<![\p{L}])(?:دانشجویان|دانشجویانی|داوطلبان|متقاضیان|کودکان|نوجوانان|مشتری|مشتریان|علاقه مندان|علاقمندان|شهروندان|شهروندانی|کاندیداها|کاندیداهای|نامزدها|نامزدهای|دارندگان|مالکان|مشمولان|زائران|بازنشستگان|مردم|خانوارها|خانوارهای|کشاورزان|خسارت دیدگان|آسیب دیدگان|باغداران|دامداران|درخواست کنندگان|در خواست کنندگان|متقاضی)(?![\p{L}])|در صورت تمایل|تمایل دارند|علاقه مند|مشمول/u;
/** Tasks one may take up or leave: registering, applying, using a benefit, entering a contest. */
const VOLUNTARY_TASK = /(?<![\p{L}])(?:ثبت نام|درخواست|استفاده|بهره|بهره مند|شرکت|تبلیغات|تخفیف|اعتراض|انتخاب|خرید|غرامت|تسهیلات|وام|کمک|بیمه)(?![\p{L}])/u;
/** «… وگرنه پلمب می‌شود»، «پس از این تاریخ توقیف می‌شوند»: a sanction makes the grace period a duty. */
const SANCTION = /وگرنه|در غیر این صورت|پس از (?:این|آن) (?:تاریخ|مهلت)|(?:توقیف|جریمه|پلمب|فسخ|اخراج|ابطال|لغو|تعطیل|قطع)(?: \p{L}+)? (?:می شود|می شوند|خواهد شد|خواهند شد)/u;

/**
 * «فرصت دارند / دارید … کنند» is a grace period for a duty: a subjunctive task follows, and it is not an
 * opportunity offered to beneficiaries or for a voluntary task, unless a sanction says it must be done.
 */
function gracePeriodForDuty(text: string, start: number): boolean {
  // What follows «فرصت دارند» up to the sentence's end.
  const clause = (text.slice(start).split(/[.؟!]/u)[0] ?? '').replace(/^\S+ \S+/u, '');
  const task = findVerbs(clause)[0];
  if (!task || (task.tense !== 'subjunctive' && task.tense !== 'imperative') || task.start > 160) return false;
  if (SANCTION.test(clause)) return true;
  const before = text.slice(Math.max(0, start - 140), start);
  return !BENEFICIARY.test(before) && !BENEFICIARY.test(clause.slice(0, 20)) && !VOLUNTARY_TASK.test(clause.slice(0, task.end));
}

export const CUE_RULES = [
  rule('must', 'باید / بایستی', 'obligation', 1.5, 'باید|بایستی|می بایست|میبایست|بایست', { traits: ['weak-obligation', 'weak-core'] }),
  rule('obliged', 'موظف / مکلف / ملزم', 'obligation', 2.5, `(?:موظف|مکلف|ملزم)(?:ند|اند| اند| هستند| است| شد| شدند| می شوند| خواهند بود)(?! به)|(?:موظف|مکلف|ملزم)(?= (?:تا|که|است|شد))|(?:موظف|مکلف|ملزم) (?:کرد|کردند|کرده است|کرده اند|نمود|نمودند|نموده است|شوند|شده اند|کند|کنند|نماید)|(?:را )?تکلیف (?:کرد|کردند|کرده است|کرده اند|نمود|نموده است)|تکلیف (?:شد|گردید|شده است)|مسئول(?:ند| است| هستند)(?= (?:تا |که )?[^.؟!]{0,160}?${SUBJUNCTIVE_VERB})`, { traits: ['strong-obligation', 'explicit-duty'] }),
  // «یک هفته مهلت داد تا …»، «تا ۲۰ تیر فرصت داده است تا …»: a deadline handed to someone who must act.
  rule('grace-given', 'مهلت / فرصت داد تا …', 'order', 2.5, `(?<!این )(?:مهلت|فرصت)(?! را)(?! (?:مناسب|مناسبی|خوب|خوبی|طلایی|بزرگ|ارزشمند|تازه|دوباره|بیشتری|کافی|لازم)(?![\\p{L}]))(?: [^.؟!،]{0,30}?)? (?:داد|دادند|دادیم|داده است|داده اند|داده ایم|داده شد|داده شده است|داده شده|می دهیم|می دهد)(?=\\s+(?:تا|که)(?![\\p{L}])|\\s*[.!»]*\\s*$| [^.؟!]{0,160}?${SUBJUNCTIVE_VERB})|مهلت [^.؟!،]{0,40}?به [^.؟!،]{1,60}? تعیین (?:شد|شده است|گردید)|(?:مهلت|فرصت) [^.؟!،]{0,30}?دادتا`, { traits: ['strong-obligation', 'nominal-obligation', 'explicit-duty'] }),
  // «ماده 6: … ظرف یک ماه اعلام می‌گردد»: a law or bylaw states duties in the indicative.
  rule('statute', 'متن ماده یا تبصره قانون', 'obligation', 2, '^\\s*(?:ماده|تبصره) ?\\d+|(?:ماده|تبصره)[^.:؟!]{0,40}? (?:آمده است|مقرر شده است|می گوید)\\s*:', { traits: ['strong-obligation', 'nominal-obligation'] }),
  // «واحدهای صنعتی تا پایان دی فرصت دارند نقایص … را رفع کنند»: a grace period for a duty binds; an
  // opportunity offered to applicants or beneficiaries («دانشجویان … فرصت دارند درخواست … ثبت کنند») does not.
  rule('grace-held', 'فرصت دارند … کنند (مهلت انجام تکلیف)', 'order', 2, '(?:فرصت|مهلت) (?:دارند|دارد|دارید)', { accept: gracePeriodForDuty, traits: ['strong-obligation'] }),
  rule('grace-extended', 'مهلت … تمدید شد', 'deadline', 1, 'مهلت[^.؟!]{0,80}? تمدید (?:شد|گردید|می شود|شده است)'),
  // «واکسیناسیون دام‌ها تا پایان دی‌ماه الزامی است»: the task is the noun before it, and it binds.
  rule('mandatory', 'الزامی / اجباری است', 'obligation', 2, '(?:الزامی|اجباری) (?:است|می باشد|خواهد بود)', { traits: ['strong-obligation', 'nominal-obligation'] }),
  rule('necessary', 'لازم / ضروری است', 'obligation', 1.5, '(?:لازم|ضروری) (?:است|می باشد|بوده و)|ضرورت دارد|الزام(?! ?(?:ی|آور))', { traits: ['weak-obligation', 'weak-core'] }),
  rule('ordered', 'دستور داد', 'order', 3, `دستور (?:داد|دادند|داده(?! می)|می دهم|می دهد|صادر کرد)|دستور داده شد|دستور [^.؟!]{0,40}? صادر (?:کرد|کردند|نمود|نمودند|نموده اند|شد|گردید)|ابلاغ (?:شد|گردید|کرد|کردند|کردیم|نمود|کرده است|کرده ایم|شده است)(?= (?:تا |که )?[^.؟!]{0,200}?${SUBJUNCTIVE_VERB})|اخطار (?:داد|دادند|کرد|کردند|داده است|داده ایم)`, { traits: ['strong-obligation', 'explicit-duty'] }),
  // A demand alone is not enough (citizens, MPs and foreign officials demand too): it needs an addressee or an official speaker.
  // «از … خواست»: the word first, then the look back for «از» (a look-behind first was tried at every position).
  rule('demanded', 'خواستار شد', 'order', 1.5, 'خواستار|درخواست (?:کرد|شد|می شود|می کنم|کردند|داریم)|خواهشمند است|خواست تا|خواست که|خواسته شده است|خواسته شده|خواسته شد|خواست(?<=(?:^|[\\s،])از (?:\\p{L}+ ){1,5}خواست)(?:ند|ه است|ه اند)?(?= )', { traits: ['weak-obligation', 'nominal-obligation', 'weak-core'] }),
  rule('decided', 'مقرر شد', 'decision', 3, 'مقرر (?:شد|گردید|شده|می شود)|تصویب شد|مصوب شد|تصمیم گرفته شد|(?:قرار|بنا) (?:شد|گردید)(?= (?:تا |که )?[^.؟!]{0,200}?(?<!می |نمی )(?:شود|شوند|گردد|باشد|گیرد|قرار گیرد|کنند|نمایند|دهند|کند|نماید|دهد)(?![\\p{L}]))', { traits: ['strong-obligation', 'explicit-duty'] }),
  rule('emphasised-on', 'تاکید بر اقدام', 'emphasis', 2, 'بر (?:لزوم|ضرورت|اقدام|تسریع|پیگیری|انجام|اجرای|تکمیل|رفع|تهیه|ارسال|ارائه|عدم|جلوگیری|برخورد|ممنوعیت|توقف)[^.؟!]{0,220}?تاکید (?:کرد|کردند|شد|دارد|داشت|می کنم)', { traits: ['weak-obligation', 'nominal-obligation'] }),
  rule('emphasised', 'تاکید کرد', 'emphasis', 1, 'تاکید (?:کرد|کردند|شد|دارد|داشت|می کنم|می شود)'),
  rule('act', 'اقدام کنند / نمایند', 'act', 1.5, 'اقدام (?:کنند|نمایند|کند|نماید|کنید|نمایید|شود|گردد|لازم)|اقدام فوری|اقدام عاجل|اقدامات لازم', { traits: ['bare-command'] }),
  rule('max-until', 'حداکثر تا', 'deadline', 2, 'حداکثر (?:تا|ظرف|طی)'),
  rule('within', 'ظرف مدت / در مدت', 'deadline', 2, 'ظرف مدت|در مدت|در ظرف|ظرف(?= (?:\\d|یک|دو|سه|چهار|پنج|شش|هفت|هشت|ده|پانزده|بیست|سی|چند))'),
  rule('during-coming', 'طی … آینده', 'deadline', 2, 'طی [^.؟!،]{1,25}? (?:آینده|آتی|پیش رو)'),
  rule('urgent', 'فوری / هرچه سریع‌تر', 'deadline', 1, 'هر ?چه سریع ?تر|در اسرع وقت|فورا|بلافاصله|به فوریت'),
  rule('grace', 'مهلت', 'deadline', 1.5, 'مهلت'),
  rule('until-end', 'تا پایان / تا تاریخ', 'deadline', 1, 'تا (?:پایان|آخر|انتهای|تاریخ|قبل از|پیش از)'),
  rule('policy-conditional', 'هر … که … خواهد', 'policy', 3, 'هر (?:استانی|استان|دستگاهی|دستگاه|واحدی|اداره ای|مدیری|سازمانی) که[^.؟!]{0,200}? خواهد', { traits: ['strong-obligation', 'nominal-obligation'] }),
  // Signs against: the sentence permits, reports the past, asks, or opines.
  rule('permission', 'اجازه، نه تکلیف (می‌تواند)', 'against', -2, 'قادر (?:است|هستند|خواهند بود|خواهد بود|باشند|بود|بودند)|امکان [^.؟!]{0,40}?فراهم (?:است|شد|شده است|خواهد بود|خواهد شد|می شود)|ن?می ?توان(?:ند|د|یم|ید|م)?|مجاز(?:ند| هستند| است)', { contentOnly: true }),
  rule('past-perfect', 'گزارش گذشته (… بود)', 'against', -3, '(?:کرده|داده|شده|گرفته|خواسته|بوده|موظف|مکلف) (?:بود|بودند|بودیم)|(?:باید|بایستی)[^.؟!]{0,80}?می (?:شد|کرد|کردند|کردیم|دادند|داد|دادیم|رفت|گرفت)|(?:مجبور|ناچار) (?:شد|شدند|بود|بودند|شده بود|شده بودند)|(?:فرصت|مهلت) (?:داشتند|داشت)(?![\\p{L}])', { contentOnly: true, traits: ['clause-scoped'], needs: / بود|می |مجبور|ناچار|فرصت|مهلت/u }),
  // Tried at every word, it scans up to 300 characters for a question mark: text without one skips it
  // (unpunctuated captions spent a sixth of their detection time here).
  rule('question', 'پرسش', 'against', -3, '[^.!]{0,300}[؟?]', { contentOnly: true, needs: /[؟?]/u }),
  rule('opinion', 'نظر و برداشت', 'against', -2, 'به نظر (?:من|می رسد|ما)|(?:فرصت|زمان) (?:خوبی|مناسبی) (?:است|بود)|(?:به اعتقاد|به عقیده|از نظر|از دید) (?:من|ما|بنده)|به نظرم|معتقد(?:م|یم|است|ند)?|معتقد هستم|اعتقاد (?:دارم|داریم|داشتم)|فکر می کنم|(?:را|که)(?: \\p{L}+){0,6} می دانم|انتظار می رود|امیدوار(?:یم|م|است)|امید است', { contentOnly: true, traits: ['clause-scoped', 'frames-what-follows'] }),
  // «باید گفت / باید دید / باید بدانیم»: the modal frames a remark or a belief, not a task.
  rule('hedge', 'باید گفت / باید دانست (نه کار)', 'against', -2, '(?:باید|بایستی) (?:گفت|بگویم|بگوییم|دید|ببینیم|پرسید|توجه داشت|اشاره کرد|اذعان کرد|پذیرفت|قبول کرد|بداند|بدانند|بدانیم|بدانید|دانست|باور کنیم|درک کند|درک کنند)', { contentOnly: true }),
  // «جامعه باید…»، «ما باید…»، «همه باید…»: an exhortation to everyone is nobody's task.
  rule('generic-subject', 'باید همگانی (جامعه، ما، همه)', 'against', -1.5, '(?:(?:جامعه|همه ما|ما|همگان|مردم|ملت|انسان|هر مسلمانی|هر کس|هر فردی|ملت ها)(?: \\p{L}+){0,3}?|همه) (?:باید|بایستی|نباید|لازم است)', { contentOnly: true }),
  rule('advice', 'توصیه به مردم، نه تکلیف', 'against', -1.5, 'توصیه (?:می شود|می کنم|می کند|می کنند|کرد|کردند|کرده است)|از (?:شهروندان|مردم|هموطنان|خانواده ها|مسافران|رانندگان|هواداران|عموم)', { contentOnly: true }),
  rule('invitation', 'دعوت، نه تکلیف', 'against', -1.5, 'دعوت (?:می شود|کرد|کردند|به عمل آمد)', { contentOnly: true }),
  // «این خبر را تکذیب کرد که مدارس موظف شده‌اند …»: a denial or a rumour reports no task.
  rule('denial', 'تکذیب یا شایعه', 'against', -3, 'تکذیب (?:کرد|کردند|شد|می کند|کرده است|نمود)|صحت ندارد|کذب (?:است|محض)|شایعه', { contentOnly: true }),
  // «طی مذاکره‌ای که با مدیر پخش داشتم مقرر شد …»: an arrangement between two parties, nobody's task.
  rule('arrangement', 'توافق میان دو طرف (مذاکره، رایزنی)', 'against', -2, '(?:در|طبق|براساس|بر اساس) قرارداد (?:منعقد ?شده|امضا ?شده)? ?(?:میان|بین)|(?:مذاکره|مذاکرات|رایزنی)[^.؟!]{0,100}? (?:مقرر|قرار) (?:شد|گردید|شده)|که با [^.؟!]{1,80}? (?:داشتیم|داشتم|داشتند|انجام شد|انجام دادیم)\\s*،?\\s*(?:مقرر|قرار) (?:شد|گردید|شده)', { contentOnly: true }),
  // «خواستار گسترش ارتباطات و تعمیق مناسبات شد»، «از مسئولان خواست … همکاری لازم را داشته باشند»: a wish or an appeal to cooperate.
  rule('appeal', 'آرزوی توسعه یا درخواست همکاری، نه کار مشخص', 'against', -2, 'خواستار (?:گسترش|توسعه|تعمیق|تقویت|ارتقای|ارتقا|بهبود|تحکیم)|(?<!با )(?:همکاری|همکاری های|تعامل|مشارکت)(?: لازم| های لازم)?(?: را)?(?: با [^.؟!]{0,50}?)? (?:داشته باشند|داشته باشد|کنند|نمایند)(?=\\s*[.!»]*\\s*$)', { contentOnly: true }),
  // «از شهروندان خواست تا پایان هفته از سفر پرهیز کنند»: a request to the public, nobody's task.
  rule('public-request', 'درخواست از عموم مردم، نه تکلیف', 'against', -2, 'از (?:شهروندان|مردم|هموطنان|عموم|همشهریان|مسافران|رانندگان|مشترکان|مصرف کنندگان|والدین|خانواده ها|زائران|گردشگران|کشاورزان|باغداران|دامداران|صیادان|اولیا|اولیای|ساکنان|ساکنین)(?: \\p{L}+){0,3} (?:خواست|خواستند|درخواست کرد|درخواست کردند|تقاضا کرد|خواسته است|درخواست می شود|می خواهیم|تقاضا داریم)', { contentOnly: true }),
  rule('history', 'سابقه و گذشته', 'against', -1.5, 'سال های گذشته|سال گذشته|پارسال|سال قبل|در گذشته|پیش از این|قبلا|(?:\\d+|یک|دو|سه|چند) (?:روز|هفته|ماه|سال) (?:قبل|پیش|گذشته)', { contentOnly: true }),
  rule('general-duty', 'تکلیف عام قانونی', 'against', -2, '(?:طبق|بر اساس|براساس|مطابق) (?:این )?(?:قانون|آیین نامه|مقررات|مصوبه|تفاهم نامه)|قانونا|وظیفه (?:ذاتی|قانونی)|این قانون', { contentOnly: true }),
  rule('duty-of', 'موظف به … هستند (شرح وظیفه)', 'obligation', 1.5, '(?:موظف|مکلف|ملزم) به', { traits: ['strong-obligation', 'nominal-obligation'] }),
  // «مدیران … روابط عمومی‌ها را تقویت کنند.»: a subjunctive third person plural ending the speaker's words, not «می‌کنند».
  rule('imperative', 'فعل امری (… کنند / نمایند)', 'act', 1.5, '(?!(?:می|نمی) )\\p{L}+ (?:کنند|نمایند|دهند)(?=\\s*[.!»]*\\s*$| و )', { contentOnly: true, accept: commandNotSubordinate, traits: ['bare-command', 'weak-core'] }),
  // «برای شرکت در مسابقه باید … بنویسید و تا پایان اردیبهشت پست کنید»: the rules of a call, addressed to its entrants.
  rule('you-must', 'باید … کنید (شرط فراخوان)', 'act', 1, '(?:باید|بایستی)[^.؟!]{0,160}?(?<!(?:می|نمی) )(?:کنید|نمایید|دهید|بفرستید|بنویسید|بسپارید)(?=\\s*[.!»]*\\s*$)', { traits: ['weak-obligation'], needs: /کنید|نمایید|دهید|بفرستید|بنویسید|بسپارید/u }),
  // «مهلت ۴۵ روزه شهردار برای ترمیم …»: a headline without a verb announcing a deadline given.
  rule('grace-headline', 'مهلت N روزه … برای (تیتر)', 'order', 2, '^\\s*مهلت (?:[\\d]+|یک|دو|سه|چهار|پنج|شش|هفت|ده|پانزده|بیست|سی|چهل|چهل و پنج) ?(?:روزه|ماهه|هفته ای|ساعته)(?: \\p{L}+){1,4} (?:برای|به)', { traits: ['strong-obligation', 'nominal-obligation'] }),
  rule('forbidden', 'ممنوع / حق ندارند', 'obligation', 2, 'حق ندارند|حق ندارد|مجاز نیستند|مجاز نیست|ممنوع (?:است|می باشد|شد|شده است)', { traits: ['strong-obligation', 'explicit-duty'] }),
  rule('passive-action', 'باید … شود (دستور مجهول)', 'act', 1, '(?:باید|بایستی|لازم است|ضروری است)(?:\\s+(?!تا |که )[^\\s.؟!،]+){1,8}?\\s+(?:شود|شوند|گردد|گیرد|گیرند)(?=\\s*(?:[.،؛!]|و |تا |$))', { traits: ['weak-obligation', 'weak-core'] }),
  rule('we-must', 'باید … کنیم (اندرز جمعی)', 'against', -0.5, '(?:باید|بایستی)[^.؟!]{0,100}?(?:ب\\p{L}{2,}یم|کنیم|دهیم|باشیم|نماییم|شویم|داریم)(?![\\p{L}])', { contentOnly: true, needs: /یم(?!\p{L})/u }),
  rule('conditional', 'شرطی (اگر / در صورت)', 'against', -1, 'اگر|چنانچه|در صورتی که|در صورت|مشروط به|بخواهند|بخواهد', { contentOnly: true }),
  rule('proposal', 'پیشنهاد، نه تکلیف', 'against', -1.5, 'مثلا|پیشنهاد (?:می کنم|می شود|ما)', { contentOnly: true }),
  rule('past-ending', 'گزارش رویداد گذشته', 'against', -1.5, '(?:داشت|داشتند|بود|بودند|شد|شدند|رسید|رسیدند|یافت|آمد|ماند|کردند)(?=\\s*[.!»]*\\s*$)', { contentOnly: true, traits: ['clause-scoped', 'tense'] }),
  rule('negated-need', 'نیاز نیست', 'against', -2, 'نیازی نیست|لازم نیست|ضرورتی ندارد|نباید نگران', { contentOnly: true }),
  // The date belongs to a plan or forecast of the speaker's side, not to a task for someone else.
  rule('future-plan', 'برنامه یا پیش‌بینی (… خواهد شد، قرار است)', 'against', -2, '(?:خواهد|خواهند|خواهیم|خواهم|نخواهد|نخواهند)(?= \\p{L})(?! بود)|قرار است|قرار هست|پیش بینی می شود|در نظر (?:است|داریم)|تعهد (?:داد|دادند|کرد|کردند)|مصمم (?:است|هستند|هستیم)|(?:قصد|تصمیم) (?:دارد|دارند|داریم)|درصدد|در صدد', { contentOnly: true, traits: ['clause-scoped', 'tense'] }),
  // The date is when something takes place: an event, an opening, a validity.
  rule('event', 'رویداد و اعلام برنامه (برگزار می‌شود، دایر است)', 'against', -2, 'برگزار (?:می شود|می گردد|می شوند|شد|گردید|می کنند|می کند)|دایر (?:است|می باشد|خواهد بود)|برقرار (?:است|می باشد)|ادامه (?:دارد|می یابد|خواهد داشت)|آغاز (?:می شود|شد|می کند|شده است)|به کار خود پایان|افتتاح (?:می شود|شد|گردید)|اعتبار دارد|روی آنتن|اکران (?:می شود|شد)', { contentOnly: true, traits: ['clause-scoped', 'tense'] }),
  // «تا ۲۲ خرداد فرصت دارند»: an opportunity, not a duty.
  rule('opportunity', 'فرصت دارند (فرصت، نه تکلیف)', 'against', -1.5, '(?:فرصت|مهلت) (?:دارند|دارد|دارید|داریم)', { contentOnly: true }),
  // «تا پایان برنامه باید به ۸ درصد کاهش یابد»: a target figure, nobody's task.
  rule('target', 'هدف کمّی (… باید به X برسد / کاهش یابد)', 'against', -1.5, '(?:کاهش|افزایش|رشد) (?:یابد|پیدا کند|یافته باشد)|(?:به|از) [\\d./]+(?: \\p{L}+){0,3} (?:برسد|برسیم|برسانیم)(?![\\p{L}])', { contentOnly: true }),
  // «باید ۱۰۰ میلیارد دلار سرمایه‌گذاری شود»، «باید ۱۲۰ ایستگاه داشته باشیم»: an amount to reach, not a task.
  rule('quantity-target', 'هدف کمّی (باید N هزار / میلیون / درصد …)', 'against', -1.5, '(?:باید|بایستی|مقرر شده)(?: (?:تا|در|طی|ظرف) [^.؟!]{0,30}?)?(?: (?:حدود|بیش از|سالانه|هر سال|حداقل))? (?<!سال )[\\d./]+(?! ?(?:روز|روزه|هفته|ماه|ماهه|سال|ساله|ساعت)(?![\\p{L}])) (?:هزار|میلیون|میلیارد|درصد)?(?: ?\\p{L}+){0,4} (?:شود|شوند|گردد|داشته باشیم|داشته باشد|بسازیم|برسد|برسیم|ایجاد|سرمایه گذاری|ساخته|تامین|وارد|احداث|خارج)', { contentOnly: true }),
  // «ظرف ۲۰ سال آینده»، «تا پایان برنامه چهارم»، «در افق ۱۴۰۴»: a horizon of years belongs to a plan or a forecast.
  rule('long-horizon', 'افق چندساله (برنامه یا پیش‌بینی)', 'against', -1.5, '(?:ظرف|طی|در|(?<!\\d )تا) ?(?:[\\d]+|دو|سه|چهار|پنج|شش|هفت|هشت|ده|پانزده|بیست|چند) ?سال(?: آینده| آتی| دیگر)?|(?:تا|ظرف) (?:پایان )?برنامه (?:چهارم|پنجم|ششم|هفتم|سوم)|در افق|تا سال [\\d]{2,4}', { contentOnly: true }),
  // «براساس این طرح که در حال تدوین است … موظف می‌شوند»: a draft bill proposes, it does not order yet.
  rule('draft', 'طرح یا لایحه پیشنهادی (هنوز تصویب نشده)', 'against', -2.5, '(?:براساس|بر اساس|طبق|مطابق|در ماده [\\d]+) (?:این )?(?:طرح|لایحه|پیش نویس)(?! (?:ترافیک|جامع))|(?:طرح|لایحه|پیش نویس)[^.؟!]{0,60}?(?:در حال تدوین|در دست تدوین|در دست بررسی|به مجلس|تقدیم|در صورت تصویب)|در صورت تصویب|طرح نمایندگان|(?:براساس|بر اساس|طبق|مطابق) [^.،:؟!]{0,30}?(?:لایحه|پیش نویس)|پیش نویس', { contentOnly: true }),
  // A sentence that ends in the present indicative («… توزیع می‌شود.») reports or announces.
  rule('present-ending', 'گزارش یا اعلام (… می‌شود)', 'against', -1, '(?:می|نمی) (?:شود|شوند|گردد|گردند|کند|کنند|دهد|دهند|یابد|رسد|پردازد|پردازند|نماید|نمایند|گیرد|گیرند)(?=\\s*[.!»]*\\s*$)', { contentOnly: true, traits: ['clause-scoped', 'tense'] }),
] as const;

/** Extra cue ids added by the extractor rather than by a text pattern. */
export const DERIVED_CUES = {
  datedObligation: { id: 'dated-obligation', label: 'تکلیف با مهلت برای مسئولی مشخص', weight: 1 },
  deadlineResolved: { id: 'deadline-resolved', label: 'مهلت به تاریخ تبدیل شد', weight: 0.5 },
  assignee: { id: 'assignee-unit', label: 'واحد مسئول نام برده شده', weight: 1 },
  legalRef: { id: 'legal-ref', label: 'ارجاع به ماده یا بند قانونی', weight: 1.5 },
  officialSpeaker: { id: 'official-speaker', label: 'گوینده صاحب‌منصب (استاندار، مدیرکل، …)', weight: 0.5 },
  noAuthority: { id: 'no-authority', label: 'گوینده بدون اختیار (مردم، نماینده، روحانی، کارشناس، خارجی)', weight: -2 },
  noAddressee: { id: 'no-addressee', label: 'بدون مخاطب مشخص برای انجام کار', weight: -1.5 },
  pastYear: { id: 'past-year', label: 'سالی گذشته نام برده شده (گزارش گذشته)', weight: -2 },
  foreignActor: { id: 'foreign-actor', label: 'مکلف خارجی (دولت یا مقام کشوری دیگر)', weight: -2 },
} as const;

/** Every cue id a text rule or the extractor can fire: a typo in a comparison is a compile error. */
export type CueId = (typeof CUE_RULES)[number]['id'] | (typeof DERIVED_CUES)[keyof typeof DERIVED_CUES]['id'];

/**
 * The ids of the cues with a trait, read from the table.
 *
 * @example
 * cuesWith('explicit-duty').has('obliged') // true
 */
export function cuesWith(trait: CueTrait): ReadonlySet<CueId> {
  return new Set(CUE_RULES.filter((r) => (r.traits as readonly CueTrait[]).includes(trait)).map((r) => r.id));
}

const EXPLICIT_DUTY = cuesWith('explicit-duty');
/** Signs that only speak for their own clause («آغاز می‌شود»، «خواهد شد»، «تا پایان امسال» is scoped by group). */
const CLAUSE_SCOPED = cuesWith('clause-scoped');
/** An opinion frames what follows it («… معتقد است … و … باید …»): only one after the clause is another clause's. */
const FRAMES_WHAT_FOLLOWS = cuesWith('frames-what-follows');
const TENSE = cuesWith('tense');

/**
 * The patterns as findCues runs them. A pattern that opens with a word («باید»، «(?:مقرر|تصویب) …»)
 * runs without its look-behind «no letter or digit before», checked where it matched (word-start.ts;
 * measured 2–5 × faster on real sentences). A pattern that opens with a class or a look-ahead
 * («\\p{L}+ کنند»، «[^.!]{0,300}[؟?]») keeps its look-behind: without it, it would try every letter of a word.
 */
const SCANS: ReadonlyArray<{ rule: (typeof CUE_RULES)[number]; pattern: RegExp; boundary: boolean }> = CUE_RULES.map((rule) => {
  const source = rule.pattern.source;
  const body = source.slice(B.length);
  const opensWithWord = source.startsWith(`${B}(?:`) && !/^\(\?:(?:\(\?[!=<]|\[|\\[pPsSdDwW]|\^|\.)/u.test(body);
  return opensWithWord ? { rule, pattern: new RegExp(body, rule.pattern.flags), boundary: true } : { rule, pattern: rule.pattern, boundary: false };
});

/**
 * Find the cues in a normalised sentence. `contentFrom` marks where the speaker's own words
 * begin (after «… گفت:»); rules marked contentOnly only count there. With `clause` (the obligation's
 * clause, see clause.ts), deadlines and the tense signs only count inside it.
 *
 * @example
 * findCues('استان ها موظفند حداکثر تا 30 آبان اقدام کنند').map((c) => c.id) // ['obliged', 'act', 'max-until', …]
 */
export function findCues(normalized: string, contentFrom = 0, clause?: { start: number; end: number }): CueHit[] {
  const hits: CueHit[] = [];
  for (const { rule: r, pattern: re, boundary } of SCANS) {
    if (r.needs && !r.needs.test(normalized)) continue;
    const scoped = clause !== undefined && (r.group === 'deadline' || CLAUSE_SCOPED.has(r.id));
    re.lastIndex = 0;
    // No closure for the next match: one made per rule and sentence cost more than the matching (tsx names each).
    for (let m = boundary ? execAtWordStart(re, normalized) : re.exec(normalized); m !== null; m = boundary ? execAtWordStart(re, normalized) : re.exec(normalized)) {
      const start = m.index;
      if (r.contentOnly && start + m[0].length <= contentFrom) continue;
      if (r.accept && !r.accept(normalized, start)) continue;
      if (scoped && ((start < clause.start && !FRAMES_WHAT_FOLLOWS.has(r.id)) || start >= clause.end)) continue;
      hits.push({ id: r.id, label: r.label, group: r.group, weight: r.weight, start, end: start + m[0].length });
      break;
    }
  }
  // «تاکید بر اقدام» already counts the emphasis; «حداکثر تا» already counts «تا پایان».
  const ids = new Set(hits.map((h) => h.id));
  // A reported order, decision or demand is itself in the past tense («دستور داد»، «مقرر شد»).
  const reportedAct = hits.some((h) => h.group === 'order' || h.group === 'decision' || h.group === 'emphasis');
  // An explicit duty outweighs the tense around it: «… موظف است … وگرنه … اجرا خواهد شد»،
  // «مکلف شد … تا پایان سال … کند» are not plans or announcements.
  const binding = hits.some((h) => EXPLICIT_DUTY.has(h.id) || h.id === 'statute');
  return hits.filter(
    (h) =>
      !(h.id === 'emphasised' && ids.has('emphasised-on')) &&
      !(h.id === 'within' && ids.has('max-until')) &&
      !(h.id === 'during-coming' && ids.has('max-until')) &&
      !(h.id === 'passive-action' && ids.has('we-must')) &&
      !(h.id === 'past-ending' && reportedAct) &&
      !(binding && TENSE.has(h.id)) &&
      // «وزارت … موظف شد حداکثر تا پایان سال دوم برنامه … اقدام کند» is a dated duty, not a forecast.
      !(binding && h.id === 'long-horizon') &&
      !(h.id === 'present-ending' && ids.has('event')) &&
      !(h.id === 'opportunity' && ids.has('grace-held')) &&
      // An article's own duty («تبصره 1- سازمان … مکلف است …») is judged by that duty; the article only frames it.
      !(h.id === 'statute' && hits.some((o) => EXPLICIT_DUTY.has(o.id) || o.id === 'duty-of')),
  );
}

/** «<reporting verb>:» ending an attribution; compiled once (it was compiled for every sentence). */
const ATTRIBUTION_END = new RegExp(`${B}(?:${REPORTING_VERBS})\\s*[:،؛,]\\s*`, 'gu');

/**
 * Where the speaker's words begin: just after the last «<reporting verb>:» or «<reporting verb>،»
 * in the sentence, else 0.
 *
 * @example
 * contentStart('وی گفت: باید اقدام کنند') // 8
 */
export function contentStart(normalized: string): number {
  let from = 0;
  for (const m of normalized.matchAll(ATTRIBUTION_END)) from = (m.index ?? 0) + m[0].length;
  return from;
}
