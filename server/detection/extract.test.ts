import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatJalali } from '../persian/jalali';
import { DEFAULT_UNITS } from './default-units';
import { explainDirectives as explain, extractDirectives as extract, extractSession, otherCandidates, type ExtractOptions, type UnitRef } from './extract';

// The sentence-form tests below judge the hand-written rules, which are now features of the model:
// each rule verdict the model reads is pinned here. The model's own decisions are tested on the
// seed article and on the dev split's verdict file (model/verdicts.test.ts).
const explainDirectives = (options: ExtractOptions) => explain({ ...options, method: 'rules' });
const extractDirectives = (options: ExtractOptions) => extract({ ...options, method: 'rules' });

const seed = readFileSync(new URL('../../tests/fixtures/imports/tvto-webinar-article.txt', import.meta.url), 'utf8');
const units: UnitRef[] = [
  ...DEFAULT_UNITS,
  { code: 'prov-tehran', name: 'اداره کل آموزش فنی و حرفه‌ای استان تهران', kind: 'province', aliases: ['استان تهران'] },
];

describe('extractSession on the seed article (session 1399-11-01)', () => {
  const { repaired } = extractSession({ text: seed, sessionDate: '1399-11-01', units, people: [] });
  // What the review page shows: the suggestions, then the ranked candidates under the threshold.
  const verdicts = explain({ text: repaired.text, sessionDate: '1399-11-01', units, people: [] });
  const directives = [...verdicts.filter((v) => v.suggested), ...otherCandidates(verdicts, 10)].map((v) => v.directive);
  const find = (words: string) => directives.find((d) => d.quote.includes(words));

  it('quotes every directive verbatim from the repaired text', () => {
    for (const d of directives) expect(repaired.text.slice(d.start, d.end)).toBe(d.quote);
  });
  it('finds the four actionable directives for the provinces among the suggestions and the ranked candidates', () => {
    // The learned model suggests the dated sales directive outright (model 4 also the dated operational
    // programmes); the others rank among the next candidates (on real documents the model trades such
    // long speech sentences for precision).
    expect(verdicts.find((v) => v.directive.quote.includes('حداقل طی 3 ماه آینده'))?.suggested).toBe(true);
    for (const words of ['بر اساس ماده 27 اقدام کنند', 'بخش خصوصی را فعال کنیم', 'تهیه برنامه های عملیاتی', 'حداقل طی 3 ماه آینده']) {
      const d = find(words);
      expect(d, words).toBeDefined();
      expect(['action', 'instruction']).toContain(d?.kind);
      expect(d?.speaker).toBe('حسین فیروزی');
    }
    expect(find('بر اساس ماده 27 اقدام کنند')?.refs).toEqual(['ماده ۲۷']);
    expect(find('بخش خصوصی را فعال کنیم')?.refs).toEqual(['ماده ۲۷']);
  });
  it('takes the assignee from the sentence only: the provinces where they are named, none where they are not', () => {
    for (const words of ['بر اساس ماده 27 اقدام کنند', 'تهیه برنامه های عملیاتی', 'حداقل طی 3 ماه آینده']) {
      expect(find(words)?.assignee, words).toBe('all-provinces');
    }
    // «… بخش خصوصی را فعال کنیم»: «we» names no unit; a default would assign the wrong office.
    expect(find('بخش خصوصی را فعال کنیم')?.assignee).toBeNull();
  });
  it('suggests all four by the rules alone, which the model reads as features', () => {
    const byRules = extractDirectives({ text: repaired.text, sessionDate: '1399-11-01', units, people: [] });
    for (const words of ['بر اساس ماده 27 اقدام کنند', 'بخش خصوصی را فعال کنیم', 'تهیه برنامه های عملیاتی', 'حداقل طی 3 ماه آینده']) {
      expect(byRules.some((d) => d.quote.includes(words)), words).toBe(true);
    }
  });
  it('resolves the deadlines: two weeks and three Jalali months after the session', () => {
    const programmes = find('تهیه برنامه های عملیاتی');
    expect(programmes).toMatchObject({ due: '2021-02-03', dueRule: 'در مدت حداقل دو هفته', recipient: 'pbo', kind: 'action' });
    const sales = find('حداقل طی 3 ماه آینده');
    expect(sales).toMatchObject({ due: '2021-04-21', dueRule: 'حداقل طی 3 ماه آینده', kind: 'action' });
  });
  it('calls the budget incentive a policy, not an action', () => {
    const incentive = find('سازمان اعتبار بیشتری');
    expect(incentive?.kind ?? 'policy').toBe('policy');
    expect(directives.filter((d) => d.kind === 'action' && d.quote.includes('اعتبار بیشتری'))).toEqual([]);
  });
  it('lists the cues that fired for each suggestion', () => {
    const sales = find('حداقل طی 3 ماه آینده');
    expect(sales?.cues.map((c) => c.id)).toEqual(expect.arrayContaining(['emphasised-on', 'during-coming']));
    for (const d of directives) expect(d.cues.every((c) => c.label.length > 0)).toBe(true);
  });
});

