import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { contentStart, findCues } from './cues';

function ids(text: string): string[] {
  const n = normalizePersian(text, { zwnj: 'space' });
  return findCues(n, contentStart(n)).map((c) => c.id);
}

describe('cue rules', () => {
  it.each([
    ['must', 'مدیران باید گزارش را ارسال کنند.'],
    ['must', 'ادارات بایستی برنامه را اجرا کنند.'],
    ['obliged', 'دستگاه‌ها موظفند گزارش دهند.'],
    ['obliged', 'شهرداری مکلف است طرح را اجرا کند.'],
    ['obliged', 'پیمانکار ملزم شد تا کار را تمام کند.'],
    ['ordered', 'وزیر دستور داد بازرسی انجام شود.'],
    ['emphasised-on', 'وی بر لزوم تسریع در تکمیل پروژه تاکید کرد.'],
    ['demanded', 'استاندار خواستار پیگیری جدی شد.'],
    ['decided', 'در این جلسه مقرر شد کمیته‌ای تشکیل شود.'],
    ['act', 'استان‌ها نسبت به فروش املاک اقدام کنند.'],
    ['act', 'واحدها نسبت به ثبت اطلاعات اقدام نمایند.'],
    ['max-until', 'حداکثر تا ۳۰ آبان ارسال شود.'],
    ['within', 'ظرف مدت یک ماه تکمیل شود.'],
    ['during-coming', 'طی ۳ ماه آینده انجام شود.'],
    ['grace', 'مهلت ثبت نام تمدید نمی‌شود.'],
    ['policy-conditional', 'هر استانی که موفق‌تر عمل کند اعتبار بیشتری خواهد گرفت.'],
    ['decided', 'در جلسه ستاد قرار شد مدارس استان از هفته آینده حضوری بازگشایی شوند.'],
    ['decided', 'بنا شد نماز عید در مساجد برگزار شود.'],
    ['ordered', 'رئیس دانشگاه دستور پیگیری ویژه را در این خصوص صادر نموده‌اند.'],
    ['obliged', 'هیئت وزیران وزارت جهاد کشاورزی را تکلیف کرد تا پایان نیمه اول سال سامانه را راه‌اندازی کند.'],
    ['obliged', 'شورای عالی سلامت کمیسیون ایمنی راه‌ها را مکلف کند تا ظرف سه ماه برنامه را تهیه کند.'],
    ['obliged', 'وی گفت: وزارت بازرگانی مسئول است با هماهنگی سایر وزارتخانه‌ها این وضع را اصلاح کند.'],
    ['ordered', 'به مدیران مدارس استان ابلاغ شد تا ۱۵ مهر فهرست دانش‌آموزان را ارسال کنند.'],
    ['demanded', 'مدیرکل آموزش و پرورش استان از مدیران نواحی خواست اسامی معلمان را تا ۱۰ اسفند اعلام کنند.'],
    ['decided', 'قرار شد وزارت صمت تا پایان دی‌ماه سامانه را به همه عمده‌فروشان تسری دهد.'],
    ['grace-given', 'سازمان بورس به ناشران متخلف تا ۲۰ اردیبهشت مهلت داد صورت‌های مالی خود را منتشر کنند.'],
    ['grace-given', 'مهلت فیفا به فدراسیون فوتبال ایران تا روز چهارشنبه ۲۴ آبان ماه تعیین شده است.'],
    ['grace-given', 'شهردار به معاون فنی یک ماه و نیم فرصت دادتا مشکل ناهمواری خیابان‌ها را حل کند.'],
    ['statute', 'ماده ۶- اعضای هیئت مؤسس توسط سازمان مدیریت تعیین و ظرف یک ماه اعلام می‌گردد.'],
    ['statute', 'در ماده دیگر این آیین‌نامه آمده است: دستورالعمل ظرف ۱۵ روز توسط وزارت مسکن تدوین خواهد شد.'],
    ['imperative', 'مدیرکل گفت: مدیران کل دستگاه‌های اجرایی روابط عمومی‌ها را تقویت کنند.'],
    ['imperative', 'فرماندار گفت: بخشداران اسامی کودکان را تهیه کنند و به آموزش و پرورش بدهند.'],
    ['forbidden', 'رئیس اتاق اصناف گفت: واحدهای صنفی حق ندارند قیمت‌ها را افزایش دهند.'],
    ['obliged', 'بانک مرکزی همه بانک‌ها را ملزم کرد تا پایان شهریور سامانه را راه اندازی کنند.'],
    ['grace-given', 'شورای شهر به پیمانکار یک ماه مهلت داد تا کار را تمام کند.'],
    ['grace-given', 'به واحدهای آلاینده تا پایان آذر فرصت داده شده است تا تجهیزات را نصب کنند.'],
    ['grace-extended', 'مهلت ثبت اطلاعات واحدهای استانی تا ۳۰ آبان تمدید شد.'],
  ])('fires %s on «%s»', (id, text) => {
    expect(ids(text)).toContain(id);
  });

  it.each([
    ['permission', 'علاقمندان می‌توانند در سایت ثبت نام کنند.'],
    ['past-perfect', 'وزیر دستور داده بود که کار آغاز شود.'],
    ['question', 'آیا مدیران باید پاسخگو باشند؟'],
    ['opinion', 'به نظر من دولت باید کمک کند.'],
    ['history', 'سال گذشته مقرر شد طرح اجرا شود.'],
    ['general-duty', 'طبق قانون دستگاه‌ها موظفند گزارش دهند.'],
    ['hedge', 'وی گفت: باید گفت که این طرح نتیجه خوبی داشته است.'],
    ['hedge', 'امام جمعه افزود: باید بدانیم که دشمن بیکار ننشسته است.'],
    ['generic-subject', 'وی گفت: جامعه ما باید به سمت تولید ملی حرکت کند.'],
    ['generic-subject', 'وی افزود: همه باید در انتخابات شرکت کنند.'],
    ['advice', 'رئیس پلیس راه گفت: به رانندگان توصیه می‌شود از سفرهای غیرضروری خودداری کنند.'],
    ['public-request', 'مدیرکل مدیریت بحران از شهروندان خواست تا پایان هفته از سفرهای غیرضروری پرهیز کنند.'],
    ['public-request', 'شرکت توزیع نیروی برق از مشترکان خانگی خواست دمای کولرها را روی ۲۵ درجه تنظیم کنند.'],
    ['opinion', 'وی گفت: به نظرم دولت باید بودجه را اصلاح کند.'],
    ['opinion', 'این را حرکتی می‌دانم که همه دستگاه‌ها موظف شوند سازوکارها را اصلاح کنند.'],
    ['proposal', 'وی افزود: لازم است مثلاً بانک‌ها مکلف شوند اوراق دولتی را خریداری کنند.'],
    ['future-plan', 'مدیرکل گفت: این پروژه تا پایان سال افتتاح خواهد شد.'],
    ['future-plan', 'قرار است تا پایان ماه جاری آرم‌ها توزیع شود.'],
    ['event', 'نمایشگاه تا ۲۰ آبان دایر است.'],
    ['event', 'جشنواره از ۱۲ دی در تهران برگزار می‌شود.'],
    ['opportunity', 'داوطلبان تا ۲۲ خرداد فرصت دارند ثبت نام کنند.'],
    ['target', 'نرخ تورم تا پایان برنامه باید به ۱۰ درصد کاهش یابد.'],
    ['long-horizon', 'وی گفت: دولت باید ظرف ۱۰ سال آینده این طرح را اجرا کند.'],
    ['present-ending', 'آرم‌های طرح ترافیک تا پایان ماه جاری توزیع می‌شود.'],
    ['permission', 'وی گفت: خودروهای جدید قادر خواهند بود ظرفیت پارکینگ‌ها را در مدت ۱۵ روز پر کنند.'],
    ['past-perfect', 'وی گفت: مسئولان وزارت کار مجبور شدند در امر اشتغال‌زایی دخالت کنند.'],
    ['future-plan', 'اعلام شده است که مسئولان ساخت بزرگراه مصمم هستند تا ۲۲ بهمن بزرگراه را تکمیل کنند.'],
    ['arrangement', 'وی گفت: طی مذاکره حضوری که با مدیر پخش داشتم، مقرر شد مقدمات قرارداد فراهم شود.'],
    ['arrangement', 'در جلسه‌ای که با مسئولان وزارت کشور داشتیم مقرر شد این افراد خودرویشان را دریافت نمایند.'],
    ['appeal', 'استاندار اصفهان خواستار گسترش ارتباطات و تعمیق مناسبات با اتریش شد.'],
    ['appeal', 'رئیس اداره اوقاف از مسئولان دستگاه‌ها خواست تا همکاری لازم را با اداره اوقاف داشته باشند.'],
    ['draft', 'وی گفت: براساس بند ص تبصره ۱۴ لایحه بودجه دبیرخانه موظف است گزارش کند.'],
  ])('flags the look-alike sign %s on «%s»', (id, text) => {
    expect(ids(text)).toContain(id);
  });

  it('does not take an agreement between two official bodies for an arrangement', () => {
    expect(ids('مطابق توافقی که با وزارت آموزش و پرورش شده است، مقرر شد داوطلبان تا پایان دی به مراکز استان‌ها مراجعه کنند.')).not.toContain('arrangement');
  });

  it('reads «… می‌گوید:» as an attribution', () => {
    const n = normalizePersian('کفاشیان در مورد مسائل فوتبال می‌گوید: به فدراسیون مهلت ۲۰ روزه دادیم.', { zwnj: 'space' });
    expect(n.slice(contentStart(n))).toBe('به فدراسیون مهلت 20 روزه دادیم.');
  });

  it('does not take an opportunity offered for a deadline given', () => {
    expect(ids('این دادگاه به دولت این فرصت را داد تا از مغایرت طرح تحقیق کند.')).not.toContain('grace-given');
  });

  it('does not take a report or a remark for an order or a demand', () => {
    // «قرار شد … می‌شود» and «ابلاغ شد … اجرا می‌شود» announce; «از نظر ما … خدا خواست» is no demand of anyone.
    expect(ids('قرار شد این طرح از هفته آینده در مدارس اجرا می‌شود.')).not.toContain('decided');
    expect(ids('بخشنامه به استان‌ها ابلاغ شد و از اول مهر اجرا می‌شود.')).not.toContain('ordered');
    expect(ids('شاید بزرگان از نظر ما دور شده بودند و شاید خدا خواست آنان را به یاد ما بیاورد.')).not.toContain('demanded');
    // «کودکان ۶ تا ۹ سال» is an age range, not a horizon of years.
    expect(ids('فرماندار گفت: بخشداران ظرف ۲۰ روز اسامی کودکان ۶ تا ۹ سال را تهیه کنند.')).not.toContain('long-horizon');
    // «همه واحدهای صنفی باید …» names an actor; «همه باید …» does not.
    expect(ids('وی گفت: همه واحدهای صنفی پرخطر باید تا پایان اردیبهشت کد رهگیری دریافت کنند.')).not.toContain('generic-subject');
  });

  it('reads signs against only in the speaker’s words, after «گفت:»', () => {
    expect(ids('وی که می‌تواند تصمیم بگیرد گفت: استان‌ها موظفند اقدام کنند.')).not.toContain('permission');
  });
  it('does not take «… می‌کنند» (a report) or a purpose clause for an imperative', () => {
    expect(ids('وی گفت: کارشناسان این اداره هر روز بازار را بازرسی می‌کنند.')).not.toContain('imperative');
    expect(ids('وی گفت: اعتبار لازم را تامین کردیم تا مدارس بتوانند کلاس‌ها را برگزار کنند.')).not.toContain('imperative');
    // A relative clause closed by its own verb, and «تا» before a date, do not make what follows subordinate.
    expect(ids('فرماندار گفت: بخشداران ظرف ۲۰ روز اسامی کودکانی که از تحصیل بازمانده‌اند را تهیه کنند.')).toContain('imperative');
    expect(ids('تاکسی‌ها حداکثر تا تاریخ ۲۸ مهر به سازمان تاکسیرانی مراجعه کنند.')).toContain('imperative');
  });
  it('does not take a future passive «دستور داده می‌شود» for an order given', () => {
    expect(ids('روزی که قیامت برپا شود دستور داده می‌شود.')).not.toContain('ordered');
  });
  it('does not take «قرار است» (a plan) for a decision', () => {
    expect(ids('قرار است این طرح سال آینده اجرا شود.')).not.toContain('decided');
  });
  it('does not take «دستور کار» (agenda) for an order', () => {
    expect(ids('این موضوع در دستور کار قرار گرفت.')).not.toContain('ordered');
  });
  it('lets an explicit duty outweigh the tense around it', () => {
    const found = ids('واحدها موظفند تا ۳۰ بهمن پروانه را تمدید کنند وگرنه پلمب خواهند شد.');
    expect(found).toContain('obliged');
    expect(found).not.toContain('future-plan');
  });
  it('does not take an opportunity given in passing for a deadline handed out', () => {
    expect(ids('این همایش فرصت مناسبی داد که خط مشی‌ها شناسایی شوند.')).not.toContain('grace-given');
  });
});

