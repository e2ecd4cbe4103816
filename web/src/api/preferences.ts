/** @module My own e-mail settings: the address, and whether the daily digest and reminders are e-mailed. */
import { query, revalidate } from '@solidjs/router';
import type { Preferences, PreferencesChanges } from '../../../server/users/users.schemas';
import { apiRequest } from './client';

export type { Preferences };

/** `GET /api/users/me/preferences`. */
export const getPreferences = query(() => apiRequest<Preferences>('/users/me/preferences'), 'preferences');

/**
 * Save my e-mail settings (only mine: the route names no user).
 *
 * @example
 * await savePreferences({ emailEnabled: false });
 */
export async function savePreferences(changes: PreferencesChanges): Promise<Preferences> {
  const saved = await apiRequest<Preferences>('/users/me/preferences', { method: 'PUT', json: changes });
  await revalidate(getPreferences.key);
  return saved;
}