describe('extractDirectives', () => {
  it('finds a dated instruction with assignee and recipient', () => {
    const text = 'مدیرکل گفت: استان‌ها موظفند حداکثر تا ۳۰ آبان گزارش عملکرد را به سازمان برنامه و بودجه ارسال کنند.';
    const [d] = extractDirectives({ text, sessionDate: '1400-06-01', units });
    expect(d).toMatchObject({ kind: 'action', assignee: 'all-provinces', recipient: 'pbo', due: '2021-11-21', dueRule: 'حداکثر تا ۳۰ آبان' });
    expect(d?.quote.startsWith('استان‌ها موظفند')).toBe(true);
  });
  it('matches a named province from the units list', () => {
    const [d] = extractDirectives({ text: 'اداره کل استان تهران باید ظرف یک ماه طرح را تکمیل کند.', sessionDate: '1400-01-15', units });
    expect(d?.assignee).toBe('prov-tehran');
    // 1400-01-15 + one Jalali month = 1400-02-15.
    expect(formatJalali(d?.due ?? '')).toBe('1400-02-15');
  });
  it('does not suggest permissions, past reports or questions', () => {
    for (const text of [
      'علاقمندان می‌توانند تا پایان آذر در سایت ثبت نام کنند.',
      'وزیر سال گذشته دستور داده بود که طرح اجرا شود.',
      'آیا مدیران باید پاسخگو باشند؟',
      'ثبت نام تا پایان آبان ادامه داشت.',
    ]) {
      expect(extractDirectives({ text, sessionDate: '1400-06-01', units })).toEqual([]);
    }
  });
  it('quotes the speaker’s words, not a «Name:» label before them (red-team finding), offsets exact', () => {
    const text =
      'حسین فیروزی، معاون سازمان، در این وبینار سخن گفت.\n\nفیروزی: استان‌ها موظفند ظرف دو هفته برنامه‌های عملیاتی خود را ارسال کنند.\n\nحسین فیروزی : همه ادارات کل باید تا پایان خرداد گزارش را ارسال کنند.';
    const found = extractDirectives({ text, sessionDate: '1399-11-01', units, people: [{ key: 'firouzi', name: 'حسین فیروزی' }] });
    expect(found.map((d) => d.quote)).toEqual([
      'استان‌ها موظفند ظرف دو هفته برنامه‌های عملیاتی خود را ارسال کنند.',
      'همه ادارات کل باید تا پایان خرداد گزارش را ارسال کنند.',
    ]);
    for (const d of found) {
      expect(text.slice(d.start, d.end)).toBe(d.quote);
      expect(d.speaker).toBe('حسین فیروزی');
    }
  });
  it('keeps a short labelled line whole (too few words after the label to be a quote of its own)', () => {
    const text = 'فیروزی: ارسال کنند.';
    for (const d of extractDirectives({ text, sessionDate: null, units })) expect(text.slice(d.start, d.end)).toBe(d.quote);
  });
  it('attributes the speaker by the nearest attribution, misspellings tolerated', () => {
    const text = 'حسین فیروزی، معاون سازمان گفت: جلسه خوبی بود. فیروری با اشاره به بودجه گفت: استان‌ها موظفند برنامه را ارسال کنند.';
    const [d] = extractDirectives({ text, sessionDate: null, units, people: [{ key: 'firouzi', name: 'حسین فیروزی' }] });
    expect(d).toMatchObject({ speaker: 'حسین فیروزی', speakerKey: 'firouzi', due: null });
  });
  it('normalises legal references', () => {
    const [d] = extractDirectives({ text: 'دستگاه‌ها موظفند طبق تبصره ۲ بند الف ماده بیست و هفت اقدام کنند.', units });
    expect(d?.refs).toEqual(['تبصره ۲', 'بند الف', 'ماده ۲۷']);
  });

  it('does not suggest demands by people without authority, and says why', () => {
    const text = 'ساکنان خیابان ۱۵ گرگان با حضور در شهرداری خواستار پیگیری جدی شهرداری در خصوص این ساخت و ساز شدند.';
    expect(extractDirectives({ text, units })).toEqual([]);
    const mp = 'نماینده مردم تبریز در مجلس خواستار افزایش پروازهای تبریز به استانبول شد.';
    expect(extractDirectives({ text: mp, units })).toEqual([]);
  });
  it('suggests an official’s demand to the units under them, listing the official speaker', () => {
    const [d] = extractDirectives({ text: 'استاندار مازندران خواستار معرفی شهرداران موفق به استانداری شد.', units });
    expect(d?.cues.map((c) => c.id)).toEqual(expect.arrayContaining(['demanded', 'official-speaker']));
  });
  it('does not suggest a sermon’s «باید … شود» that addresses nobody, and lists the counter-signal', () => {
    const text = 'خطیب جمعه گفت: باید عوامل ریشه‌ای این معضل در جامعه شناسایی شود.';
    expect(extractDirectives({ text, units })).toEqual([]);
    const plain = 'وی گفت: این مشکل باید هر چه سریع‌تر حل شود.';
    const found = extractDirectives({ text: plain, units });
    for (const d of found) expect(d.cues.map((c) => c.id)).toContain('no-addressee');
  });
  it('suggests an imperative without a modal, with its deadline', () => {
    const text = 'فرماندار شهرستان گفت: بخشداران و دهیاران ظرف ۲۰ روز اسامی کودکان بازمانده از تحصیل را تهیه کنند.';
    const [d] = extractDirectives({ text, sessionDate: '1397-05-06', units });
    expect(d).toMatchObject({ kind: 'action', due: '2018-08-17' });
    expect(d?.cues.map((c) => c.id)).toEqual(expect.arrayContaining(['imperative', 'official-speaker']));
  });
  it('suggests a decision announced with «قرار شد»', () => {
    const text = 'وی گفت: قرار شد مسئولیت برگزاری مراسم را سپاه بر عهده گیرد.';
    expect(extractDirectives({ text, units })[0]?.kind).toBe('instruction');
  });
  it('takes an official’s «باید … شود» as an instruction only when it sets a date, and a hedge as nothing', () => {
    // Without a date or an actor it is a general statement, the commonest false alarm on news text.
    const general = extractDirectives({ text: 'استاندار گیلان گفت: باید اطلاع‌رسانی درباره کرونا مستمر صورت گیرد.', units });
    expect(general.filter((d) => d.kind === 'action' || d.kind === 'instruction')).toEqual([]);
    const dated = extractDirectives({ text: 'استاندار گیلان گفت: باید تا پایان هفته جاری اطلاع‌رسانی درباره کرونا انجام شود.', sessionDate: '1399-11-01', units });
    expect(dated[0]).toMatchObject({ kind: 'instruction', due: '2021-01-22' });
    expect(extractDirectives({ text: 'استاندار یزد گفت: باید توجه داشت که این مسائل یک شبه ایجاد نشده است.', units })).toEqual([]);
  });
});

