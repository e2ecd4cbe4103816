import { describe, expect, it } from 'vitest';
import { onlyTheseWords, typedForms } from './typed-words';

describe('typedForms', () => {
  it('gives a joined normalised word back as typed: spaced, with ZWNJ, with Arabic yeh', () => {
    expect(typedForms('می تواند بودجه', ['میتواند'])).toEqual(['می تواند']);
    expect(typedForms('در مورد می‌تواند بودجه', ['در', 'مورد', 'میتواند'])).toEqual(['در', 'مورد', 'می‌تواند']);
    expect(typedForms('بودجه مي‌تواند', ['میتواند'])).toEqual(['مي‌تواند']);
  });

  it('matches each typed word once, in order, and keeps a word it cannot find as it came', () => {
    expect(typedForms('از بودجه از', ['از', 'از'])).toEqual(['از', 'از']);
    expect(typedForms('بودجه', ['میتواند'])).toEqual(['میتواند']);
    expect(typedForms('', ['از'])).toEqual(['از']);
  });
});

describe('onlyTheseWords', () => {
  it('is true when the query is the words alone, punctuation and spelling aside', () => {
    expect(onlyTheseWords('از', ['از'])).toBe(true);
    expect(onlyTheseWords(' «از»؟ ', ['از'])).toBe(true);
    expect(onlyTheseWords('از بودجه', ['از'])).toBe(false);
    expect(onlyTheseWords('از', [])).toBe(false);
  });
});
