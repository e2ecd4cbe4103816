/**
 * @module What everyone may read: a published session, and a published directive of a published
 * session. Every read of a session or directive by id or slug asks here (as GET /api/sessions/{slug}
 * does), so drafts and rejected suggestions are reached only through the import review.
 */
import type { DirectiveStatus, SessionStatus } from '../db/schema';

/**
 * @example
 * isPublicSession({ status: 'draft' }) // false
 */
export function isPublicSession(session: { status: SessionStatus }): boolean {
  return session.status === 'published';
}

/**
 * @example
 * isPublicDirective({ status: 'rejected' }, { status: 'published' }) // false
 */
export function isPublicDirective(directive: { status: DirectiveStatus }, session: { status: SessionStatus }): boolean {
  return directive.status === 'published' && isPublicSession(session);
}