describe('directives with deadlines and their look-alikes (session 1399-11-01)', () => {
  const actionable = (text: string) =>
    extractDirectives({ text, sessionDate: '1399-11-01', units }).filter((d) => d.kind === 'action' || d.kind === 'instruction');

  it.each([
    ['استانداری‌ها موظفند حداکثر تا پایان خرداد گزارش عملکرد را به وزارت کشور ارسال کنند.', '2021-06-21'],
    ['معاون وزیر گفت: مدیران کل استان‌ها باید ظرف دو هفته برنامه عملیاتی را ارسال کنند.', '2021-02-03'],
    ['در این جلسه مقرر شد شهرداری تا ۱۵ مهر طرح جامع را به شورا ارائه کند.', '2021-10-07'],
    ['به پیمانکار ظرف۲۰روز فرصت داده شد تا عملیات را تکمیل کند.', '2021-02-09'],
    ['فرماندار به بخشداران یک هفته مهلت داد تا فهرست روستاها را تهیه کنند.', '2021-01-27'],
  ])('suggests «%s» with its due date', (text, due) => {
    const found = actionable(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.due).toBe(due);
    expect(found[0]?.cues.map((c) => c.id)).toContain('dated-obligation');
  });

  it.each([
    ['این طرح تا پایان سال گذشته ۲۰ درصد پیشرفت داشت.'],
    ['نمایشگاه کتاب استان تا ۲۰ آبان در مصلی دایر است.'],
    ['مدیرکل گفت: این بیمارستان تا پایان سال افتتاح خواهد شد.'],
    ['علاقه‌مندان می‌توانند تا ۲۰ بهمن در سامانه ثبت نام کنند.'],
    ['متقاضیان تا ۲۲ اسفند فرصت دارند مدارک خود را ارسال کنند.'],
    ['وی گفت: نرخ بیکاری تا پایان برنامه ششم باید به ۸ درصد کاهش یابد.'],
    ['نماینده مردم تبریز گفت: دولت باید تا پایان ماه جاری لایحه را به مجلس بفرستد.'],
    ['مسابقات لیگ برتر از ۱۵ بهمن آغاز می‌شود و تا پایان خرداد ادامه دارد.'],
  ])('suggests nothing actionable for the look-alike «%s»', (text) => {
    expect(actionable(text)).toEqual([]);
  });

  it('keeps the duty when a sanction follows in the future tense', () => {
    const found = actionable('واحدهای صنفی موظفند تا ۳۰ بهمن پروانه خود را تمدید کنند وگرنه پلمب خواهند شد.');
    expect(found[0]).toMatchObject({ due: '2021-02-18' });
  });
});

