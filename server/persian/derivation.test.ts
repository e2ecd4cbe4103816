import { describe, expect, it } from 'vitest';
import { derivedForms } from './derivation';

describe('derivedForms (derivational relatives)', () => {
  it('pairs «ـه» with «ـگی / ـگان», both ways', () => {
    expect(derivedForms('آلوده')).toContain('آلودگی');
    expect(derivedForms('آلودگی')).toContain('آلوده');
    expect(derivedForms('برندگان')).toContain('برنده');
    expect(derivedForms('یائسگی')).toContain('یائسه');
  });

  it('pairs «ـه» with its Arabic plural «ـات», both ways', () => {
    expect(derivedForms('حمله')).toContain('حملات');
    expect(derivedForms('حملات')).toContain('حمله');
    expect(derivedForms('جلسات')).toContain('جلسه');
  });

  it('pairs an Arabic verbal noun with its participle, both ways', () => {
    expect(derivedForms('منقرض')).toContain('انقراض');
    expect(derivedForms('انقراض')).toContain('منقرض');
    expect(derivedForms('انتخاب')).toContain('منتخب');
    expect(derivedForms('استخراج')).toContain('مستخرج');
    expect(derivedForms('متخصص')).toContain('تخصص');
  });

  it('leaves out the ambiguous مفعل shape and weak roots', () => {
    expect(derivedForms('اعلام')).not.toContain('معلم');
    // «ایران» fits only افعال (a shape left out), and only with ی as a root letter.
    expect(derivedForms('ایران')).toEqual([]);
  });

  it('gives nothing for a short word or one with no such ending', () => {
    expect(derivedForms('کوه')).toEqual([]);
    expect(derivedForms('کتاب')).toEqual([]);
    expect(derivedForms('آلوده')).not.toContain('آلوده');
  });
});
