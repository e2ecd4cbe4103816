import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { findAddressee, findAddresseeSpan, namesIssuer } from './actor';

const addressee = (text: string) => findAddressee(normalizePersian(text));

describe('findAddressee: who the sentence itself tells to act', () => {
  it('takes the phrase before «موظف / مکلف / ملزم / باید», whatever the ending', () => {
    expect(addressee('شهرداری‌ها موظفند طرح را اجرا کنند')).toBe('شهرداری ها');
    expect(addressee('روزی‌فراخ تصریح نمود: بازرسان موظفند که نسخه دوم را ارائه نمایند')).toBe('بازرسان');
    expect(addressee('وي گفت: دستگاه‌هاي اجرايي بايد تا پايان سال گزارش دهند')).toBe('دستگاه های اجرایی');
  });
  it('skips a deadline standing before the obligation', () => {
    expect(addressee('به مسئولان شرکت تأکید شده تا پایان مرداد ماه موظف اند این اوراق را منتشر کنند')).toBe('مسئولان شرکت');
  });
  it('takes the subject after «مقرر شد (که / تا)», the object of «… را موظف کرد», and the one told «به … دستور داد»', () => {
    expect(addressee('مقرر شد دفتر برنامه و بودجه گزارش را تا 30 آبان به ستاد ارسال کند')).toBe('دفتر برنامه و بودجه');
    expect(addressee('معاون اول رئیس جمهور طبق بخشنامه‌ای کلیه دستگاه‌های اجرایی را به راه‌اندازی پایگاه موظف کرد')).toBe('کلیه دستگاه های اجرایی');
    expect(addressee('وزیر به استانداران دستور داد فهرست را ارسال کنند')).toBe('استانداران');
  });
  it('names no one when the sentence names no one', () => {
    expect(addressee('باید به این موضوع توجه کرد')).toBeNull();
    expect(addressee('جلسه با حضور مدیران برگزار شد')).toBeNull();
  });
  it('reaches the subject past adverbs and prepositional phrases (Arabic ي/ك as in the sources)', () => {
    const n = normalizePersian;
    expect(addressee('صندوق همچنين موظف است صورتها و دفاتر مالي خود را تنظيم كند')).toBe('صندوق');
    expect(addressee('وي تصريح كرد: پزشكان نيز موظفند اين داروها را تجويز نمايند')).toBe('پزشکان');
    expect(addressee('عاملين فروش از اين پس موظف هستند كالابرگ را مطابقت دهند')).toBe(n('عاملين فروش'));
    expect(addressee('وزارت نيرو امسال موظف است اجراي 28 طرح را شروع كند')).toBe('وزارت نیرو');
    expect(addressee('دولت به اجراي برنامه هاي كاهش آسيب در معتادان مكلف شده است')).toBe('دولت');
    expect(addressee('دولت با مصوبه ديروز مجلس ملزم به دستيابي كامل به فناوري شد')).toBe('دولت');
    expect(addressee('تمامي وزارتخانه ها به تفكيك بايد اطلاعات را جمع آوري كنند')).toBe(n('تمامي وزارتخانه ها'));
    expect(addressee('سازمان ميراث فرهنگي و گردشگري به صراحت موظف به تعيين ضوابط شده')).toBe(n('سازمان ميراث فرهنگي و گردشگري'));
  });
  it('takes the phrase before a comma that closes it, and the office named after a leading «طبق / براساس …»', () => {
    const n = normalizePersian;
    expect(addressee('بنياد ملي نخبگان، بايستي براي معرفي نخبه ها اقدام كند')).toBe(n('بنياد ملي نخبگان'));
    expect(addressee('طبق ماده ۱۵ مقررات مذكور، صندوق هاي موجود مكلفند ظرف مدت ۶ ماه اقدام نمايند')).toBe(n('صندوق هاي موجود'));
    expect(addressee('هم چنين طبق ماده پنج دولت مكلف شده است فرهنگ سازي كند')).toBe('دولت');
    expect(addressee('براساس مصوبه دولت وزارت رفاه و تأمين اجتماعي بايد تا نيمه فروردين طرح را تهيه كند')).toBe(n('وزارت رفاه و تأمين اجتماعي'));
    expect(addressee('بر اساس اين دستور عمل، بايد سهم دولت در صنايع مادر حداكثر 20درصد باشد')).toBeNull();
  });
  it('names the doer of a passive duty, not what is to be done', () => {
    const n = normalizePersian;
    expect(addressee('مقرر شد اين مصوبه از ابتداي سال 84 از طريق بانك مركزي اجرا شود')).toBe(n('بانك مركزي'));
    expect(addressee('مقرر شده است كه بازسازي واحدهاي روستايي به بنياد مسكن واگذار گردد')).toBe(n('بنياد مسكن'));
    expect(addressee('اقدامات مربوطه بايد توسط دستگاه هاي اجرايي ذي ربط انجام شود')).toBe(n('دستگاه هاي اجرايي ذي ربط'));
    expect(addressee('اقدامات مربوطه بايد توسط دستگاه هاي اجرايي ذي ربط انجام گيرد.')).toBe(n('دستگاه هاي اجرايي ذي ربط'));
    expect(addressee('در جلسه اي مشترك مقرر شد اين خريد توسط تجار مطمئن صورت گيرد')).toBe(n('تجار مطمئن'));
    expect(addressee('در جلسه استانداران مقرر شد كه بم به ۱۲ منطقه تقسيم شود')).toBeNull();
    expect(addressee('در جلسه مذكور مقرر شد وزيران اطلاعات،نفت،صنايع و بازرگاني مامور بررسي حوزه هايي شوند')).toBe(n('وزيران اطلاعات'));
  });
  it('takes the one told or charged: «به … ابلاغ شد»، «از … خواسته شد»، «بر عهده … است»', () => {
    const n = normalizePersian;
    expect(addressee('مصوبات ياد شده به نيروي انتظامي و سازمانهاي ديگر نيروهاي مسلح ابلاغ شده است')).toBe(n('نيروي انتظامي و سازمانهاي ديگر نيروهاي مسلح'));
    expect(addressee('از تمامي ادارات كل محيط زيست استان ها خواسته شده است تا رودخانه ها را شناسايي كنند')).toBe(n('تمامي ادارات كل محيط زيست استان ها'));
    expect(addressee('اين مسئوليت بر عهده سازمان بهزيستي است')).toBe(n('سازمان بهزيستي'));
    // «به گزارش خبرنگار ما با ابلاغ …» and «از تاریخ ابلاغ» tell no one.
    expect(addressee('به گزارش خبرنگار ما با ابلاغ ويژه رئيس كل دادگستري، پرونده بررسي شد')).toBeNull();
  });
  it('gives the span of the phrase in the text, whatever its spacing', () => {
    const text = normalizePersian('مقرر شد  معاون  فني  و عمراني گزارش را ارائه كند');
    const s = findAddresseeSpan(text);
    expect(s && text.slice(s.start, s.end)).toBe(normalizePersian('معاون  فني  و عمراني'));
    expect(s?.form).toBe('decided');
  });
  it('reads a noun of obligation («الزام X به»، «ملزم شدن X به»), an order sent to someone, and «بر اساس آن X باید»', () => {
    const n = normalizePersian;
    expect(addressee('بازبيني نظام توزيع و الزام عاملان عمده توزيع سيگار به همكاري با وزارت بهداشت')).toBe(n('عاملان عمده توزيع سيگار'));
    expect(addressee('ضمن اينكه ملزم شدن دستگاه هاي اجرايي به خريد خودروهاي گازسوز اهميت دارد')).toBe(n('دستگاه هاي اجرايي'));
    expect(addressee('رياست سازمان دستور تخفيف 80 درصد را به اداره كل بازرگاني صادر كرد')).toBe(n('اداره كل بازرگاني'));
    expect(addressee('وزارت بهداشت به تازگي بخشنامه اي به مراكز درماني كشور ارسال كرده است')).toBe(n('مراكز درماني كشور'));
    expect(addressee('وزارت پست دستور بازگشايي را صادر و به شركت پارس آن لاين نيز تذكر داده است')).toBe(n('شركت پارس آن لاين'));
    expect(addressee('اين شورا به تصويب رسيده است و بر اساس آن دانشگاه ها بايد در عملكرد خود بازنگري كنند')).toBe(n('دانشگاه ها'));
    expect(addressee('اين سازمان تا 6 ماه پس از تصويب اين قانون، فرصت دارد وظايف خود را مدون كند')).toBe(n('اين سازمان'));
    expect(addressee('در اين جلسه معاون فني و عمراني موظف شد ظرف يك ماه و نيم لكه ها را ترميم كند')).toBe(n('معاون فني و عمراني'));
    expect(addressee('معاون رئيس جمهور گفت: شركتهاي آب منطقه‌اي مكلف هستند آب شرب را تامين كنند')).toBe(n('شركتهاي آب منطقه اي'));
  });
  it('takes only the object of «… را موظف کرد», not the council that obliges', () => {
    // The adjective of the bill before it («… دو فوریتی») still rides along: the object ends with the one obliged.
    const obliged = addressee('شوراي شهر ديروز با تصويب يك طرح ۲ فوريتي شهرداري را موظف كرد كه لايحه را ارائه كند');
    expect(obliged).toMatch(/شهرداری$/u);
    expect(obliged).not.toContain('شورا');
  });
  it('reads a list of units split by commas and «و» as one addressee', () => {
    expect(addressee('استانداری‌ها، فرمانداری‌ها و شهرداری‌ها موظفند طرح را اجرا کنند')).toBe('استانداری ها، فرمانداری ها و شهرداری ها');
    expect(addressee('وی گفت: وزارت نیرو، وزارت نفت و سازمان محیط زیست موظفند گزارش دهند')).toBe('وزارت نیرو، وزارت نفت و سازمان محیط زیست');
    // A phrase that opens with a preposition is no item of the list.
    expect(addressee('با توجه به این، فرمانداری‌ها و شهرداری‌ها موظفند طرح را اجرا کنند')).toBe('فرمانداری ها و شهرداری ها');
  });
  it('takes the subject before a relative clause that stands before the obligation', () => {
    const n = normalizePersian;
    expect(addressee('همچنين موتوسواراني كه اقدام به جابجايي مسافران مي كنند ملزم به استفاده از كلاه ايمني هستند')).toBe(n('موتوسواراني'));
    expect(addressee('معلم هاي رابط كه از سوي مديريت آموزش و پرورش معرفي شده اند، موظف هستند 4 ساعت حضور يابند')).toBe(n('معلم هاي رابط'));
    expect(addressee('تمامي نيروها و سازمان ها با توجه به وظايفي كه براي آنها تعريف شده، موظف به تمكين هستند')).toBe(n('تمامي نيروها و سازمان ها'));
    // «گفت که …» opens what was said: the subject is inside it.
    expect(addressee('وی گفت که دستگاه ها موظفند گزارش دهند')).toBe('دستگاه ها');
  });
  it('reads the one told when the verb ends the sentence, past a parenthetical aside, and without what it is told for', () => {
    const n = normalizePersian;
    expect(addressee('رئیس کل سازمان امور مالیاتی نحوه محاسبه مالیات را به ادارات امور مالیاتی و حسابداران مالیاتی ابلاغ کرد.')).toBe('ادارات امور مالیاتی و حسابداران مالیاتی');
    expect(addressee('مصوبات ياد شده عينا به نيروي انتظامي جمهوري اسلامي ايران(معاونت وظيفه عمومي)و سازمانهاي ديگر نيروهاي مسلح ابلاغ شده')).toBe(
      n('نيروي انتظامي جمهوري اسلامي ايران(معاونت وظيفه عمومي)و سازمانهاي ديگر نيروهاي مسلح'),
    );
    expect(addressee('فیلتر شدن سایت ها به تمامی آی.اس.پی ها(شرکت های ارائه دهنده اینترنت)ابلاغ می شود')).toBe('تمامی آی.اس.پی ها');
    expect(addressee('فهرست سایت های غیرمجاز توسط وزارت پست به شرکت های خدمات اینترنتی برای فیلترینگ اعلام شده است.')).toBe('شرکت های خدمات اینترنتی');
    expect(addressee('نتیجه بررسی ها به خبرنگاران اعلام شد')).toBeNull();
  });
});