describe('extractDirectives, round 3: the past, abroad and the decision threshold', () => {
  // Every candidate sentence, suggested or not (the gate or the threshold may reject it), with its cues.
  const cueIds = (text: string, sessionDate: string) =>
    explainDirectives({ text, sessionDate, units, threshold: -Infinity }).flatMap((v) => v.cues.map((c) => c.id));

  it('takes a deadline dated before the session as a report of the past, not a task', () => {
    const ids = cueIds('استانداری‌ها موظفند حداکثر تا ۱۳۹۸/۱۲/۱۵ گزارش را به وزارت کشور ارسال کنند.', '2021-01-20');
    expect(ids).toContain('past-year');
    expect(ids).not.toContain('deadline-resolved');
    expect(ids).not.toContain('dated-obligation');
  });

  it('suggests a duty written «موظف اند» with its deadline', () => {
    const [d] = extractDirectives({ text: 'به مسئولان شرکت تاکید شده تا پایان مرداد ماه موظف اند این اوراق را منتشر کنند.', sessionDate: '1384-04-10', units });
    expect(d?.kind).not.toBe('exhortation');
    expect(d?.due).toBe('2005-08-22');
  });
  it('reads a deadline in a year already past at the session date as a report, not a task', () => {
    const text = 'وی گفت: آنها امور تصدی گری خود را می بایستی تا پایان سال ۸۲ واگذار کنند.';
    expect(cueIds(text, '1383-05-01')).toContain('past-year');
    expect(extractDirectives({ text, sessionDate: '1383-05-01', units })).toEqual([]);
  });
  it('flags a year before the session named in the sentence', () => {
    expect(cueIds('دولت گفته در سال ۸۲ باید اقدام شود تا حقوق بازنشستگان تا آخر سال پرداخت شود.', '1383-05-01')).toContain('past-year');
    // «تا پایان سال ۸۶» is a deadline, not the past.
    expect(cueIds('شهرداری موظف است تا پایان سال ۸۶ ایستگاه‌ها را احداث کند.', '1385-07-05')).not.toContain('past-year');
  });
  it('flags an actor abroad before the duty', () => {
    const text = 'وی گفت: رئیس جمهوری روسیه حداکثر ظرف دو هفته باید دولت جدید را به دوما معرفی کند.';
    expect(cueIds(text, '1383-01-20')).toContain('foreign-actor');
  });
  it('suggests nothing below the threshold and explains every sentence scored', () => {
    const text = 'مدیران باید بیشتر تلاش کنند.';
    const all = explainDirectives({ text, units, threshold: -Infinity });
    expect(all.length).toBe(1);
    expect(extractDirectives({ text, units }).filter((d) => d.score >= 2)).toEqual(extractDirectives({ text, units }));
    const [verdict] = explainDirectives({ text, units });
    if (verdict && !verdict.suggested) expect(verdict.gate.reasons.length).toBeGreaterThan(0);
  });
});