describe('cue rules, round 3', () => {
  it('reads «موظف اند» written with a space (ZWNJ becomes a space) as a duty', () => {
    expect(ids('به مسئولان شرکت تاکید شده تا پایان مرداد ماه موظف اند این اوراق را منتشر کنند.')).toContain('obliged');
    expect(ids('دستگاه‌های اجرایی مکلف‌اند گزارش را ارسال کنند.')).toContain('obliged');
  });
  it('reads the second-person rules of a call («باید … بنویسید و … پست کنید»)', () => {
    expect(ids('برای شرکت در مسابقه باید پنج حدیث را بنویسید و تا پایان اردیبهشت به صندوق پستی ۱۷۱۱۵ پست کنید.')).toContain('you-must');
    expect(ids('شما باید به موقع در جلسه حاضر می‌شوید.')).not.toContain('you-must');
  });
  it('reads a verbless headline announcing a deadline given', () => {
    expect(ids('مهلت ۴۵ روزه شهردار برای ترمیم ناهمواری خیابان‌ها')).toContain('grace-headline');
    expect(ids('مهلت ثبت نام در جشنواره تمدید نمی‌شود.')).not.toContain('grace-headline');
  });
  it('flags an amount to reach as a target, not a task', () => {
    expect(ids('وی گفت: در ده سال آینده باید ۱۰۰ میلیارد دلار در این بخش سرمایه گذاری شود.')).toContain('quantity-target');
    expect(ids('به تاکید شهردار تا پایان سال ۸۶ باید در تهران ۱۲۰ ایستگاه آتش نشانی داشته باشیم.')).toContain('quantity-target');
    // A number of days is a deadline, not an amount.
    expect(ids('باشگاه جریمه را باید در مهلت ۳۰ روزه پرداخت کند و این جریمه باید در مهلت ۳۰ روزه پرداخت شود.')).not.toContain('quantity-target');
  });
  it('flags a horizon of years unless an explicit duty carries it', () => {
    expect(ids('وی افزود: این تعداد مدرسه باید ظرف ۳ سال آینده مقاوم سازی شود.')).toContain('long-horizon');
    expect(ids('این روند تا پایان برنامه چهارم باید عملیاتی شود.')).toContain('long-horizon');
    expect(ids('سازمان جنگل‌ها موظف شد حداکثر تا پایان سال دوم برنامه چهارم نقشه‌ها را ارائه کند.')).not.toContain('long-horizon');
  });
  it('flags a draft bill: it proposes, it does not order yet', () => {
    expect(ids('براساس این طرح که مراحل نهایی آن در حال تدوین است تمام بانک‌های دولتی موظف می‌شوند ظرف یک سال بهره را کاهش دهند.')).toContain('draft');
    expect(ids('در ماده ۱۷ طرح مقرر شده تا دولت خطوط ۳ و ۴ مترو را حداکثر تا پایان سال ۸۶ به بهره برداری برساند.')).toContain('draft');
    // An approved plan is not a draft.
    expect(ids('وی افزود: این طرح با موافقت رهبری همراه بود و مقرر شد این مبلغ از صندوق ذخیره ارزی اختصاص یابد.')).not.toContain('draft');
  });
});
