import { describe, expect, it } from 'vitest';
import { brokenJoin, joiningForm } from './arabic-forms';
import { paragraphPages } from './document-layout';
import { layOutPages, type PdfTextItem } from './pdf-layout';

/** Items of one RTL line laid out from the right margin, each word a run with a space gap. */
function rtlLine(words: string[], y: number, right = 500, h = 12): PdfTextItem[] {
  let x = right;
  return words.map((s) => {
    const w = s.length * 6;
    x -= w;
    const item = { s, x, y, w, h };
    x -= 4;
    return item;
  });
}

describe('PDF reading order', () => {
  it('reads a Persian line right to left and keeps a number run in its own order', () => {
    // «۱۳۹۹» drawn as two glyph runs: «۱۳» on the left, «۹۹» on its right (numbers run left to right).
    const items: PdfTextItem[] = [
      { s: 'تا', x: 470, y: 700, w: 12, h: 12 },
      { s: '۳۰', x: 450, y: 700, w: 12, h: 12 },
      { s: 'بهمن', x: 420, y: 700, w: 24, h: 12 },
      { s: '۱۳', x: 388, y: 700, w: 12, h: 12 },
      { s: '۹۹', x: 400, y: 700, w: 12, h: 12 },
    ];
    const page = layOutPages([{ width: 600, height: 800, items: [...items].reverse() }]).pages[0];
    expect(page?.text).toBe('تا ۳۰ بهمن ۱۳۹۹');
  });

  it('reads a line without a Persian letter left to right, however its runs are cut', () => {
    // LibreOffice: a bold phrase, then « — Annual …» with a dash (no letter) at its start.
    const items: PdfTextItem[] = [
      { s: 'Minutes of the Board', x: 57, y: 700, w: 109, h: 12 },
      { s: ' ', x: 166, y: 700, w: 3, h: 12 },
      { s: '— Annual Review & Sales', x: 169, y: 700, w: 130, h: 12 },
    ];
    expect(layOutPages([{ width: 600, height: 800, items }]).pages[0]?.text).toBe('Minutes of the Board — Annual Review & Sales');
  });

  it('keeps a Latin run with a dash and an address in its own order inside a Persian line', () => {
    const items: PdfTextItem[] = [
      { s: 'نشانی', x: 470, y: 700, w: 30, h: 12 },
      { s: 'secretariat@tvto.ir', x: 360, y: 700, w: 100, h: 12 },
      { s: '—', x: 345, y: 700, w: 10, h: 12 },
      { s: 'Tel', x: 320, y: 700, w: 20, h: 12 },
      { s: 'است.', x: 280, y: 700, w: 30, h: 12 },
    ];
    // Visually «Tel — secretariat@…» reads, left to right, as the writer typed it: Tel first.
    expect(layOutPages([{ width: 600, height: 800, items }]).pages[0]?.text).toBe('نشانی Tel — secretariat@tvto.ir است.');
  });

  it('puts a blank line where the spacing opens up, and reads the right column before the left', () => {
    const right = [
      ...rtlLine(['الف', 'یک'], 700, 560),
      ...rtlLine(['الف', 'دو'], 686, 560),
      ...rtlLine(['الف', 'سه'], 660, 560),
      ...rtlLine(['الف', 'چهار'], 646, 560),
    ];
    const left = [...rtlLine(['ب', 'یک'], 700, 260), ...rtlLine(['ب', 'دو'], 686, 260), ...rtlLine(['ب', 'سه'], 672, 260), ...rtlLine(['ب', 'چهار'], 658, 260)];
    const page = layOutPages([{ width: 600, height: 800, items: [...left, ...right] }]).pages[0];
    expect(page?.text).toBe('الف یک\nالف دو\n\nالف سه\nالف چهار\n\nب یک\nب دو\nب سه\nب چهار');
  });

  it('drops a header repeated on every page and a bare page number, and reports them', () => {
    const pages = [1, 2, 3].map((n) => ({
      width: 600,
      height: 800,
      items: [...rtlLine(['سازمان', 'آموزش', 'فنی'], 780), ...rtlLine(['متن', ['یکم', 'دوم', 'سوم'][n - 1] ?? ''], 700), ...rtlLine([String(n)], 30)],
    }));
    const laidOut = layOutPages(pages);
    expect(laidOut.pages.map((p) => p.text)).toEqual(['متن یکم', 'متن دوم', 'متن سوم']);
    expect(laidOut.runningLines).toContain('سازمان آموزش فنی');
  });

  it('keeps a body line that happens to end a paragraph the same way at the foot of every page', () => {
    // Failed before: «گزارش آمده است.» repeated at the bottom of each page was dropped as a footer.
    const pages = [1, 2, 3].map((n) => ({
      width: 600,
      height: 800,
      items: [
        ...rtlLine(['سازمان', 'آموزش'], 780),
        ...rtlLine(['متن', ['یکم', 'دوم', 'سوم'][n - 1] ?? '', 'در', 'بند'], 700),
        ...rtlLine(['گزارش', 'آمده', 'است.'], 686),
      ],
    }));
    const laidOut = layOutPages(pages);
    expect(laidOut.pages.map((p) => p.text)).toEqual(['متن یکم در بند\nگزارش آمده است.', 'متن دوم در بند\nگزارش آمده است.', 'متن سوم در بند\nگزارش آمده است.']);
  });

  it('puts back the ZWNJ a producer dropped, from the glyph shapes and from touching runs', () => {
    // Heh in its final form followed by alef: حرفه‌ای. Initial seen followed by teh: no break.
    expect(brokenJoin('\uFEEA', 'ا')).toBe(true);
    expect(brokenJoin('\uFEB3', 'ت')).toBe(false);
    expect(joiningForm('\uFBFD')).toBe('final');
    const touching = layOutPages([{ width: 600, height: 800, items: [{ s: 'استان', x: 470, y: 700, w: 30, h: 12 }, { s: 'ها', x: 458, y: 700, w: 12, h: 12 }] }]);
    expect(touching.pages[0]?.text).toBe('استان\u200Cها');
    // LibreOffice: the ZWNJ drawn as a «space» glyph of no width; a real space has width and stays.
    const zeroWidth = (w: number) => [{ s: 'کلاس', x: 502.6, y: 700, w: 27.5, h: 12 }, { s: ' ', x: 502.6 - w, y: 700, w, h: 0 }, { s: 'های', x: 480.4 - w, y: 700, w: 22.2, h: 12 }];
    expect(layOutPages([{ width: 600, height: 800, items: zeroWidth(0.37) }]).pages[0]?.text).toBe('کلاس\u200Cهای');
    expect(layOutPages([{ width: 600, height: 800, items: zeroWidth(3.8) }]).pages[0]?.text).toBe('کلاس های');
  });

  it('joins a word a kashida stretches, though its runs overlap or stand apart, and drops the tatweel', () => {
    // LibreOffice, justified: «من|ابع» cut where two kashida glyphs (read as tatweels) overlap by 2.9 pt,
    // and «ب ـ ا» with the kashida a run of its own; the real spaces between words stay.
    const items: PdfTextItem[] = [
      { s: 'مراکز، من\u0640', x: 162.2, y: 700, w: 60, h: 12 },
      { s: '\u0640ابع لازم', x: 120, y: 700, w: 45.1, h: 12 },
      { s: 'ب', x: 108, y: 700, w: 8, h: 12 },
      { s: '\u0640', x: 103, y: 700, w: 5, h: 12 },
      { s: 'ا کیفیت', x: 60, y: 700, w: 43, h: 12 },
    ];
    expect(layOutPages([{ width: 600, height: 800, items }]).pages[0]?.text).toBe('مراکز، منابع لازم با کیفیت');
    // A tatweel typed as a dash, its own run with room on both sides, keeps the words apart.
    const dash: PdfTextItem[] = [
      { s: 'الف', x: 480, y: 700, w: 20, h: 12 },
      { s: '\u0640', x: 470, y: 700, w: 6, h: 12 },
      { s: 'مدیران', x: 430, y: 700, w: 36, h: 12 },
    ];
    expect(layOutPages([{ width: 600, height: 800, items: dash }]).pages[0]?.text).toBe('الف مدیران');
  });

  it('finds the page of each repaired paragraph by its opening letters', () => {
    const raw = 'بند یکم\nادامه\n\nبند دوم';
    expect(paragraphPages(raw, [0, raw.indexOf('بند دوم')], ['بند یکم ادامه', 'بند دوم'])).toEqual([1, 2]);
  });
});

