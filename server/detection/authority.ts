/**
 * @module Who speaks and who must act: whether a sentence's speaker (or the subject of a
 * reported demand) holds an office that can instruct, or is a citizen, cleric, member of
 * parliament, expert or foreign voice whose «باید / خواستار» is a demand, not a directive;
 * and whether the speaker's words name an actor (a unit, officials, a body) that must act.
 * Patterns run on text from normalizePersian (ZWNJ as space).
 */
import type { CueHit } from './cues';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const words = (body: string): RegExp => new RegExp(`${B}(?:${body})${E}`, 'u');
/** Also with the ezafe «ی» after a plural («واحدهای صنفی»، «دستگاه های اجرایی»). */
const plurals = (body: string): RegExp => new RegExp(`${B}(?:${body})(?:(?<=ها)ی)?${E}`, 'u');

/** Offices that can give instructions to the units under them, and bodies whose decisions bind. */
const OFFICIAL = words(
  'استاندار|فرماندار|بخشدار|شهردار|وزیر|معاون (?:وزیر|استاندار|فرماندار|سازمان|ر(?:ئ|ی)یس جمهور|اول)|معاون|مدیرکل|مدیر کل|مدیرعامل|ر(?:ئ|ی)یس (?:سازمان|اداره|دانشگاه|مجلس|قوه|ستاد|پلیس|کل|دادگستری|جمهور|شورای)|ر(?:ئ|ی)یس جمهور|دادستان|فرمانده|سرپرست|ستاد|شورای (?:عالی|تامین|اداری|برنامه ریزی)|هیات دولت|هیئت دولت|هیات وزیران|بانک مرکزی|نماینده عالی دولت|بخشنامه|اطلاعیه|ابلاغیه|دستورالعمل|آیین نامه|مصوبه',
);
/**
 * Voices without authority over the addressee: citizens, members of parliament or a council
 * speaking for themselves, clerics, experts, players, foreign officials and states.
 */
const NO_AUTHORITY = words(
  'مردم|ساکنان|ائمه جمعه|شهروندان|اهالی|هموطنان|کارشناس|کارشناسان|استاد دانشگاه|پژوهشگر|نماینده مردم|نماینده مجلس|نمایندگان|نماینده ولی فقیه|نماینده مقام معظم رهبری|عضو (?:کمیسیون|کمیته|شورای|هیات|هیئت|مجلس)|انجمن صنفی|معترض|معترضان|تجمع کنندگان|والدین|امام جمعه|خطیب|حجت الاسلام|حجت الاسلام و المسلمین|آیت الله|فعال|فعالان|هواداران|دانشجویان|تشکل|تشکل های|خانواده ها|کاندیدا|نامزد|سرمربی|بازیکن|مربی|هنرمندان|چهره ها|آمریکا|آمریکایی|روسیه|انگلیس|فرانسه|اروپا|اتحادیه اروپا|سازمان ملل|صهیونیستی|عربستان|سعودی|ترکیه|ژاپن|چین|پاکستان|عراق|سوریه|لبنان|افغانستان|اسپانیا|آلمان|پنتاگون|کرملین|ترامپ|پامپئو|نتانیاهو',
);
/** Actors that can be told to act: units, officials, bodies, or named groups under an authority. */
const ACTOR = plurals(
  'استان ها|استانداری|استانداری ها|فرمانداری|فرمانداری ها|بخشداران|دهیاران|دهیاری|شهرداری|شهرداری ها|شهرداران|مدیران|مدیران کل|مسئولان|مسوولان|مسئولین|ادارات|اداره|اداره کل|دستگاه|دستگاه ها|دستگاه های اجرایی|سازمان|سازمان ها|وزارت|وزارتخانه|وزارتخانه ها|شورا|کمیته|کارگروه|ستاد|واحد|واحدها|مدارس|دانشگاه|دانشگاه ها|پلیس|ماموران|شرکت|شرکت ها|بانک|بانک ها|هیات|هیئت|نهاد|نهادها|پرسنل|کارکنان|نمایندگان|باشگاه|باشگاه ها|بیمارستان ها|سپاه|بسیج|آموزش و پرورش|پیمانکار|پیمانکاران|بهره برداران|متولیان|دولت|وزیر|فدراسیون|داوطلبان|داوطلبانی|متقاضیان|متقاضیانی|مالکان|صاحبان|متصدیان|دارندگان|مشمولان|شرکت کنندگان|تیم ها|اصناف|واحدهای صنفی|تولیدکنندگان',
);

export interface Authority {
  official: boolean;
  noAuthority: boolean;
  /** A parliamentary committee's officer: no authority to instruct the government, but the committee's own decisions bind. */
  committee?: boolean;
}

/** «نایب رئیس کمیسیون برنامه و بودجه مجلس»، «سخنگوی کمیسیون تلفیق مجلس». */
const PARLIAMENT_COMMITTEE = new RegExp(`${B}(?:نایب ر(?:ئ|ی)یس|سخنگوی|ر(?:ئ|ی)یس|دبیر) (?:کمیسیون|فراکسیون)(?=[^،:]{0,40}مجلس)`, 'u');

