/**
 * @module How a session's paragraphs become the one body string that every offset (paragraph spans,
 * directive quotes, highlights) points into. Below ingest and repair, which both compose bodies.
 */

export const PARAGRAPH_SEPARATOR = '\n\n';

export interface ComposedBody {
  body: string;
  /** [start, end) of each paragraph in body. */
  spans: Array<[number, number]>;
}

/**
 * Join paragraphs into the session body that offsets point into.
 *
 * @example
 * composeBody([{ text: 'الف' }, { text: 'ب' }]) // { body: 'الف\n\nب', spans: [[0, 3], [5, 6]] }
 */
export function composeBody(paragraphs: ReadonlyArray<{ text: string }>): ComposedBody {
  const spans: Array<[number, number]> = [];
  let body = '';
  paragraphs.forEach((p, i) => {
    if (i > 0) body += PARAGRAPH_SEPARATOR;
    spans.push([body.length, body.length + p.text.length]);
    body += p.text;
  });
  return { body, spans };
}
