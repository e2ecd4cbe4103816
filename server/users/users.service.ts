/**
 * @module Managing accounts: the rules (directors need a unit, the last admin stays, names
 * without bidi tricks), shared by the admin API, the `npm run user` CLI and first-run setup.
 */
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { canonicalUsername } from '../auth/auth.service';
import { generatePassword, hashPassword, passwordProblem, type ScryptParams } from '../auth/password';
import type { Db } from '../db/client';
import type { Role } from '../db/schema';
import { AppError, BadRequestError, ConflictError, NotFoundError, UnprocessableError } from '../errors';
import { stripBidiControls } from '../security/bidi';
import type { UserRow, UsersRepo } from './users.repo';
import type { AuthUser } from '../http/app-env';
import type { Preferences, PreferencesChanges, UserChanges, UserDto } from './users.schemas';

export interface NewAccount {
  username: string;
  displayName?: string;
  role: Role;
  unitCode?: string | null;
  /** Omit to generate one (returned once as `initialPassword`). */
  password?: string;
}

export function presentUser(row: UserRow): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    unitCode: row.unitCode,
    disabled: row.disabled,
    createdAt: row.createdAt,
    passwordChangedAt: row.passwordChangedAt,
  };
}

/** An address a mail server will take: one @, a dot in the domain, no spaces or angle brackets. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

const presentPreferences = (row: UserRow): Preferences => ({ email: row.email, emailEnabled: row.emailEnabled });

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;
const ROLE_NAMES: Record<Role, string> = { admin: 'مدیر سامانه', manager: 'کارشناس ستاد', director: 'مدیر کل استان', staff: 'کارمند' };

export interface UsersServiceOptions {
  db: Db;
  repo: UsersRepo;
  clock: Clock;
  /** Cheaper hashing for tests only. */
  scrypt?: ScryptParams;
}

