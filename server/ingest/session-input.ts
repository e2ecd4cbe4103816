/**
 * @module The one shape every reader (markdown, raw text, WebVTT/SRT, JSONL) produces
 * and the store consumes, plus how paragraphs become a body with offsets.
 */
import type { DirectiveKind, SessionKind, SessionStatus, SourceKind } from '../db/schema';

export interface ParagraphInput {
  text: string;
  speaker?: string | null;
  mediaStartMs?: number | null;
  mediaEndMs?: number | null;
}

export interface DirectiveInput {
  /** Offsets into the composed body (see composeBody). */
  start: number;
  end: number;
  anchor?: string;
  speaker?: string | null;
  kind: DirectiveKind;
  refs: string[];
  assigneeCode?: string | null;
  recipientCode?: string | null;
  dueRule?: string | null;
  /** ISO date. */
  dueOn?: string | null;
  cues?: string[];
  status: 'draft' | 'published';
}

export interface SessionInput {
  slug: string;
  title: string;
  kind: SessionKind;
  /** ISO date. */
  heldOn: string | null;
  series?: string | null;
  organiser?: string | null;
  sourceKind: SourceKind;
  /** The source exactly as received. */
  sourceText: string;
  mediaUrl?: string | null;
  tags: string[];
  notes?: string | null;
  /** Speakers' display names; when absent, taken from paragraphs and directives. */
  speakers?: string[];
  paragraphs: ParagraphInput[];
  directives: DirectiveInput[];
  /** 'draft' for an import under review (hidden until published); default 'published'. Set on insert only. */
  status?: SessionStatus;
}

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
