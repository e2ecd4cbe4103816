/** @module Reads of sessions, as router queries (cached per argument, shared by preload and page), and a manager's corrections, withdrawals and restores. */
import { query, revalidate } from '@solidjs/router';
import type { z } from 'zod';
import type {
  SessionCorrectionResultSchema,
  SessionCorrectionSchema,
  SessionRestoreResultSchema,
  SessionWithdrawalResultSchema,
} from '../../../server/sessions/correction.schemas';
import { apiRequest } from './client';
import { getRollup } from './directives';
import { searchSessions } from './search';
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

export type SessionCorrection = z.infer<typeof SessionCorrectionSchema>;
export type SessionCorrectionResult = z.infer<typeof SessionCorrectionResultSchema>;
export type SessionWithdrawalResult = z.infer<typeof SessionWithdrawalResultSchema>;
export type SessionRestoreResult = z.infer<typeof SessionRestoreResultSchema>;

/** After a correction or withdrawal: the session, the lists and every search answer may have changed. */
async function refreshAfterChange(): Promise<void> {
  await revalidate([getSession.key, getSessionPage.key, searchSessions.key, getRollup.key]);
}

/**
 * Correct a published session's facts or paragraph texts (managers); `version` is the one read.
 *
 * @example
 * await correctSession('tvto-1', { version: 3, title: 'عنوان درست', paragraphs: [{ ordinal: 4, text: '…' }] });
 */
export async function correctSession(slug: string, body: SessionCorrection): Promise<SessionCorrectionResult> {
  const result = await apiRequest<SessionCorrectionResult>(`/sessions/${encodeURIComponent(slug)}`, { method: 'PATCH', json: body });
  await refreshAfterChange();
  return result;
}

/**
 * Withdraw a published session with a reason (managers); its open actions are cancelled.
 *
 * @example
 * const { cancelledActions } = await withdrawSession('tvto-2', 4, 'نسخهٔ تکراری');
 */
export async function withdrawSession(slug: string, version: number, reason: string): Promise<SessionWithdrawalResult> {
  const result = await apiRequest<SessionWithdrawalResult>(`/sessions/${encodeURIComponent(slug)}/withdraw`, { method: 'POST', json: { version, reason } });
  await refreshAfterChange();
  return result;
}

/**
 * Restore a withdrawn session with a reason (managers): back in lists and search; the actions its
 * withdrawal cancelled stay cancelled (each directive's page offers to reopen them with a new deadline).
 *
 * @example
 * const { cancelledActions } = await restoreSession('tvto-2', 5, 'پس‌گرفتن به اشتباه بود');
 */
export async function restoreSession(slug: string, version: number, reason: string): Promise<SessionRestoreResult> {
  const result = await apiRequest<SessionRestoreResult>(`/sessions/${encodeURIComponent(slug)}/restore`, { method: 'POST', json: { version, reason } });
  await refreshAfterChange();
  return result;
}
