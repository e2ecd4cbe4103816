/** First start creates an administrator; demo mode issues one account per role and refuses production settings. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareStartupAccounts, demoModeRefusal } from '../../server/auth/first-run';
import { createUsersRepo } from '../../server/users/users.repo';
import { createUsersService, type UsersService } from '../../server/users/users.service';
import { createTestContext, type TestContext } from '../support/test-app';

const run = promisify(execFile);

let t: TestContext;
let users: UsersService;
const localEnv = { DATABASE_URL: 'file:data/neshast.db' };

beforeEach(async () => {
  t = await createTestContext();
  users = createUsersService({ db: t.database.db, repo: createUsersRepo(t.database.db), clock: t.clock, scrypt: { N: 1024, r: 8, p: 1 } });
});
afterEach(async () => {
  await t.close();
});

/** Pull "username  password" pairs out of the printed notice. */
function credentialsIn(notices: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of notices.join('\n').split('\n')) {
    const m = /^\s+(\S+)\s+(\S{5}-\S{5}-\S{5}-\S{5})\s/.exec(line);
    if (m?.[1] && m[2]) found.set(m[1], m[2]);
  }
  return found;
}

const login = (username: string, password: string) => t.request('/api/auth/login', { json: { username, password } });

describe('first run', () => {
  it('creates admin with a printed random password once, and not again', async () => {
    const first = await prepareStartupAccounts(users, { demo: false, env: localEnv });
    const creds = credentialsIn(first);
    const password = creds.get('admin');
    expect(password).toBeDefined();
    const res = await login('admin', password ?? '');
    expect(res.status).toBe(200);
    expect((await res.json()).role).toBe('admin');
    expect(await prepareStartupAccounts(users, { demo: false, env: localEnv })).toEqual([]);
  });
});

describe('demo mode', () => {
  it('issues one account per role, director bound to East Azarbaijan, passwords changing on every start', async () => {
    const first = credentialsIn(await prepareStartupAccounts(users, { demo: true, env: localEnv }));
    expect([...first.keys()].sort()).toEqual(['demo-admin', 'demo-director', 'demo-manager', 'demo-staff']);
    const director = await login('demo-director', first.get('demo-director') ?? '');
    expect(await director.json()).toMatchObject({ role: 'director', unitCode: 'prov-east-azarbaijan' });

    const second = credentialsIn(await prepareStartupAccounts(users, { demo: true, env: localEnv }));
    expect(second.get('demo-staff')).not.toBe(first.get('demo-staff'));
    expect((await login('demo-staff', first.get('demo-staff') ?? '')).status).toBe(401);
    expect((await login('demo-staff', second.get('demo-staff') ?? '')).status).toBe(200);
  });

  it('disables the demo accounts when the server starts without demo mode, and creates a real admin', async () => {
    const demo = credentialsIn(await prepareStartupAccounts(users, { demo: true, env: localEnv }));
    const normal = await prepareStartupAccounts(users, { demo: false, env: localEnv });
    expect(normal.join('\n')).toMatch(/demo accounts disabled/);
    expect(credentialsIn(normal).has('admin')).toBe(true);
    expect((await login('demo-admin', demo.get('demo-admin') ?? '')).status).toBe(401);
  });

  it('refuses to run over https, in production, on a shared database, or beside real accounts', async () => {
    expect(demoModeRefusal({ ...localEnv, PUBLIC_URL: 'https://neshast.example.org' })).toMatch(/https/);
    expect(demoModeRefusal({ ...localEnv, NODE_ENV: 'production' })).toMatch(/production/);
    expect(demoModeRefusal({ DATABASE_URL: 'libsql://db.example.org' })).toMatch(/shared/);
    expect(demoModeRefusal(localEnv)).toBeNull();
    await t.createUser({ role: 'manager', username: 'real-person' });
    await expect(prepareStartupAccounts(users, { demo: true, env: localEnv })).rejects.toThrow(/real account/);
  });

  it('restarts after a tester added a user from the demo admin, and names the command for a real one', async () => {
    const demo = credentialsIn(await prepareStartupAccounts(users, { demo: true, env: localEnv }));
    const admin = await login('demo-admin', demo.get('demo-admin') ?? '');
    const cookie = (admin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const added = await t.as(cookie)('/api/users', { json: { username: 'tried.out', displayName: 'آزمایشی', role: 'staff' } });
    expect(added.status, await added.clone().text()).toBe(201);
    // Issue 13: demo mode refused to start again once any non-demo account existed.
    const again = credentialsIn(await prepareStartupAccounts(users, { demo: true, env: localEnv }));
    expect(again.has('demo-admin')).toBe(true);

    await users.create({ username: 'real.person', role: 'staff' }, null);
    await expect(prepareStartupAccounts(users, { demo: true, env: localEnv })).rejects.toThrow('npm run user -- delete real.person');
    await users.remove('real.person', null);
    expect(credentialsIn(await prepareStartupAccounts(users, { demo: true, env: localEnv })).has('demo-staff')).toBe(true);
  });
});

describe('deleting a user', () => {
  it('deletes an account with no work, and refuses one named in the record', async () => {
    const { user: once } = await users.create({ username: 'typo.name', role: 'staff' }, null);
    expect((await login('typo.name', 'wrong-password')).status).toBe(401);
    expect((await users.remove('typo.name', null)).id).toBe(once.id);
    expect(await users.byUsername('typo.name')).toBeUndefined();

    const { user: worker } = await users.create({ username: 'worker', role: 'manager' }, null);
    const { user: other } = await users.create({ username: 'other', role: 'staff' }, null);
    await users.update(other.id, { displayName: 'نام تازه' }, worker.id);
    await expect(users.remove('worker', null)).rejects.toThrow(/غیرفعال/);
    expect(await users.byUsername('worker')).toBeDefined();
  });

  it('refuses to delete the last active administrator', async () => {
    await users.create({ username: 'only.admin', role: 'admin' }, null);
    await expect(users.remove('only.admin', null)).rejects.toThrow(/مدیر سامانه/);
  });
});

describe('npm run user', () => {
  it('adds a user whose password comes from NESHAST_PASSWORD, who can then sign in', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', 'scripts/user.ts', 'add', '--username', 'Tabriz', '--role', 'director', '--unit', 'prov-east-azarbaijan', '--db', t.database.url],
      { env: { ...process.env, NESHAST_PASSWORD: 'cli-password-1' } },
    );
    expect(stdout).toMatch(/added tabriz \(director, prov-east-azarbaijan\)/);
    const res = await login('tabriz', 'cli-password-1');
    expect(res.status).toBe(200);
  });

  it('deletes a user with `delete U`', async () => {
    await users.create({ username: 'leaving', role: 'staff' }, null);
    const { stdout } = await run('npx', ['tsx', 'scripts/user.ts', 'delete', 'leaving', '--db', t.database.url]);
    expect(stdout).toMatch(/deleted leaving/);
    expect(await users.byUsername('leaving')).toBeUndefined();
  });

  it('refuses a director without a unit, with one line and a non-zero exit', async () => {
    const failure = await run('npx', ['tsx', 'scripts/user.ts', 'add', '--username', 'x1', '--role', 'director', '--db', t.database.url], {
      env: { ...process.env, NESHAST_PASSWORD: 'cli-password-1' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect('stderr' in failure && failure.stderr).toMatch(/unit_required/);
  });
});