export function createUsersService(options: UsersServiceOptions) {
  const { db, repo, clock } = options;

  async function checkUnit(role: Role, unitCode: string | null): Promise<void> {
    if (role === 'director' && !unitCode) throw UnprocessableError('unit_required', 'مدیر کل باید به یک واحد وابسته باشد.');
    if (!unitCode) return;
    const kind = await repo.unitKind(unitCode);
    if (kind === null) throw UnprocessableError('unknown_unit', `واحد «${unitCode}» وجود ندارد.`);
    // Actions go to a group's members, never to the group: a director bound to one would have none.
    if (role === 'director' && kind === 'group') throw UnprocessableError('group_not_allowed', 'مدیر کل به یک واحد وابسته می‌شود، نه به یک گروه؛ یکی از واحدهای گروه را برگزینید.');
  }

  async function keepOneAdmin(target: UserRow, after: { role: Role; disabled: boolean }): Promise<void> {
    const losesAdmin = target.role === 'admin' && !target.disabled && (after.role !== 'admin' || after.disabled);
    if (losesAdmin && (await repo.countActive('admin')) <= 1) {
      throw ConflictError('دست‌کم یک مدیر سامانهٔ فعال باید بماند.');
    }
  }

  return {
    async list(): Promise<{ items: UserDto[]; units: Array<{ code: string; name: string; kind: string }> }> {
      const [rows, units] = await Promise.all([repo.list(), repo.units()]);
      return { items: rows.map(presentUser), units };
    },

    /**
     * Add an account; returns it with the generated password when none was given.
     *
     * @example
     * const { user, initialPassword } = await users.create({ username: 'tabriz', role: 'director', unitCode: 'prov-east-azarbaijan' }, admin.id);
     */
    async create(input: NewAccount, actorId: number | null): Promise<{ user: UserDto; initialPassword: string | null }> {
      const username = canonicalUsername(input.username);
      if (!USERNAME.test(username)) throw BadRequestError('invalid_username', 'نام کاربری: ۲ تا ۴۰ حرف لاتین کوچک، رقم، نقطه، خط تیره یا زیرخط.');
      const unitCode = input.unitCode ?? null;
      await checkUnit(input.role, unitCode);
      if (input.password !== undefined) {
        const problem = passwordProblem(input.password);
        if (problem) throw BadRequestError('weak_password', problem);
      }
      if (await repo.byUsername(username)) throw ConflictError(`نام کاربری «${username}» پیش‌تر ثبت شده است.`);
      const password = input.password ?? generatePassword();
      const displayName = stripBidiControls(input.displayName?.trim() || '') || `${ROLE_NAMES[input.role]} (${username})`;
      const now = clock.now().toISOString();
      const row = await repo.insert({
        username,
        displayName,
        role: input.role,
        unitCode,
        passwordHash: await hashPassword(password, options.scrypt),
        createdAt: now,
        passwordChangedAt: now,
      });
      const user = presentUser(row);
      await recordAudit(db, { actorId, event: 'user.create', entity: 'user', entityId: row.id, after: user, at: clock.now() });
      return { user, initialPassword: input.password === undefined ? password : null };
    },

    /** Change display name, role, unit or disabled; disabling ends the user's sessions at once. */
    async update(id: number, changes: UserChanges, actorId: number | null): Promise<UserDto> {
      const target = await repo.byId(id);
      if (!target) throw NotFoundError('کاربر');
      const role = changes.role ?? target.role;
      const unitCode = changes.unitCode === undefined ? target.unitCode : changes.unitCode;
      const disabled = changes.disabled ?? target.disabled;
      if (actorId === id && (disabled || role !== target.role)) {
        throw new AppError(409, 'conflict', 'نقش یا فعال‌بودن حساب خودتان را نمی‌توانید تغییر دهید.');
      }
      await checkUnit(role, unitCode);
      await keepOneAdmin(target, { role, disabled });
      const displayName = changes.displayName === undefined ? target.displayName : stripBidiControls(changes.displayName) || target.displayName;
      const updated = await repo.update(id, { role, unitCode, disabled, displayName });
      if (!updated) throw NotFoundError('کاربر');
      if (disabled && !target.disabled) await repo.endSessionsOf(id);
      const before = presentUser(target);
      const after = presentUser(updated);
      await recordAudit(db, { actorId, event: 'user.update', entity: 'user', entityId: id, before, after, at: clock.now() });
      return after;
    },

    /** Set a new password (generated when omitted) and end every session of the user. */
    async resetPassword(username: string, password: string | undefined, actorId: number | null): Promise<{ user: UserDto; password: string }> {
      const target = await repo.byUsername(canonicalUsername(username));
      if (!target) throw NotFoundError('کاربر');
      return this.resetPasswordOf(target.id, password, actorId);
    },

    async resetPasswordOf(id: number, password: string | undefined, actorId: number | null): Promise<{ user: UserDto; password: string }> {
      const target = await repo.byId(id);
      if (!target) throw NotFoundError('کاربر');
      if (password !== undefined) {
        const problem = passwordProblem(password);
        if (problem) throw BadRequestError('weak_password', problem);
      }
      const next = password ?? generatePassword();
      const updated = await repo.update(id, { passwordHash: await hashPassword(next, options.scrypt), passwordChangedAt: clock.now().toISOString() });
      if (!updated) throw NotFoundError('کاربر');
      await repo.endSessionsOf(id);
      await recordAudit(db, { actorId, event: 'user.password_reset', entity: 'user', entityId: id, at: clock.now() });
      return { user: presentUser(updated), password: next };
    },

    /** Disable without the last-admin rule (start-up housekeeping of demo accounts); ends sessions. */
    async forceDisable(id: number): Promise<void> {
      const target = await repo.byId(id);
      if (!target || target.disabled) return;
      await repo.update(id, { disabled: true });
      await repo.endSessionsOf(id);
      await recordAudit(db, { actorId: null, event: 'user.update', entity: 'user', entityId: id, before: { disabled: false }, after: { disabled: true }, detail: 'demo account disabled outside demo mode', at: clock.now() });
    },

    /**
     * Delete an account that has done no work (wrote no follow-up, changed nothing): a mistyped
     * or test account. One with history is refused with a Persian reason: disable it instead,
     * so the record keeps who did what. The last active admin is never deleted.
     */
    async remove(username: string, actorId: number | null): Promise<UserDto> {
      const target = await repo.byUsername(canonicalUsername(username));
      if (!target) throw NotFoundError('کاربر');
      await keepOneAdmin(target, { role: target.role, disabled: true });
      if ((await repo.workCount(target.id)) > 0) {
        throw new AppError(409, 'user_has_history', `«${target.username}» در سابقهٔ کارها نام دارد و حذف نمی‌شود؛ به‌جای حذف غیرفعالش کنید.`);
      }
      const before = presentUser(target);
      await repo.remove(target.id);
      await recordAudit(db, { actorId, event: 'user.delete', entity: 'user', entityId: target.id, before, at: clock.now() });
      return before;
    },

    /** My own e-mail settings (each person reads only their own: the route has no user id). */
    async preferencesOf(user: AuthUser): Promise<Preferences> {
      const row = await repo.byId(user.id);
      if (!row) throw NotFoundError('کاربر');
      return presentPreferences(row);
    },

    /** Change my own e-mail address or turn e-mail off or on; audited. */
    async setPreferences(user: AuthUser, changes: PreferencesChanges): Promise<Preferences> {
      if (changes.email === undefined && changes.emailEnabled === undefined) throw BadRequestError('empty_update', 'چیزی برای تغییر فرستاده نشد.');
      const email = changes.email === undefined ? undefined : changes.email === null || changes.email === '' ? null : changes.email;
      if (email && !EMAIL.test(email)) throw BadRequestError('invalid_email', 'نشانی ایمیل درست نیست؛ مانند name@example.org بنویسید.');
      const target = await repo.byId(user.id);
      if (!target) throw NotFoundError('کاربر');
      const updated = await repo.setPreferences(user.id, { ...(email !== undefined ? { email } : {}), ...(changes.emailEnabled !== undefined ? { emailEnabled: changes.emailEnabled } : {}) });
      if (!updated) throw NotFoundError('کاربر');
      const before = presentPreferences(target);
      const after = presentPreferences(updated);
      await recordAudit(db, { actorId: user.id, event: 'user.preferences', entity: 'user', entityId: user.id, before, after, at: clock.now() });
      return after;
    },

    /** Who created each account: the actor's username, or null when a command or the first start did. */
    async creators(): Promise<Map<number, string | null>> {
      return repo.creators();
    },

    async byUsername(username: string): Promise<UserDto | undefined> {
      const row = await repo.byUsername(canonicalUsername(username));
      return row ? presentUser(row) : undefined;
    },

    async countActiveAdmins(): Promise<number> {
      return repo.countActive('admin');
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
