/** @module API shapes for managing accounts. */
import { z } from '@hono/zod-openapi';
import { oneLineText } from '../security/one-line';
import { roles } from '../db/schema';

/** Lower-case Latin letters, digits, dot, dash and underscore: no look-alike names. */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'نام کاربری: ۲ تا ۴۰ حرف لاتین کوچک، رقم، نقطه، خط تیره یا زیرخط')
  .openapi({ example: 'tabriz.director' });

export const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    unitCode: z.string().nullable(),
    disabled: z.boolean(),
    createdAt: z.string(),
    passwordChangedAt: z.string(),
  })
  .openapi('User');

export const UnitOptionSchema = z.object({ code: z.string(), name: z.string(), kind: z.string() }).openapi('UnitOption');

export const UserListSchema = z
  .object({ items: z.array(UserSchema), units: z.array(UnitOptionSchema).openapi({ description: 'units a user can belong to' }) })
  .openapi('UserList');

export const NewUserSchema = z
  .object({
    username: UsernameSchema,
    displayName: oneLineText(200).pipe(z.string().min(1)).openapi({ type: 'string', description: 'one line' }),
    role: z.enum(roles),
    unitCode: z.string().min(1).max(100).nullable().optional(),
    /** Omit to have one generated and returned once. */
    password: z.string().min(1).max(200).optional(),
  })
  .openapi('NewUser');

export const UserChangesSchema = z
  .object({
    displayName: oneLineText(200).pipe(z.string().min(1)).optional().openapi({ type: 'string', description: 'one line' }),
    role: z.enum(roles).optional(),
    unitCode: z.string().min(1).max(100).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .openapi('UserChanges');

export const CreatedUserSchema = z
  .object({
    user: UserSchema,
    initialPassword: z.string().nullable().openapi({ description: 'the generated password, shown once; null when one was given' }),
  })
  .openapi('CreatedUser');

export const PasswordResetSchema = z.object({ password: z.string().openapi({ description: 'the new password, shown once' }) }).openapi('PasswordReset');

export const UserIdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647).openapi({ param: { name: 'id', in: 'path' } }) });

/** My own settings: where and whether e-mail (the daily digest, reminders) reaches me. */
export const PreferencesSchema = z
  .object({
    email: z.string().nullable().openapi({ example: 'tabriz@example.org', description: 'null: no address, no e-mail' }),
    emailEnabled: z.boolean().openapi({ description: 'false: no daily digest and no reminder e-mails' }),
  })
  .openapi('Preferences');

/** Strict: a field that is not one of mine (a user id, a role) is refused, not ignored. */
export const PreferencesChangesSchema = z
  .object({
    email: z.string().trim().max(254).nullable().optional(),
    emailEnabled: z.boolean().optional(),
  })
  .strict()
  .openapi('PreferencesChanges');

export type UserDto = z.infer<typeof UserSchema>;
export type Preferences = z.infer<typeof PreferencesSchema>;
export type PreferencesChanges = z.infer<typeof PreferencesChangesSchema>;
export type NewUser = z.infer<typeof NewUserSchema>;
export type UserChanges = z.infer<typeof UserChangesSchema>;
