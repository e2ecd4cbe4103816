import { describe, expect, it } from 'vitest';
import { hasBidiControls, stripBidiControls } from './bidi';

describe('stripBidiControls', () => {
  it('removes overrides that make report‮fdp.exe look like a PDF', () => {
    expect(stripBidiControls('report\u202Efdp.exe')).toBe('reportfdp.exe');
  });

  it('removes every embedding, override and isolate (U+202A–U+202E, U+2066–U+2069)', () => {
    const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(stripBidiControls(`a${all}b`)).toBe('ab');
    expect(hasBidiControls(all)).toBe(true);
  });

  it('keeps ZWNJ, ZWJ and the LRM/RLM marks Persian text needs', () => {
    const persian = 'می\u200Cخواهند \u200D \u200E \u200F';
    expect(stripBidiControls(persian)).toBe(persian);
    expect(hasBidiControls(persian)).toBe(false);
  });
});
