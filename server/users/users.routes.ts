/** @module HTTP routes for the admin's user management (list, add, change role/unit/name, disable, reset password) and each user's own e-mail settings. */
import { createRoute } from '@hono/zod-openapi';
import { allowRoles, requireRole, requireUser } from '../auth/guards';
import { newRouter } from '../http/router';
import { errorContent, errorResponses, jsonBody, jsonContent } from '../http/schemas';
import {
  CreatedUserSchema,
  NewUserSchema,
  PasswordResetSchema,
  PreferencesChangesSchema,
  PreferencesSchema,
  UserChangesSchema,
  UserIdParams,
  UserListSchema,
  UserSchema,
} from './users.schemas';
import type { UsersService } from './users.service';

const conflict = errorContent('Conflicts with existing data');
const unprocessable = errorContent('Unknown or missing unit');
const adminOnly = { 401: errorResponses[401], 403: errorResponses[403] };

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['users'],
  middleware: [allowRoles('admin')] as const,
  summary: 'Every account, with the units one can belong to (admin)',
  responses: { 200: jsonContent(UserListSchema, 'Accounts'), ...adminOnly },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['users'],
  middleware: [allowRoles('admin')] as const,
  summary: 'Add an account (admin); a generated password is returned once',
  request: { body: jsonBody(NewUserSchema) },
  responses: { 201: jsonContent(CreatedUserSchema, 'Added'), 400: errorResponses[400], ...adminOnly, 409: conflict, 422: unprocessable },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['users'],
  middleware: [allowRoles('admin')] as const,
  summary: 'Change display name, role, unit or disabled (admin); disabling signs the user out',
  request: { params: UserIdParams, body: jsonBody(UserChangesSchema) },
  responses: {
    200: jsonContent(UserSchema, 'Changed'),
    400: errorResponses[400],
    ...adminOnly,
    404: errorResponses[404],
    409: conflict,
    422: unprocessable,
  },
});

const resetRoute = createRoute({
  method: 'post',
  path: '/{id}/password',
  tags: ['users'],
  middleware: [allowRoles('admin')] as const,
  summary: 'Give the user a new generated password (admin); signs the user out everywhere',
  request: { params: UserIdParams },
  responses: { 200: jsonContent(PasswordResetSchema, 'The new password, shown once'), ...adminOnly, 404: errorResponses[404] },
});

const myPreferencesRoute = createRoute({
  method: 'get',
  path: '/me/preferences',
  tags: ['users'],
  summary: 'My e-mail settings (any signed-in user, only their own)',
  responses: { 200: jsonContent(PreferencesSchema, 'Mine'), 401: errorResponses[401] },
});

const setPreferencesRoute = createRoute({
  method: 'put',
  path: '/me/preferences',
  tags: ['users'],
  summary: 'Change my e-mail address, or turn e-mail (daily digest, reminders) off or on; nobody changes another’s',
  request: { body: jsonBody(PreferencesChangesSchema) },
  responses: { 200: jsonContent(PreferencesSchema, 'Changed'), 400: errorResponses[400], 401: errorResponses[401] },
});

export function usersRoutes(users: UsersService) {
  return newRouter()
    .openapi(myPreferencesRoute, async (c) => c.json(await users.preferencesOf(requireUser(c)), 200))
    .openapi(setPreferencesRoute, async (c) => c.json(await users.setPreferences(requireUser(c), c.req.valid('json')), 200))
    .openapi(listRoute, async (c) => {
      requireRole(c, 'admin');
      return c.json(await users.list(), 200);
    })
    .openapi(createUserRoute, async (c) => {
      const admin = requireRole(c, 'admin');
      const input = c.req.valid('json');
      return c.json(await users.create(input, admin.id), 201);
    })
    .openapi(updateRoute, async (c) => {
      const admin = requireRole(c, 'admin');
      const { id } = c.req.valid('param');
      return c.json(await users.update(id, c.req.valid('json'), admin.id), 200);
    })
    .openapi(resetRoute, async (c) => {
      const admin = requireRole(c, 'admin');
      const { id } = c.req.valid('param');
      const { password } = await users.resetPasswordOf(id, undefined, admin.id);
      return c.json({ password }, 200);
    });
}