describe('findAddressee: a second predicate joined by «و»', () => {
  it('shares the subject that opens the first clause', () => {
    const n = normalizePersian;
    expect(addressee('1 - دولت حق فعاليت اقتصادي جديد خارج از موارد صدر اصل 44 را نداردو موظف است فعاليت ها را واگذار كند')).toBe(n('دولت حق فعاليت اقتصادي'));
    expect(addressee('كميسيون طرح را تصويب كرد و موظف شد گزارش آن را ارائه كند')).toBe(n('كميسيون'));
    // After a comma the clause's opening is no subject; a first-person clause names no one.
    expect(addressee('هر موسسه اي كه قرض الحسنه بدهد، مشمول اين مقررات مي شود و مكلف است نام خود را تغيير دهد')).toBeNull();
    expect(addressee('وي گفت: اين كار را انجام داديم و بايد ادامه دهيم')).toBeNull();
  });
});

describe('namesIssuer: the maker of a rule is not the one told to act', () => {
  const issuer = (sentence: string, actor: string) => {
    const text = normalizePersian(sentence);
    const at = text.indexOf(normalizePersian(actor));
    expect(at).toBeGreaterThanOrEqual(0);
    return namesIssuer(text, at, at + normalizePersian(actor).length);
  };
  it('the subject of «تصویب کرد / مقرر کردند / تصمیم گرفتند / ممنوع اعلام کرد»', () => {
    expect(issuer('هيأت وزيران تصويب كرد، پانزده درصد از اعتبارات در اختيار بانك هاي عامل قرارگيرد.', 'هیأت')).toBe(true);
    expect(issuer('نمايندگان ويژه رئيس جمهوري مقرر كردند، مهلت بازپرداخت بدهي ها چهار سال تمديد شود.', 'نمایندگان')).toBe(true);
    expect(issuer('اين نمايندگان همچنين تصميم گرفتند، براي بازسازي مجتمع آموزش عالي اعتبار دهند.', 'نمایندگان')).toBe(true);
    expect(issuer('دولت در مصوبه جديدي، پرداخت هر نوع پاداش به مديران را ممنوع اعلام كرد.', 'دولت')).toBe(true);
  });
  it('the maker after «مصوبه / تصمیمات / به تایید …»', () => {
    expect(issuer('براي رفع اين اشكالات بنابر مصوبه هيأت دولت، بايد كميسيون ماده ۵ تشكيل شود.', 'هیأت')).toBe(true);
    expect(issuer('براساس تصميمات اتخاذ شده در جلسه كميته مشترك شير، توزيع آغاز مي شود.', 'کمیته')).toBe(true);
  });
  it('not one obliged before the verb, nor one named after «از این پس»', () => {
    expect(issuer('دولت مكلف شد آيين نامه اي را كه مجلس تصويب كرد اجرا كند.', 'دولت')).toBe(false);
    expect(issuer('با ابلاغ اين مصوبه از اين پس همه بانك هاي كشور تسهيلات را با نرخ جديد پرداخت خواهند كرد.', 'همه بانک های')).toBe(false);
    expect(issuer('دستورالعمل ظرف 15 روز پس از ابلاغ توسط وزارت مسكن تدوين و ابلاغ خواهد شد.', 'وزارت')).toBe(false);
  });
});
