/** @module API shapes for signing in, the signed-in user and password change. */
import { z } from '@hono/zod-openapi';
import { roles } from '../db/schema';

export const AuthUserSchema = z
  .object({
    id: z.number().int(),
    username: z.string().openapi({ example: 'manager' }),
    displayName: z.string().openapi({ example: 'مدیر دفتر' }),
    role: z.enum(roles),
    unitCode: z.string().nullable().openapi({ example: 'prov-east-azarbaijan' }),
  })
  .openapi('AuthUser');

export const LoginBodySchema = z
  .object({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(1000),
  })
  .openapi('LoginBody');

export const PasswordChangeBodySchema = z
  .object({
    currentPassword: z.string().min(1).max(1000),
    newPassword: z.string().min(1).max(1000),
  })
  .openapi('PasswordChangeBody');

export const OkSchema = z.object({ ok: z.literal(true) }).openapi('Ok');