describe('extractDirectives, round 4: the structural gate', () => {
  const reasons = (text: string, sessionDate = '1399-11-01') =>
    explainDirectives({ text, sessionDate, units, threshold: -Infinity }).flatMap((v) => v.gate.reasons.map((r) => r.id));

  it('suggests a duty with an actor, an obligation and a subjunctive task verb, and says so', () => {
    const [d] = extractDirectives({ text: 'مدیران کل استان‌ها موظفند تا ۳۰ بهمن گزارش را به سازمان ارسال کنند.', sessionDate: '1399-11-01', units });
    expect(d?.gate.passed).toBe(true);
    expect(d?.gate.reasons.map((r) => r.id)).toEqual(['gate:actor', 'gate:obligation', 'gate:task-verb']);
    expect(d?.cues.map((c) => c.id)).toContain('gate:task-verb');
  });
  it('rejects the same duty reported in the past, the present and the future, naming the verb', () => {
    expect(reasons('مقرر شد استان‌ها گزارش را تا ۳۰ بهمن ارسال کردند.')).toContain('gate:past-verb');
    expect(reasons('مقرر شد گزارش استان‌ها تا ۳۰ بهمن ارسال می‌شود.')).toContain('gate:present-verb');
    expect(reasons('استان‌ها موظف شدند که گزارش تا ۳۰ بهمن ارسال خواهد شد.')).toContain('gate:future-verb');
    expect(extractDirectives({ text: 'مقرر شد گزارش استان‌ها تا ۳۰ بهمن ارسال می‌شود.', sessionDate: '1399-11-01', units })).toEqual([]);
  });
  it('rejects a «باید» that names nobody to act and comes from no office', () => {
    expect(reasons('وی گفت: سیستم بانکی باید در این جهت قرار گیرد.')).toEqual(expect.arrayContaining(['gate:no-actor']));
  });
  it('takes the plural subject before «باید» and the addressee of «از … خواست» as actors', () => {
    expect(reasons('تا پایان آبان ماه ماشین‌های حمل زباله باید شیرابه‌گیر نصب کنند.', '1385-07-01')).toContain('gate:actor');
    const asked = explainDirectives({ text: 'مرکز هنری از نمایشنامه‌نویسان خواست تا طرح‌های خود را حداکثر تا ۳۰ آذر ارسال کنند.', sessionDate: '1385-07-01', units });
    expect(asked[0]?.gate.reasons.map((r) => r.id)).not.toContain('gate:no-actor');
  });
  it('skips the verb of a relative clause to find the task verb', () => {
    const text = 'مقرر شد افرادی که داوطلب هستند تا پایان دی به مراکز استان‌ها مراجعه کنند.';
    expect(reasons(text)).not.toContain('gate:present-verb');
  });
  it('names the veto: opinion, target, permission, event, draft', () => {
    expect(reasons('به نظر من استان‌ها باید تا پایان سال گزارش بدهند.')).toContain('gate:opinion');
    expect(reasons('مالکان تا ۳۰ آذر فرصت دارند و باید مدارک را تحویل دهند.')).toContain('gate:permission');
    expect(reasons('براساس این طرح که در حال تدوین است بانک‌ها موظف می‌شوند ظرف یک سال بهره را کاهش دهند.')).toContain('gate:draft');
  });
});

