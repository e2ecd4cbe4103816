/**
 * @module Light Persian stemmer: Lucene's suffix rules (یی، ی first, then ات، ان، ترین، تر، ها,
 * each at most once) keeping at least three letters, and never touching protected names
 * (provinces, people, organisations), place names in ستان or loanwords in تر (فیلتر).
 */
import { normalizePersian } from './normalize';

/**
 * Lucene PersianStemmer's suffixes, but یی/ی tried first: the indefinite or ezafe ی is written after
 * a plural or comparative (جانوران‌ی، بیشتر‌ی), and Lucene's order (ات، ان، ترین، تر، یی، ی، ها) left
 * جانورانی as جانوران while جانوران gave جانور. Measured 2026-12-06 on the tuning sets
 * (docs/benchmarks.md): ParsiNLU dev MRR@10 0.920 → 0.926, train 0.801 → 0.804, Hamshahri tuning
 * half 0.832 → 0.831, known-item unchanged.
 */
const SUFFIXES = ['یی', 'ی', 'ات', 'ان', 'ترین', 'تر', 'ها'] as const;

/**
 * Words whose تر is not the comparative (loanwords and a few Persian nouns of 5+ letters; shorter
 * ones, دفتر، دختر، لیتر، are kept whole by the three-letter minimum): stripping it made فیلتر an
 * elephant (فیل) and توییتر توی.
 */
export const WORDS_ENDING_IN_TAR: readonly string[] = [
  'فیلتر', 'توییتر', 'توئیتر', 'کامپیوتر', 'کیلومتر', 'سانتیمتر', 'میلیمتر', 'کبوتر', 'انگشتر', 'تئاتر',
  'پوستر', 'میلیلیتر', 'هلیکوپتر', 'کاراکتر', 'خاکستر', 'اسکوتر', 'ژوپیتر', 'پیتر', 'اختر', 'سنتر', 'کنتر',
  'راکتر', 'تاتر', 'شلتر', 'مانیتر', 'اکتر',
];

/** The 31 provinces (each word of compound names) and their centres. */
export const PROVINCE_NAMES: readonly string[] = [
  'آذربایجان', 'شرقی', 'غربی', 'اردبیل', 'اصفهان', 'البرز', 'ایلام', 'بوشهر', 'تهران',
  'چهارمحال', 'بختیاری', 'خراسان', 'جنوبی', 'رضوی', 'شمالی', 'خوزستان', 'زنجان', 'سمنان',
  'سیستان', 'بلوچستان', 'فارس', 'قزوین', 'قم', 'کردستان', 'کرمان', 'کرمانشاه', 'کهگیلویه',
  'بویراحمد', 'گلستان', 'گیلان', 'لرستان', 'مازندران', 'مرکزی', 'هرمزگان', 'همدان', 'یزد',
  'تبریز', 'ارومیه', 'کرج', 'شیراز', 'مشهد', 'بیرجند', 'بجنورد', 'اهواز', 'زاهدان',
  'سنندج', 'رشت', 'خرم آباد', 'ساری', 'بندرعباس', 'اراک', 'یاسوج', 'شهرکرد', 'گرگان',
  'ایران', 'ایرانی',
];

/** People and organisations the product is about, plus common Persian given names. */
export const PERSON_AND_ORGANISATION_NAMES: readonly string[] = [
  'فیروزی', 'علی', 'حسین', 'حسن', 'رضا', 'مهدی', 'مرتضی', 'مصطفی', 'عیسی', 'موسی', 'یحیی',
  'هادی', 'تقی', 'نقی', 'مجتبی', 'سازمان', 'فنی', 'حرفه', 'حرفه ای', 'مجلس', 'دولت',
];

/** Common words in ان/ات/ی that are not plurals or adjectives; stripping them merges unrelated words. */
export const COMMON_UNSTEMMED_WORDS: readonly string[] = [
  'استان', 'زمان', 'میزان', 'امکان', 'پایان', 'جریان', 'بنیان', 'درمان', 'ساختمان', 'ایمان',
  'قهرمان', 'فرمان', 'خیابان', 'آسمان', 'زبان', 'گمان', 'بیان', 'نشان', 'جوان', 'روان',
  'مسلمان', 'پیمان', 'کاروان', 'دیوان', 'دامان', 'سامان', 'سلطان', 'عنوان', 'قربان', 'ارمغان',
  'بحران', 'جبران', 'عمران', 'دوران', 'تابان', 'میهمان', 'مهمان', 'باران', 'بازی', 'کشتی',
  'اداری', 'ثبات', 'حیات', 'زکات', 'نجات', 'صفات', 'ملاقات', 'تهدید',
];

/** Protected by default: never stemmed. */
export const DEFAULT_PROTECTED_WORDS: readonly string[] = [
  ...PROVINCE_NAMES,
  ...PERSON_AND_ORGANISATION_NAMES,
  ...COMMON_UNSTEMMED_WORDS,
];

export interface StemmerOptions {
  /** Words left as they are (any spelling: they are normalised). */
  protectedWords?: readonly string[];
  /** Letters that must remain after stripping a suffix. */
  minLength?: number;
}

export type Stemmer = (word: string) => string;

/**
 * Build a stemmer for normalised words (spaces removed from protected compounds).
 *
 * @example
 * const stem = createStemmer(); stem('کتابهای') // 'کتاب'; stem('تهران') // 'تهران'
 */
export function createStemmer(options: StemmerOptions = {}): Stemmer {
  const minLength = options.minLength ?? 3;
  const protectedSet = new Set(
    (options.protectedWords ?? DEFAULT_PROTECTED_WORDS).map((w) => normalizePersian(w).replace(/ /g, '')),
  );
  return (word: string): string => {
    if (protectedSet.has(word) || word.endsWith('ستان')) return word;
    let stem = word;
    for (const suffix of SUFFIXES) {
      if (stem.length >= suffix.length + minLength && stem.endsWith(suffix)) {
        if (suffix === 'تر' && tarWords.has(stem)) continue;
        stem = stem.slice(0, -suffix.length);
        // ی is stripped first now, so a protected name or a ستان place may appear only after it (خوزستانی).
        if (protectedSet.has(stem) || stem.endsWith('ستان')) return stem;
      }
    }
    return stem;
  };
}

const tarWords = new Set(WORDS_ENDING_IN_TAR);

const defaultStemmer = createStemmer();

/**
 * The default stemmer without the cache: for strings met once (a query word's ≈ 800 typo candidates),
 * where filling the cache costs more than stemming and pushes out the words that come again.
 */
export const stemPersianOnce: Stemmer = (word) => defaultStemmer(word);

/** Words held by stemPersian's cache (a test reads it: typo candidates must not fill it). */
export const stemCacheSize = (): number => stemCache.size;
const stemCache = new Map<string, string>();
/** Words remembered by the default stemmer (Persian vocabularies are a few hundred thousand words). */
const STEM_CACHE_LIMIT = 500_000;

/**
 * The default stemmer (protected names as above), memoised: indexing and highlighting stem the
 * same words again and again.
 *
 * @example
 * stemPersian('کتابهای') // 'کتاب'
 */
export const stemPersian: Stemmer = (word) => {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = defaultStemmer(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
};
