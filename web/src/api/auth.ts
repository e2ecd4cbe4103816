/** @module Signing in and out, who is signed in, and changing one's own password. */
import { query, revalidate } from '@solidjs/router';
import type { z } from 'zod';
import type { AuthUserSchema } from '../../../server/auth/auth.schemas';
import { ApiError, apiRequest } from './client';

/** The signed-in user as `GET /api/auth/me` returns it. */
export type AuthUser = z.infer<typeof AuthUserSchema>;

/**
 * The signed-in user, or null when nobody is (a 401 here does not redirect: the header asks quietly).
 *
 * @example
 * const me = createAsync(() => getMe());
 */
export const getMe = query(async (): Promise<AuthUser | null> => {
  try {
    return await apiRequest<AuthUser>('/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}, 'me');

/**
 * Sign in; the server sets the session cookie. Throws ApiError (401 wrong password, 429 wait).
 *
 * @example
 * const user = await signIn('maryam', 'a long passphrase');
 */
export async function signIn(username: string, password: string): Promise<AuthUser> {
  const user = await apiRequest<AuthUser>('/auth/login', { method: 'POST', json: { username, password } });
  await revalidate();
  return user;
}

/** Sign out this browser. */
export async function signOut(): Promise<void> {
  try {
    await apiRequest('/auth/logout', { method: 'POST' });
  } catch (error) {
    // Already signed out (401) is what we wanted anyway.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  await revalidate(getMe.key);
}

/** Change one's own password; every other signed-in browser is signed out. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await apiRequest('/auth/password', { method: 'POST', json: { currentPassword, newPassword } });
}

/**
 * Where to go after signing in: the `next` parameter when it is a path on this site, else home.
 *
 * @example
 * safeNext('/sessions/a') // '/sessions/a'
 * safeNext('//evil.example') // '/'
 */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return '/';
  return next;
}

export const ROLE_LABELS: Record<AuthUser['role'], string> = {
  admin: 'مدیر سامانه',
  manager: 'کارشناس ستاد',
  director: 'مدیر کل واحد',
  staff: 'کارمند',
};
