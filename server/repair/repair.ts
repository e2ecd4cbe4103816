/**
 * @module Repairs raw Persian text (PDF extracts, pasted web pages) into clean
 * paragraphs: entities and soft hyphens, display-safe normalisation, reversed lines,
 * rejoined lines, duplicated paragraphs. The original is never modified and every
 * repair is listed with its kind, source line and where it landed.
 */
import { composeBody } from '../session-body';
import { normalizePersian } from '../persian/normalize';
import { toPersianDigits } from '../persian/numbers';
import { decodeEntities, normalizeForDisplay, repairSoftHyphens, type CharacterChange } from './characters';
import { assembleParagraphs, type SourceLine } from './paragraphs';
import { buildWordOrderModel, judgeLineOrder } from './reversed-lines';

export type RepairKind =
  | 'entity'
  | 'soft-hyphen'
  | 'normalize'
  | 'reversed-line'
  | 'line-join'
  | 'blank-line-join'
  | 'duplicate-paragraph';

export interface Repair {
  kind: RepairKind;
  /** 1-based line of the original text. */
  line: number;
  /** Span in the repaired text where the repaired line now sits; null when it was dropped. */
  start: number | null;
  end: number | null;
  /** What was there and what replaced it (for joins: the end of the previous line and the joined line). */
  before: string;
  after: string;
  count: number;
  /** For reversed lines: backwards score minus forwards score. */
  score?: number;
  /** A short Persian explanation for the review screen. */
  note: string;
}

export interface RepairedParagraph {
  text: string;
  start: number;
  end: number;
  /** Original lines this paragraph came from (1-based). */
  lines: number[];
}

export interface RepairedText {
  original: string;
  text: string;
  paragraphs: RepairedParagraph[];
  repairs: Repair[];
}

const NOTES: Record<RepairKind, string> = {
  entity: 'موجودیت HTML رمزگشایی شد',
  'soft-hyphen': 'خط فاصله‌ی نرم برداشته شد',
  normalize: 'نویسه به شکل فارسی یکسان شد',
  'reversed-line': 'ترتیب واژه‌های سطر وارونه بود و درست شد',
  'line-join': 'سطر شکسته در میان جمله پیوسته شد',
  'blank-line-join': 'سطر خالی میان جمله برداشته شد',
  'duplicate-paragraph': 'بند تکراری حذف شد',
};

function describe(change: CharacterChange): string {
  if (change.kind === 'soft-hyphen') return change.after === '' ? NOTES['soft-hyphen'] : 'خط فاصله‌ی نرم به نیم‌فاصله تبدیل شد';
  return NOTES[change.kind];
}

/** Key under which two paragraphs count as the same text (line breaks, spacing, punctuation aside). */
function paragraphKey(text: string): string {
  return normalizePersian(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Repair raw text into paragraphs and list every repair.
 *
 * @example
 * const r = repairText('بودجه&shy;های\nسازمان');
 * r.text            // 'بودجه‌های سازمان' (ZWNJ)
 * r.repairs[0].kind // 'entity'
 */
export function repairText(original: string): RepairedText {
  const rawLines = original.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const pending: Array<Omit<Repair, 'start' | 'end'>> = [];

  // 1. Characters, line by line.
  const cleaned = rawLines.map((raw, i) => {
    const line = i + 1;
    let text = raw;
    for (const step of [decodeEntities, repairSoftHyphens, normalizeForDisplay]) {
      const result = step(text);
      for (const change of result.changes) {
        pending.push({ kind: change.kind, line, before: change.before, after: change.after, count: change.count, note: describe(change) });
      }
      text = result.text;
    }
    return text;
  });

  // 2. Reversed lines, judged against the rest of the document.
  const model = buildWordOrderModel(cleaned);
  const ordered: SourceLine[] = cleaned.map((text, i) => {
    const verdict = judgeLineOrder(text, model);
    if (!verdict.reversed) return { line: i + 1, text: text.replace(/\s+/g, ' ').trim() };
    pending.push({
      kind: 'reversed-line',
      line: i + 1,
      before: text.trim(),
      after: verdict.text,
      count: 1,
      score: verdict.reversedScore - verdict.forwardScore,
      note: `${NOTES['reversed-line']} (امتیاز وارونه ${toPersianDigits(verdict.reversedScore)} در برابر ${toPersianDigits(verdict.forwardScore)})`,
    });
    return { line: i + 1, text: verdict.text };
  });

  // 3. Paragraphs.
  const assembly = assembleParagraphs(ordered);
  for (const join of assembly.joins) {
    pending.push({ kind: join.kind, line: join.line, before: '\n', after: ' ', count: 1, note: NOTES[join.kind] });
  }

  // 4. Duplicated paragraphs: keep the first.
  const seen = new Set<string>();
  const kept = assembly.paragraphs.filter((p) => {
    const k = paragraphKey(p.text);
    if (k === '' || !seen.has(k)) {
      seen.add(k);
      return true;
    }
    const first = p.segments[0]?.line ?? 0;
    pending.push({ kind: 'duplicate-paragraph', line: first, before: p.text, after: '', count: 1, note: NOTES['duplicate-paragraph'] });
    return false;
  });

  const { body, spans } = composeBody(kept);
  const paragraphs: RepairedParagraph[] = kept.map((p, i) => {
    const [start, end] = spans[i] ?? [0, 0];
    return { text: p.text, start, end, lines: p.segments.map((s) => s.line) };
  });
  // Where each source line ended up in the repaired text.
  const lineSpans = new Map<number, [number, number]>();
  kept.forEach((p, i) => {
    const base = spans[i]?.[0] ?? 0;
    for (const s of p.segments) lineSpans.set(s.line, [base + s.start, base + s.end]);
  });
  const repairs: Repair[] = pending
    .map((r) => {
      const span = lineSpans.get(r.line);
      return { ...r, start: span ? span[0] : null, end: span ? span[1] : null };
    })
    .sort((a, b) => a.line - b.line);
  return { original, text: body, paragraphs, repairs };
}
