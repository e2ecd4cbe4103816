import { describe, expect, it } from 'vitest';
import { unmirrorBrackets } from './pdf-brackets';

describe('unmirrorBrackets', () => {
  it('swaps the brackets of right-to-left lines when whole pairs read mirrored', () => {
    expect(unmirrorBrackets(['طبق »ماده ۲۷« قانون ]الحاقی[ و )پیوست ۲(\nالف( فهرست؛ ب( برنامه'])).toEqual(['طبق «ماده ۲۷» قانون [الحاقی] و (پیوست ۲)\nالف) فهرست؛ ب) برنامه']);
  });

  it('keeps brackets that read the right way round, and list markers when no line tells', () => {
    expect(unmirrorBrackets(['طبق «ماده ۲۷» و (پیوست ۲)', 'الف) فهرست'])).toEqual(['طبق «ماده ۲۷» و (پیوست ۲)', 'الف) فهرست']);
    expect(unmirrorBrackets(['الف) فهرست؛ ب) برنامه'])).toEqual(['الف) فهرست؛ ب) برنامه']);
  });

  it('leaves left-to-right lines and brackets between Latin words alone', () => {
    expect(unmirrorBrackets(['گزارش )PDF( نهایی', 'see (Word 2016) file', 'طبق ISO (draft) spec )پیوست('])).toEqual(['گزارش (PDF) نهایی', 'see (Word 2016) file', 'طبق ISO (draft) spec (پیوست)']);
  });
});