describe('the page footer of a one-page PDF', () => {
  it('is taken out when it reads «صفحهٔ ۱ از ۱» (with هٔ or ۀ), as on longer documents', () => {
    for (const footer of ['صفحهٔ', 'صفحۀ', 'صفحه']) {
      const items = [...rtlLine(['متن', 'نامه'], 700), ...rtlLine(['پایان', 'نامه.'], 686), ...rtlLine([footer, '1', 'از', '1'], 30)];
      const laidOut = layOutPages([{ width: 600, height: 842, items }]);
      expect(laidOut.pages[0]?.text).toBe('متن نامه\nپایان نامه.');
      expect(laidOut.runningLines).toEqual([`${footer} 1 از 1`]);
    }
  });
});

describe('the running header of a one-page PDF', () => {
  const body = [...rtlLine(['متن', 'نامه', 'اول'], 640), ...rtlLine(['متن', 'نامه', 'دوم'], 626), ...rtlLine(['پایان', 'نامه.'], 612)];

  it('stays in the text when it stands apart at the top in a smaller type, but the heading under it is the title', () => {
    const items = [...rtlLine(['سازمان', 'آموزش', 'فنی'], 790, 500, 9), ...rtlLine(['صورت‌جلسه', 'کمیسیون'], 700, 500, 18), ...body];
    const laidOut = layOutPages([{ width: 600, height: 842, items }]);
    expect(laidOut.pages[0]?.text.split('\n')[0]).toBe('سازمان آموزش فنی');
    expect(laidOut.titleHint).toBe('صورت‌جلسه کمیسیون');
    expect(laidOut.runningLines).toEqual([]);
  });

  it('keeps a letter number set small at the top, which is not the title either', () => {
    const items = [...rtlLine(['شماره:', '۱۲۳/۴۵', 'تاریخ:', '۱۴۰۳/۰۵/۰۱'], 790, 500, 9), ...rtlLine(['موضوع', 'املاک'], 700, 500, 14), ...body];
    const laidOut = layOutPages([{ width: 600, height: 842, items }]);
    expect(laidOut.pages[0]?.text).toContain('۱۲۳/۴۵');
    expect(laidOut.titleHint).toBe('موضوع املاک');
  });

  it('stays when it is set as large as the text (a first line, not a header), and a small line at the foot stays too', () => {
    const items = [...rtlLine(['سازمان', 'آموزش', 'فنی'], 790, 500, 12), ...body, ...rtlLine(['یادداشت', 'پایانی'], 60, 500, 9)];
    const laidOut = layOutPages([{ width: 600, height: 842, items }]);
    expect(laidOut.pages[0]?.text).toBe('سازمان آموزش فنی\n\nمتن نامه اول\nمتن نامه دوم\nپایان نامه.\n\nیادداشت پایانی');
    expect(laidOut.runningLines).toEqual([]);
    expect(laidOut.titleHint).toBeNull();
  });
});
