/**
 * @module Matches organisational units named in a sentence (from a units list passed in,
 * plus everyday ways of naming all provinces) and tells the assignee from the recipient
 * («… ارسال به سازمان برنامه و بودجه»).
 */
import { normalizePersian } from '../persian/normalize';
import { execAtWordStart } from './word-start';

export interface UnitRef {
  code: string;
  name: string;
  kind: 'headquarters' | 'province' | 'external' | 'group';
  aliases: string[];
}

export interface UnitMention {
  code: string;
  /** [start, end) in the normalised sentence. */
  start: number;
  end: number;
  role: 'assignee' | 'recipient';
}

/** Ways of saying «all provinces» that a units list may not spell out. */
const ALL_PROVINCES_PHRASES = [
  'استان ها',
  'استانها',
  'مدیران کل استان ها',
  'مدیران کل استانها',
  'ادارات کل استان ها',
  'کلیه استان ها',
  'همه استان ها',
  'تمام استان ها',
  'تمامی استان ها',
  'استان های کشور',
  'استان های تابعه',
  'هر استان',
  'هر استانی',
  'مدیران استان ها',
];
export const ALL_PROVINCES = 'all-provinces';

function fold(text: string): string {
  return normalizePersian(text).replace(/\s+/g, ' ').trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface UnitMatcher {
  find(normalized: string): UnitMention[];
}

/**
 * Build a matcher over a units list. Longer names win over shorter ones they contain
 * («سازمان برنامه و بودجه کشور» over «استان»); an ezafe «ی» after a name is allowed.
 *
 * @example
 * buildUnitMatcher(units).find(normalizePersian('ارسال به سازمان برنامه و بودجه'))
 * // [{ code: 'pbo', role: 'recipient', … }]
 */
export function buildUnitMatcher(units: readonly UnitRef[]): UnitMatcher {
  // Every import passes the same list (as a fresh copy): its ~130 patterns are compiled once, not per document.
  const key = JSON.stringify(units.map((u) => [u.code, u.name, u.aliases]));
  if (lastBuilt?.key === key) return lastBuilt.matcher;
  const matcher = compileUnitMatcher(units);
  lastBuilt = { key, matcher };
  return matcher;
}

let lastBuilt: { key: string; matcher: UnitMatcher } | null = null;

function compileUnitMatcher(units: readonly UnitRef[]): UnitMatcher {
  const phrases: Array<{ phrase: string; code: string }> = [];
  for (const u of units) {
    for (const name of [u.name, ...u.aliases]) {
      const phrase = fold(name);
      if (phrase.length >= 2) phrases.push({ phrase, code: u.code });
    }
    if (u.code === ALL_PROVINCES) for (const p of ALL_PROVINCES_PHRASES) phrases.push({ phrase: p, code: u.code });
  }
  phrases.sort((a, b) => b.phrase.length - a.phrase.length);
  // A word the phrase cannot match without: a cheap includes() spares the regex on most sentences.
  // Many phrases share it («استان …»، «… آذربایجان …»): each distinct word is looked for once a sentence.
  const anchorWords: string[] = [];
  const patterns = phrases.map((p) => {
    const word = p.phrase.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
    if (!anchorWords.includes(word)) anchorWords.push(word);
    return {
      code: p.code,
      anchor: anchorWords.indexOf(word),
      // Found where a word starts (word-start.ts), without a look-behind tried at every position.
      re: new RegExp(`${escape(p.phrase).replace(/ /g, '\\s+')}(?:ی|یی|ای)?(?![\\p{L}\\p{N}])`, 'gu'),
    };
  });
  return {
    find(normalized) {
      const present = anchorWords.map((word) => normalized.includes(word));
      const taken: Array<[number, number]> = [];
      const mentions: UnitMention[] = [];
      for (const { code, anchor, re } of patterns) {
        if (!present[anchor]) continue;
        re.lastIndex = 0;
        for (let m = execAtWordStart(re, normalized); m !== null; m = execAtWordStart(re, normalized)) {
          const start = m.index;
          const end = start + m[0].length;
          if (taken.some(([s, e]) => start < e && end > s)) continue;
          taken.push([start, end]);
          mentions.push({ code, start, end, role: roleOf(normalized, start, end) });
        }
      }
      return mentions.sort((a, b) => a.start - b.start);
    },
  };
}

const SEND_VERBS = '(?:ارسال|ارائه|تحویل|اعلام|گزارش|منعکس|واریز|فرستاده|تسلیم|ابلاغ)';

function roleOf(text: string, start: number, end: number): 'assignee' | 'recipient' {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  if (new RegExp(`${SEND_VERBS}(?:\\s+\\S+){0,3}\\s+(?:به|برای)\\s*$`, 'u').test(before)) return 'recipient';
  if (/(?:^|\s)به\s*$/u.test(before) && new RegExp(`^(?:\\s+\\S+){0,3}\\s+${SEND_VERBS}`, 'u').test(after)) return 'recipient';
  return 'assignee';
}
