/** @module The kind of an imported session, read from its title: a title that names a webinar, a meeting or an announcement says what the text is about. */
import type { SessionKind } from '../domain';
import { normalizePersian } from '../persian/normalize';

/** Words in a title and the kind they name, first match wins (a «گزارش وبینار» is a webinar's). */
const TITLE_KINDS: ReadonlyArray<{ kind: SessionKind; pattern: RegExp }> = [
  { kind: 'webinar', pattern: /وبینار|وبنیار|webinar/iu },
  { kind: 'announcement', pattern: /اطلاعیه|اطلاع\s?رسانی|بخشنامه|فراخوان/u },
  { kind: 'meeting', pattern: /جلسه|نشست|همایش|گردهمایی|شورای|کارگروه|دیدار/u },
];

/**
 * @example
 * sessionKindFromTitle('نخستین وبینار واگذاری امور برگزار شد') // 'webinar'
 * sessionKindFromTitle('افزایش بودجه آموزش') // null
 */
export function sessionKindFromTitle(title: string): SessionKind | null {
  const text = normalizePersian(title);
  return TITLE_KINDS.find((entry) => entry.pattern.test(text))?.kind ?? null;
}