describe('extractDirectives, round 5: the obligation clause', () => {
  const suggest = (text: string, sessionDate = '1384-07-01') => extractDirectives({ text, sessionDate, units });

  it('judges a duty by its own clause, not by an event announced before it', () => {
    const [d] = suggest('سومین دوره از ۲۶ دی ماه آغاز می‌شود و متقاضیان باید مدارک لازم را حداکثر تا ۱۰ آبان ماه به دانشگاه ارسال کنند.');
    expect(d).toMatchObject({ due: '2005-11-01', dueRule: 'حداکثر تا ۱۰ آبان ماه' });
  });
  it('takes no date from a later clause that reports what will be done', () => {
    expect(suggest('وی گفت: ۶۸ هزار واحد باید مجدد احداث شوند که این اقدام با مسئولیت بنیاد مسکن تا پایان امسال انجام می‌شود.')).toEqual([]);
  });
  it('reads a duty stated in the attribution, past a reporting verb and what follows it', () => {
    const [d] = suggest('وی با اشاره به اینکه براساس این ابلاغیه دولت باید تا پایان برنامه چهارم هر فعالیتی را که مشمول اصل ۴۴ نباشد به بخش خصوصی واگذار کند، افزود: دولت تاکنون اقداماتی داشته و این کار ادامه خواهد یافت.', '1384-03-04');
    expect(d?.due).toBe('2010-03-20');
  });
  it('rejects a decision told as last year’s, with the reason, but not yesterday’s', () => {
    const past = explainDirectives({ text: 'استاندار گفت: سال گذشته در همین جلسه مقرر شد شرکت آب و فاضلاب تا پایان شهریور تصفیه‌خانه را راه‌اندازی کند که تاکنون اجرا نشده است.', sessionDate: '1403-02-01', units });
    expect(past.some((v) => v.suggested)).toBe(false);
    expect(past.flatMap((v) => v.gate.reasons.map((r) => r.id))).toContain('gate:past-report');
    expect(suggest('شورای شهر دیروز با تصویب یک طرح شهرداری را موظف کرد که لایحه را ظرف مدت ۳ ماه به شورا ارائه کند.')).toHaveLength(1);
  });
  it('takes an extended deadline for a relief, not a task', () => {
    expect(suggest('سازمان امور مالیاتی اعلام کرد مهلت تسلیم اظهارنامه مالیاتی اشخاص حقیقی سیل‌زده تا پایان دی‌ماه تمدید شده است.', '1401-09-01')).toEqual([]);
  });
  it('takes a bare command with a date to a named group for an order', () => {
    const [d] = suggest('تیموری گفت: آن دسته از تاکسی‌هایی که ثبت نام کرده‌اند حداکثر تا تاریخ ۸۵/۷/۲۸ به سازمان تاکسیرانی مراجعه کنند.', '1385-07-01');
    expect(d?.due).toBe('2006-10-20');
  });
  it('does not count a dated duty from a resolution as a general rule', () => {
    const [d] = suggest('براساس مصوبه دولت وزارت رفاه باید تا نیمه فروردین ماه سال آینده نسبت به تهیه طرح جامع فقرزدایی اقدام نماید.', '1383-10-01');
    expect(d?.cues.map((c) => c.id)).not.toContain('general-duty');
  });
  it('rejects a proposal given as an example, naming it', () => {
    const verdicts = explainDirectives({ text: 'وی افزود: لازم است مثلاً بانک‌ها مکلف شوند اوراق دولتی را خریداری و نزد بانک مرکزی توثیق کنند.', sessionDate: '1399-01-01', units });
    expect(verdicts.some((v) => v.suggested)).toBe(false);
    expect(verdicts.flatMap((v) => v.gate.reasons.map((r) => r.id))).toContain('gate:proposal');
  });
  it('takes an undated standing duty stated by nobody in office for a general rule', () => {
    const verdicts = explainDirectives({ text: 'احمدی‌منش اظهار داشت: مسئولان موظفند صدای خبرنگاران را به عنوان صدای ملت بشنوند.', sessionDate: '1384-01-01', units });
    expect(verdicts.some((v) => v.suggested)).toBe(false);
    expect(verdicts.flatMap((v) => v.gate.reasons.map((r) => r.id))).toContain('gate:weak-authority');
    // With a date it binds.
    expect(suggest('وی گفت: ادارات موظف هستند تا پایان آذر سالن‌های مخصوص سیگاری‌ها را احداث کنند.')).toHaveLength(1);
  });
  it('takes a second-person «باید … کنید» for a call only when it sets a date', () => {
    expect(suggest('وی گفت: شما باید کار و تلاش بی‌وقفه را سرلوحه کار خود قرار دهید.')).toEqual([]);
    expect(suggest('داوطلبان گرامی، شما باید آثار خود را حداکثر تا ۳۰ آذر به دبیرخانه ارسال کنید.')).toHaveLength(1);
  });
  it('reads a dated article of a law or bylaw as a duty, but not an undated or conditional one', () => {
    expect(suggest('در ماده دیگر این آیین‌نامه آمده است: دستورالعمل اجرایی ظرف ۱۵ روز توسط وزارت مسکن و شهرسازی تدوین و ابلاغ خواهد شد.')).toHaveLength(1);
    expect(suggest('ماده ۶- اعضای هیئت مؤسس توسط سازمان مدیریت و برنامه‌ریزی تعیین و اعلام می‌گردد.')).toEqual([]);
    expect(suggest('در ماده یک مصوبه آمده است: به صاحبان املاک مشروط به تعیین تکلیف تا پایان اسفند ۷۵ درصد عوارض تعلق می‌گیرد.')).toEqual([]);
  });
  it('does not count yesterday’s decision as the past', () => {
    const [d] = suggest('وی افزود: در جلسه دیروز هیات دولت مقرر شد جزئیات و اعتبارات برنامه با همکاری سازمان مدیریت تامین شود.');
    expect(d?.cues.map((c) => c.id)).not.toContain('history');
  });
  it('lets neither a hope in a later clause nor a fiscal year veto an order', () => {
    const [d] = suggest('دادستان کل کشور اظهار داشت: رئیس قوه قضائیه دستور دادند تا ستاد ویژه مبارزه با جرایم را فعال کنیم که مقدمات کار فراهم شده و امیدواریم ظرف یک ماه آینده به نتیجه برسد.');
    expect(d).toBeDefined();
    const fiscal = explainDirectives({ text: 'وزیر دستور داد که حساب‌های مالی سال ۸۲ تا پایان شهریور مورد رسیدگی قرار گیرد.', sessionDate: '1383-05-01', units });
    expect(fiscal.flatMap((v) => v.cues.map((c) => c.id))).not.toContain('past-year');
  });
  it('explains an exhortation but does not suggest it', () => {
    const text = 'وی گفت: استان‌ها باید به معرفی این ظرفیت‌ها بپردازند تا بتوانیم آن را به دنیا معرفی کنیم.';
    const verdicts = explainDirectives({ text, sessionDate: '1399-01-01', units });
    expect(verdicts.some((v) => v.suggested)).toBe(false);
    expect(verdicts.find((v) => v.directive.kind === 'exhortation')?.gate.reasons.map((r) => r.id)).toContain('exhortation');
  });
  it('takes a grace period for a duty as a deadline given, and an opportunity for applicants as a permission', () => {
    const [d] = suggest('گروه شهری - واحدهای صنعتی بروجرد تا پایان دی فرصت دارند نقایص سیستم‌های تصفیه فاضلاب خود را رفع کنند.', '1385-09-01');
    expect(d).toMatchObject({ due: '2007-01-20' });
    expect(d?.cues.map((c) => c.id)).toContain('grace-held');
    const offer = explainDirectives({ text: 'مدیرعامل صندوق رفاه گفت: دانشجویان تا ۳۰ آبان فرصت دارند درخواست وام ضروری خود را ثبت کنند.', sessionDate: '1402-08-01', units });
    expect(offer.some((v) => v.suggested)).toBe(false);
    expect(offer.flatMap((v) => v.gate.reasons.map((r) => r.id))).toContain('gate:permission');
  });
  it('rejects advice to the public and a denial, naming them; lets a committee’s own decision bind', () => {
    const advice = explainDirectives({ text: 'معاون بهداشت توصیه کرد: شهروندان تا پایان بهمن از برگزاری مراسم عروسی خودداری کنند.', sessionDate: '1399-10-01', units });
    expect(advice.some((v) => v.suggested)).toBe(false);
    expect(advice.flatMap((v) => v.gate.reasons.map((r) => r.id))).toContain('gate:public-request');
    const denial = explainDirectives({ text: 'رئیس اداره این خبر را تکذیب کرد که مدارس موظف شده‌اند تا ۱۰ شهریور شهریه را واریز کنند.', sessionDate: '1399-05-01', units });
    expect(denial.flatMap((v) => v.gate.reasons.map((r) => r.id))).toContain('gate:denial');
    expect(suggest('نایب رئیس کمیسیون برنامه و بودجه مجلس گفت: دولت باید اصلاحیه بودجه را تا ۱۰ اسفند به مجلس بفرستد.', '1399-11-01')).toEqual([]);
    expect(suggest('سخنگوی کمیسیون تلفیق مجلس گفت: مقرر شد دولت مازاد فروش نفت را تا پایان سال به صندوق توسعه ملی واریز کند.', '1399-11-01')).toHaveLength(1);
  });
  it('reads a mandatory duty with its date, and the call of a notice to its applicants', () => {
    expect(suggest('مدیرکل دامپزشکی استان گفت: واکسیناسیون دام‌ها علیه تب برفکی توسط دامداران تا پایان دی‌ماه الزامی است.', '1401-09-01')[0]?.due).toBe('2023-01-20');
    expect(suggest('در اطلاعیه مرکز آموزش عالی آمده است: پذیرفته‌شدگان ظرف سه روز کاری آینده برای تکمیل پرونده به دانشکده مراجعه نمایند.', '1402-12-01')).toHaveLength(1);
  });
  it('keeps an opinion that frames the sentence, a bill that is the task, and a deadline whose sanction follows', () => {
    expect(suggest('مدیرکل محیط زیست معتقد است تا مازوت مصرف شود آلودگی برطرف نمی‌شود و تا پایان زمستان باید انتظار روزهای ناسالم را داشته باشیم.', '1401-10-01')).toEqual([]);
    expect(suggest('شورای اسلامی شهر شهرداری را مکلف کرد لایحه اصلاح بودجه را حداکثر تا سوم خردادماه به شورا تقدیم کند.', '1399-02-20')[0]?.due).toBe('2020-05-23');
    expect(suggest('شهردار گفت: بله، به پیمانکار ۷۲ ساعت فرصت داده‌ایم و اگر کار تمام نشود جریمه می‌شود.', '1401-02-20')).toHaveLength(1);
  });
});

