/**
 * @module Cut a draft's paragraphs into pieces for the review screen: where repairs were made
 * and where directives are suggested, each piece knowing its offsets in the text (so a text
 * selection maps back to a span of the body).
 */

export interface SpanLike {
  start: number;
  end: number;
}

export interface RepairSpan {
  start: number | null;
  end: number | null;
  note: string;
}

export interface ReviewPiece<S extends SpanLike, R extends RepairSpan> {
  text: string;
  /** Offsets of this piece in the draft's text. */
  start: number;
  end: number;
  /** The suggestion covering this piece (the earliest one when they overlap). */
  suggestion: S | null;
  /** The repairs made in this piece. */
  repairs: R[];
}

/**
 * Pieces of one paragraph: cut at every repair and suggestion boundary inside it.
 *
 * @example
 * reviewPieces({ text: 'الف ب ج', start: 0, end: 7 }, [{ start: 4, end: 5 }], [])
 * // [{ text: 'الف ', suggestion: null }, { text: 'ب', suggestion: … }, { text: ' ج', suggestion: null }]
 */
export function reviewPieces<S extends SpanLike, R extends RepairSpan>(
  paragraph: { text: string; start: number; end: number },
  suggestions: readonly S[],
  repairs: readonly R[],
): ReviewPiece<S, R>[] {
  const { start: from, end: to } = paragraph;
  if (paragraph.text.length !== to - from) return [{ text: paragraph.text, start: from, end: to, suggestion: null, repairs: [] }];
  const placedRepairs = repairs.filter((r): r is R & { start: number; end: number } => r.start !== null && r.end !== null && r.end > r.start);
  const cuts = new Set([from, to]);
  for (const s of [...suggestions, ...placedRepairs]) {
    if (s.start > from && s.start < to) cuts.add(s.start);
    if (s.end > from && s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const ordered = [...suggestions].sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: ReviewPiece<S, R>[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] ?? from;
    const end = points[i + 1] ?? to;
    const suggestion = ordered.find((s) => s.start <= start && s.end >= end) ?? null;
    const here = placedRepairs.filter((r) => r.start < end && r.end > start);
    const last = pieces[pieces.length - 1];
    // Neighbours with the same marks are one piece (fewer elements, simpler selection).
    if (last && last.suggestion === suggestion && sameRepairs(last.repairs, here)) {
      last.text += paragraph.text.slice(start - from, end - from);
      last.end = end;
    } else {
      pieces.push({ text: paragraph.text.slice(start - from, end - from), start, end, suggestion, repairs: here });
    }
  }
  return pieces;
}

function sameRepairs<R>(a: readonly R[], b: readonly R[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

