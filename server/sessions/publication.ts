/**
 * @module What everyone may read: a published session, and a published directive of a published
 * session. Every read of a session or directive by id or slug asks here (as GET /api/sessions/{slug}
 * does), so drafts and rejected suggestions are reached only through the import review.
 */
import type { DirectiveStatus, Role, SessionStatus } from '../db/schema';

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

/**
 * Who reads a withdrawn session and its directives (read-only, marked): managers and admins. Anyone
 * else is answered as if it never existed.
 *
 * @example
 * readsWithdrawn('director') // false
 */
export function readsWithdrawn(role: Role): boolean {
  return role === 'manager' || role === 'admin';
}

/**
 * A published directive of a published session, or, for managers and admins, of a withdrawn one.
 *
 * @example
 * isReadableDirective({ status: 'published' }, { status: 'withdrawn' }, 'staff') // false
 */
export function isReadableDirective(directive: { status: DirectiveStatus }, session: { status: SessionStatus }, role: Role): boolean {
  if (directive.status !== 'published') return false;
  return isPublicSession(session) || (session.status === 'withdrawn' && readsWithdrawn(role));
}
