/** @module The administrator's user management: list, add, change, disable, new password. */
import { query, revalidate } from '@solidjs/router';
import type { z } from 'zod';
import type { CreatedUserSchema, NewUserSchema, UserChangesSchema, UserListSchema, UserSchema } from '../../../server/users/users.schemas';
import { apiRequest } from './client';

export type UserList = z.infer<typeof UserListSchema>;
export type User = z.infer<typeof UserSchema>;
export type NewUser = z.input<typeof NewUserSchema>;
export type UserChanges = z.input<typeof UserChangesSchema>;
export type CreatedUser = z.infer<typeof CreatedUserSchema>;

/**
 * Every account and the units one can belong to.
 *
 * @example
 * const list = createAsync(() => getUsers());
 */
export const getUsers = query(() => apiRequest<UserList>('/users'), 'users');

export async function createUser(input: NewUser): Promise<CreatedUser> {
  const created = await apiRequest<CreatedUser>('/users', { method: 'POST', json: input });
  await revalidate(getUsers.key);
  return created;
}

export async function updateUser(id: number, changes: UserChanges): Promise<User> {
  const user = await apiRequest<User>(`/users/${id}`, { method: 'PATCH', json: changes });
  await revalidate(getUsers.key);
  return user;
}

/** A new generated password for the user (shown once); signs the user out everywhere. */
export async function resetUserPassword(id: number): Promise<string> {
  const { password } = await apiRequest<{ password: string }>(`/users/${id}/password`, { method: 'POST' });
  return password;
}
