/**
 * @module Accounts made at start-up: the first administrator when there is none, and the
 * demo accounts (one per role, fresh random passwords on every start) in demo mode.
 */
import type { UsersService } from '../users/users.service';
import type { Role } from '../db/schema';

export interface IssuedAccount {
  username: string;
  role: Role;
  unitCode: string | null;
  password: string;
}

/** Demo accounts all carry this prefix, so a normal start can find and disable them. */
export const DEMO_PREFIX = 'demo-';
export const DEMO_DIRECTOR_UNIT = 'prov-east-azarbaijan';
/** The demo manager, in whose name demo mode assigns the sample directives. */
export const DEMO_MANAGER = `${DEMO_PREFIX}manager`;

const DEMO_ACCOUNTS: Array<{ role: Role; unitCode: string | null; displayName: string }> = [
  { role: 'admin', unitCode: null, displayName: 'مدیر سامانه (نمایشی)' },
  { role: 'manager', unitCode: 'hq', displayName: 'کارشناس ستاد (نمایشی)' },
  { role: 'director', unitCode: DEMO_DIRECTOR_UNIT, displayName: 'مدیر کل آذربایجان شرقی (نمایشی)' },
  { role: 'staff', unitCode: null, displayName: 'کارمند (نمایشی)' },
];

/**
 * Create an `admin` account with a random password when no active administrator exists.
 * Returns the account (to print once) or null when there already is one.
 *
 * @example
 * const issued = await ensureFirstAdmin(users);
 * if (issued) console.log(describeIssuedAccounts('First run', [issued]));
 */
export async function ensureFirstAdmin(users: UsersService): Promise<IssuedAccount | null> {
  if ((await users.countActiveAdmins()) > 0) return null;
  let username = 'admin';
  for (let n = 2; await users.byUsername(username); n++) username = `admin${n}`;
  try {
    const { user, initialPassword } = await users.create({ username, role: 'admin', displayName: 'مدیر سامانه' }, null);
    return { username: user.username, role: user.role, unitCode: user.unitCode, password: initialPassword ?? '' };
  } catch (error) {
    // Two instances starting together on an empty database: the other one made the administrator.
    if ((await users.countActiveAdmins()) > 0) return null;
    throw error;
  }
}

/** Why demo mode must not run here, or null when it may. */
export function demoModeRefusal(env: { PUBLIC_URL?: string; DATABASE_URL: string; NODE_ENV?: string }): string | null {
  if (env.PUBLIC_URL?.toLowerCase().startsWith('https://')) return 'PUBLIC_URL is https: this looks like a real deployment';
  if (env.NODE_ENV === 'production') return 'NODE_ENV is production';
  if (!env.DATABASE_URL.startsWith('file:')) return 'the database is a shared libSQL server, not a local file';
  return null;
}

/**
 * Demo mode: one account per role (demo-admin, demo-manager, demo-director bound to
 * prov-east-azarbaijan, demo-staff), each given a new random password on every start.
 * Refuses (throws) when the database already holds real accounts: neither demo-… nor created by a
 * demo account; the message names the command that deletes them.
 *
 * @example
 * console.log(describeIssuedAccounts('Demo accounts', await issueDemoAccounts(users)));
 */
export async function issueDemoAccounts(users: UsersService): Promise<IssuedAccount[]> {
  const { items } = await users.list();
  // Accounts a demo account created (testers trying the admin page) are demo data too.
  const creators = await users.creators();
  const madeInDemo = (id: number) => creators.get(id)?.startsWith(DEMO_PREFIX) === true;
  const real = items.filter((u) => !u.username.startsWith(DEMO_PREFIX) && !madeInDemo(u.id));
  if (real.length > 0) {
    const names = real.map((u) => u.username);
    throw new Error(
      `demo mode refused: the database already holds ${real.length} real account(s) (${names.join(', ')}). ` +
        `Use another database, or delete them first: ${names.map((n) => `npm run user -- delete ${n}`).join('; ')}`,
    );
  }
  const issued: IssuedAccount[] = [];
  for (const spec of DEMO_ACCOUNTS) {
    const username = `${DEMO_PREFIX}${spec.role}`;
    const existing = items.find((u) => u.username === username);
    if (existing) {
      if (existing.disabled) await users.update(existing.id, { disabled: false }, null);
      const { password } = await users.resetPasswordOf(existing.id, undefined, null);
      issued.push({ username, role: existing.role, unitCode: existing.unitCode, password });
    } else {
      const { user, initialPassword } = await users.create({ username, ...spec }, null);
      issued.push({ username, role: user.role, unitCode: user.unitCode, password: initialPassword ?? '' });
    }
  }
  return issued;
}

/**
 * Outside demo mode, demo accounts must not keep working: disable them. Returns their names.
 *
 * @example
 * const disabled = await disableDemoAccounts(users);
 */
export async function disableDemoAccounts(users: UsersService): Promise<string[]> {
  const { items } = await users.list();
  const live = items.filter((u) => u.username.startsWith(DEMO_PREFIX) && !u.disabled);
  for (const u of live) {
    // The last-admin rule does not apply here: a real admin is created right after if needed.
    await users.forceDisable(u.id);
  }
  return live.map((u) => u.username);
}

/** A block for the terminal listing accounts and their one-time passwords. */
export function describeIssuedAccounts(title: string, accounts: IssuedAccount[], url?: string): string {
  const width = Math.max(...accounts.map((a) => a.username.length));
  const lines = accounts.map((a) => `  ${a.username.padEnd(width)}  ${a.password}   (${a.role}${a.unitCode ? `, ${a.unitCode}` : ''})`);
  const rule = '─'.repeat(64);
  return [
    rule,
    title,
    ...lines,
    url ? `Sign in at ${url}login` : 'Sign in at /login',
    'These passwords are shown only now. Change yours under «حساب من» (/account).',
    rule,
  ].join('\n');
}

export interface StartupAccountsOptions {
  demo: boolean;
  env: { PUBLIC_URL?: string; DATABASE_URL: string; NODE_ENV?: string };
}

/**
 * What `npm start` does about accounts, in order: in demo mode, refuse production-like
 * settings and issue the demo accounts; otherwise disable any demo accounts left over;
 * then create the first administrator if none is active. Returns the text to print.
 *
 * @example
 * const notice = await prepareStartupAccounts(users, { demo: env.NESHAST_DEMO, env });
 */
export async function prepareStartupAccounts(users: UsersService, options: StartupAccountsOptions): Promise<string[]> {
  const notices: string[] = [];
  if (options.demo) {
    const refusal = demoModeRefusal(options.env);
    if (refusal) throw new Error(`demo mode refused: ${refusal}`);
    notices.push(describeIssuedAccounts('DEMO MODE: one account per role, new passwords on every start', await issueDemoAccounts(users)));
  } else {
    const disabled = await disableDemoAccounts(users);
    if (disabled.length > 0) notices.push(`demo accounts disabled (not in demo mode): ${disabled.join(', ')}`);
  }
  const admin = await ensureFirstAdmin(users);
  if (admin) notices.push(describeIssuedAccounts('First run: created the administrator account', [admin]));
  return notices;
}
