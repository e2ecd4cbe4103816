/**
 * @module A session as the ingest takes it, for tests that store a few: paragraphs as text, or as
 * [speaker, text] pairs, whose speakers become the session's.
 */
import type { SessionInput } from '../../server/ingest/session-input';

/**
 * @example
 * await storeSessions(db, [sessionInput('webinar-1', 'وبینار', [['حسین فیروزی', 'متن…'], 'متن دوم'])]);
 */
export function sessionInput(slug: string, title: string, paragraphs: Array<string | [string, string]>, extra: Partial<SessionInput> = {}): SessionInput {
  const ps = paragraphs.map((p) => (typeof p === 'string' ? { text: p } : { text: p[1], speaker: p[0] }));
  return {
    slug,
    title,
    kind: 'webinar',
    heldOn: '2021-01-20',
    sourceKind: 'jsonl',
    sourceText: ps.map((p) => p.text).join('\n\n'),
    tags: [],
    speakers: [...new Set(ps.flatMap((p) => ('speaker' in p && p.speaker ? [p.speaker] : [])))],
    paragraphs: ps,
    directives: [],
    ...extra,
  };
}
