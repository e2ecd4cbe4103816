/** @module Persian labels for the domain's enumerations (session and directive kinds). */
import type { DirectiveDto, SessionSummary } from '../api/types';

export type SessionKind = SessionSummary['kind'];
export type DirectiveKind = DirectiveDto['kind'];

/** The kinds in the order the pickers offer them. */
export const SESSION_KINDS: readonly SessionKind[] = ['webinar', 'meeting', 'announcement', 'news'];
export const DIRECTIVE_KINDS: readonly DirectiveKind[] = ['action', 'instruction', 'policy', 'exhortation'];

const sessionKindLabels: Record<SessionKind, string> = {
  webinar: 'وبینار',
  meeting: 'نشست',
  announcement: 'اطلاعیه',
  news: 'خبر',
};

const directiveKindLabels: Record<DirectiveKind, string> = {
  action: 'اقدام',
  instruction: 'دستور',
  policy: 'سیاست',
  exhortation: 'توصیه',
};

/**
 * @example
 * sessionKindLabel('webinar') // 'وبینار'
 */
export function sessionKindLabel(kind: SessionKind): string {
  return sessionKindLabels[kind];
}

/**
 * @example
 * directiveKindLabel('action') // 'اقدام'
 */
export function directiveKindLabel(kind: DirectiveKind): string {
  return directiveKindLabels[kind];
}
