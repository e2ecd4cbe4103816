/**
 * @module The one shape every reader (markdown, raw text, WebVTT/SRT, JSONL) produces
 * and the store consumes, plus how paragraphs become a body with offsets.
 */
import type { DirectiveKind, SessionKind, SessionStatus, SourceKind } from '../domain';

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

// The body's shape lives below ingest and repair, which both compose bodies; re-exported for readers.
export { composeBody, PARAGRAPH_SEPARATOR, type ComposedBody } from '../session-body';
