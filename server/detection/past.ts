/**
 * @module Signs that a directive sentence tells the past rather than sets a task: a year before the
 * session named in it («تا پایان سال 82» told in 1383), and a time in the past framing the obligation
 * in its own clause («سال گذشته در همین جلسه مقرر شد …»). Pure: works on normalizePersian text.
 */
import { findVerbs } from '../persian/verb-forms';
import type { ObligationClause } from './clause';
import type { CueHit } from './cues';

const YEAR_NAMED = /(?<![\p{L}])(?:در ?)?سال (13)?(\d{2})(?![\p{N}])/gu;

/**
 * Whether the text names a year before the session's, as a date or as a deadline, not as an
 * attribute («متولد سال 60»، «از سال 80»، «حساب‌های مالی سال 82»).
 *
 * @example
 * namesPastYear('امور تصدی گری را می بایستی تا پایان سال 82 واگذار کنند', 1383) // true
 * namesPastYear('حساب های مالی سال 82 رسیدگی شود', 1383) // false
 */
export function namesPastYear(text: string, sessionYear: number): boolean {
  for (const m of text.matchAll(YEAR_NAMED)) {
    const year = 1300 + Number(m[2]);
    const before = text.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0);
    if (year < sessionYear && !/(?:متولد|متولدین|از|مالی|بودجه|عملکرد|حساب|حساب های|ترازنامه)\s*$/u.test(before)) return true;
  }
  return false;
}

/**
 * The time in the past that frames the obligation, or null: a «سال گذشته»-like cue in the obligation's
 * clause, at most 40 characters before it with no verb between. Only a year or a month ago:
 * «دیروز … موظف کرد» is fresh news.
 *
 * @example
 * pastFrame('سال گذشته در همین جلسه مقرر شد شرکت آب تا پایان شهریور اقدام کند', cues, clause) // 'سال گذشته'
 */
export function pastFrame(text: string, cues: readonly CueHit[], clause: ObligationClause): string | null {
  const at = clause.obligation?.start ?? -1;
  const hit = cues.find(
    (c) =>
      c.id === 'history' &&
      c.start >= clause.start &&
      c.end <= at &&
      at - c.end <= 40 &&
      !/دیروز|روز|هفته/u.test(text.slice(c.start, c.end)) &&
      findVerbs(text.slice(c.end, at)).length === 0,
  );
  return hit ? text.slice(hit.start, hit.end) : null;
}
