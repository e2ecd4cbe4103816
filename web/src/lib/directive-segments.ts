/**
 * @module Cut a paragraph into plain text and directive highlights, from the directives'
 * offsets into the session body, so each directive is shown in place.
 */

/** What segmenting needs of a paragraph: its text and where it sits in the body. */
export interface ParagraphSpan {
  text: string;
  start: number;
  end: number;
}

/** What segmenting needs of a directive: its span in the body. */
export interface DirectiveSpan {
  anchor: string;
  start: number;
  end: number;
}

export type ParagraphSegment<D extends DirectiveSpan> =
  | { kind: 'text'; text: string }
  /** `first` marks the part that carries the directive's `id="d-…"`. */
  | { kind: 'directive'; text: string; directive: D; first: boolean };

/** One paragraph ready to show: its segments and the directives whose notes go beside it. */
export interface PlacedParagraph<P extends ParagraphSpan, D extends DirectiveSpan> {
  paragraph: P;
  segments: ParagraphSegment<D>[];
  /** Directives that begin here (in the paragraph or the gap before it), in body order. */
  notes: D[];
}

/**
 * Place directives in paragraphs: each paragraph is cut into plain text and highlights, and
 * each directive belongs to the first paragraph it reaches (its id and note go there).
 * Overlapping directives are cut at the previous one's end, so every quote shows once.
 *
 * @example
 * placeDirectives([{ text: 'الف ب ج', start: 10, end: 17 }], [{ anchor: 'x', start: 14, end: 15 }])
 * // [{ segments: [text 'الف ', directive 'ب' (first), text ' ج'], notes: [x], … }]
 */
export function placeDirectives<P extends ParagraphSpan, D extends DirectiveSpan>(
  paragraphs: readonly P[],
  directives: readonly D[],
): PlacedParagraph<P, D>[] {
  const ordered = [...paragraphs].sort((a, b) => a.start - b.start);
  const sorted = [...directives].sort((a, b) => a.start - b.start || a.end - b.end);
  const placed = new Set<D>();
  return ordered.map((paragraph) => {
    const notes = sorted.filter((d) => !placed.has(d) && d.start < paragraph.end && d.end > d.start);
    for (const d of notes) placed.add(d);
    return { paragraph, segments: segmentParagraph(paragraph, sorted, new Set(notes)), notes };
  });
}

function segmentParagraph<D extends DirectiveSpan>(paragraph: ParagraphSpan, sorted: readonly D[], ownedHere: ReadonlySet<D>): ParagraphSegment<D>[] {
  // A paragraph whose text does not match its offsets cannot be cut safely: show it whole.
  if (paragraph.text.length !== paragraph.end - paragraph.start) return [{ kind: 'text', text: paragraph.text }];

  const segments: ParagraphSegment<D>[] = [];
  let cursor = paragraph.start;
  for (const directive of sorted) {
    const from = Math.max(directive.start, cursor);
    const to = Math.min(directive.end, paragraph.end);
    if (to <= from) continue;
    if (from > cursor) segments.push({ kind: 'text', text: slice(paragraph, cursor, from) });
    const first = ownedHere.has(directive) && !segments.some((s) => s.kind === 'directive' && s.directive === directive);
    segments.push({ kind: 'directive', text: slice(paragraph, from, to), directive, first });
    cursor = to;
  }
  if (cursor < paragraph.end) segments.push({ kind: 'text', text: slice(paragraph, cursor, paragraph.end) });
  return segments;
}

function slice(paragraph: ParagraphSpan, from: number, to: number): string {
  return paragraph.text.slice(from - paragraph.start, to - paragraph.start);
}