/**
 * Bodies that speak for their members, not over the addressee: chambers, unions, syndicates,
 * associations, economists, workers. Judged in the title only («رئیس اتاق بازرگانی استان»), since
 * the same words are often the addressee later in the sentence.
 */
const INTEREST_GROUP = words('اقتصاددان|اقتصاددانان|اتاق بازرگانی|اتحادیه|سندیکا|سندیکای|کانون|انجمن|کارگران|صاحبان|فعالان');

/** «به گزارش خبرگزاری فارس از اردبیل،» names the reporter, not the speaker. */
const REPORT_PREFIX = /^\s*(?:به گزارش|به نقل از)[^،:]{0,120}[،:]\s*/u;

const TITLE_END = /(?<![\p{L}])(?:با|در|ضمن|که|از|امروز|امشب|صبح|عصر|ظهر|نیز|همچنین)(?![\p{L}])|[،:]/u;

function firstIndex(re: RegExp, text: string): number {
  const m = re.exec(text);
  return m ? m.index : -1;
}

/**
 * Judge the speaker part of a sentence: the attribution before «… گفت:», or, without one,
 * the words before the first cue (the subject of «… خواستار شد»، «… از … خواست»).
 * The title (up to the first «با / در / ، …») decides, a voice without authority winning
 * inside it («رئیس شورای سیاست‌گذاری ائمه جمعه»); otherwise whichever voice is named first
 * in the head wins («استاندار گیلان با تاکید بر اینکه مردم …» is the governor speaking).
 *
 * @example
 * judgeSpeaker('ساکنان خیابان صیاد شیرازی') // { official: false, noAuthority: true }
 * judgeSpeaker('استاندار گیلان با تاکید بر اینکه') // { official: true, noAuthority: false }
 */
export function judgeSpeaker(speakerPart: string): Authority {
  const head = speakerPart.replace(REPORT_PREFIX, '').slice(0, 90);
  // The title runs to the first preposition or clause: «رئیس‌جمهور آمریکا در توئیتر …».
  const title = head.split(TITLE_END)[0] ?? head;
  if (PARLIAMENT_COMMITTEE.test(head.slice(0, 60))) return { official: false, noAuthority: true, committee: true };
  if (NO_AUTHORITY.test(title) || INTEREST_GROUP.test(title)) return { official: false, noAuthority: true };
  if (OFFICIAL.test(title)) return { official: true, noAuthority: false };
  const o = firstIndex(OFFICIAL, head);
  const x = firstIndex(NO_AUTHORITY, head);
  if (o < 0 && x < 0) return { official: false, noAuthority: false };
  if (x < 0 || (o >= 0 && o < x)) return { official: true, noAuthority: false };
  return { official: false, noAuthority: true };
}

/**
 * Whether the speaker's words name someone who must act.
 *
 * @example
 * namesActor('مدیران کل دستگاه ها روابط عمومی ها را تقویت کنند') // true
 * namesActor('باید به این نکته توجه کرد') // false
 */
export function namesActor(content: string): boolean {
  return ACTOR.test(content);
}

/**
 * The first actor the speaker's words name, or null.
 *
 * @example
 * findActor('بخشداران و دهیاران ظرف 20 روز اسامی را تهیه کنند') // 'بخشداران'
 */
export function findActor(content: string): string | null {
  return ACTOR.exec(content)?.[0] ?? ALL_OF.exec(content)?.[0] ?? null;
}

/** «کلیه فعالان اقتصادی»، «تمامی واحدهای صنفی»: everyone of a named group is an actor too. */
const ALL_OF = /(?<![\p{L}])(?:کلیه|تمامی|تمام|همه) (?!ما(?![\p{L}])|مردم)\p{L}+(?:ها|های|ان|ین)(?![\p{L}])/u;

/**
 * The voices of a sentence with cues: the speaker (the attribution before «… گفت:», or the words
 * before the first cue) and, for a demand after the attribution («… ۵۰ نماینده مجلس خواستار … شدند»),
 * the demand's own subject. A parliamentary committee cannot instruct the government, but its own
 * decisions («مقرر شد») bind.
 *
 * @example
 * judgeVoices('استاندار گفت: مدیران موظفند گزارش دهند', 13, findCues(text, 13)) // { official: true, noAuthority: false }
 */
export function judgeVoices(text: string, contentFrom: number, cues: readonly CueHit[]): Authority {
  const firstCue = Math.min(...cues.filter((c) => c.weight > 0).map((c) => c.start));
  const speaker = judgeSpeaker(contentFrom > 0 ? text.slice(0, contentFrom) : text.slice(0, firstCue));
  const demand = cues.find((c) => c.id === 'demanded');
  const demandVoice = demand && contentFrom > 0 && demand.start > contentFrom ? judgeSpeaker(text.slice(contentFrom, demand.start)) : null;
  const committeeDecides = speaker.committee === true && cues.some((c) => c.id === 'decided');
  const noAuthority = (speaker.noAuthority && !committeeDecides) || demandVoice?.noAuthority === true;
  return { official: speaker.official && !noAuthority, noAuthority };
}