describe('the learned decision on text that is no sentence', () => {
  it('suggests nothing in an unpunctuated run of «باید» cut into pieces, though each piece scores as obligation language', () => {
    const text = 'باید '.repeat(2_000);
    const { directives, candidates } = extractSession({ text, sessionDate: '1399-11-01', units, people: [] });
    expect(directives).toEqual([]);
    expect(candidates.length).toBeGreaterThan(0);
  });
});

describe('a deadline stated in a later sentence (deadlines, round 11)', () => {
  const dueOf = (text: string, quoteStart: string) => {
    const verdict = explainDirectives({ text, sessionDate: '1399-11-01', units }).find((v) => v.text.startsWith(quoteStart));
    return verdict?.directive.due ? formatJalali(verdict.directive.due) : null;
  };
  it('gives the duty before it the date of a «مهلت … است» sentence', () => {
    const text =
      'از ادارات کل استان‌ها خواسته شده است تا رودخانه‌های مهم استان را شناسایی و برنامه کاهش آلودگی را ارائه دهند. قابل ذکر است مهلت ارائه برنامه مرداد ۱۴۰۰ تعیین شده است.';
    expect(dueOf(text, 'از ادارات')).toBe('1400-05-31');
  });
  it('prefers it to the day the duty starts, and leaves a duty with its own deadline alone', () => {
    const starts =
      'کلیه دستگاه‌های دولتی موظف شدند از ابتدای سال آینده فعالیت خود در تجارت فرش را تعطیل کنند. این تصمیم در شورای عالی اداری اتخاذ شد. مهلت مقرر برای تعطیلی سه ماه اول سال آینده است.';
    expect(dueOf(starts, 'کلیه')).toBe('1400-03-31');
    const dated = 'استان‌ها موظفند تا ۲۰ بهمن گزارش را ارسال کنند. مهلت ثبت طرح‌ها مرداد ۱۴۰۰ است.';
    expect(dueOf(dated, 'استان‌ها')).toBe('1399-11-20');
  });
  it('shows «امسال موظف است» as the end of the year', () => {
    expect(dueOf('وزارت نیرو امسال موظف است اجرای ۲۸ طرح جدید سد را شروع کند.', 'وزارت')).toBe('1399-12-30');
  });
});

describe('the actor shown for a sentence that names only its rule maker', () => {
  it('is none when the cabinet or deputies issue the rule, and the actor word otherwise', () => {
    const actorOf = (text: string) => explainDirectives({ text, units, threshold: -Infinity }).find((v) => v.directive.quote.length > 0)?.directive.actor;
    expect(actorOf('هیأت وزیران تصویب کرد، پانزده درصد از اعتبارات در اختیار بانک‌های عامل قرار گیرد.')).toBeNull();
    expect(actorOf('نمایندگان ویژه رئیس جمهوری مقرر کردند، مهلت بازپرداخت بدهی‌ها چهار سال تمدید شود.')).toBeNull();
    expect(actorOf('کلیه کارخانه‌ها تا پایان آبان ماه باید فیلتر نصب کنند.')).toBe('کلیه کارخانه‌ها');
  });
});
