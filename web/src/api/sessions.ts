/** @module Reads of sessions, as router queries (cached per argument, shared by preload and page). */
import { query } from '@solidjs/router';
import { apiRequest } from './client';
import type { SessionDetail, SessionPage } from './types';

/** Sessions per page on the home page. */
export const SESSIONS_PAGE_SIZE = 20;

/**
 * One page of sessions, newest first (page numbers start at 1).
 *
 * @example
 * const page = createAsync(() => getSessionPage(2));
 */
export const getSessionPage = query(
  (page: number) =>
    apiRequest<SessionPage>('/sessions', { query: { limit: SESSIONS_PAGE_SIZE, offset: (Math.max(1, page) - 1) * SESSIONS_PAGE_SIZE } }),
  'sessionPage',
);

/**
 * One session with its paragraphs and published directives.
 *
 * @example
 * const session = createAsync(() => getSession(params.slug));
 */
export const getSession = query((slug: string) => apiRequest<SessionDetail>(`/sessions/${encodeURIComponent(slug)}`), 'session');

/**
 * The document a published session was imported from (PDF, Word, scan), or null.
 *
 * @example
 * const source = createAsync(() => getSessionDocument(slug)); // { fileName, download, … } | null
 */
export async function getSessionDocument(slug: string): Promise<{ fileName: string; mimeType: string; size: number; download: string } | null> {
  const info = await apiRequest<{ document: { fileName: string; mimeType: string; size: number; download: string } | null }>(
    `/sessions/${encodeURIComponent(slug)}/document`,
  );
  return info.document;
}
