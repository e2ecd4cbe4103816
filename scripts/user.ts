/**
 * `npm run user -- COMMAND …` — manage accounts from the server's shell:
 *   add --username U --role admin|manager|director|staff [--unit CODE] [--name "…"]
 *   passwd U          (new password from NESHAST_PASSWORD or standard input; signs U out everywhere)
 *   list
 *   disable U | enable U
 *   delete U          (only an account with no work in the record; others are disabled instead)
 * Every command takes [--db URL]. Passwords are never taken from the command line (it shows in `ps`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../server/db/client';
import { roles, type Role } from '../server/db/schema';
import { readEnv } from '../server/env';
import { AppError } from '../server/errors';
import { ingestPaths } from '../server/ingest/ingest';
import { createUsersRepo } from '../server/users/users.repo';
import { createUsersService } from '../server/users/users.service';
import { systemClock } from '../server/clock';
import { argValue, positionalArgs } from './cli';

const USAGE = `usage: npm run user -- add --username U --role ${roles.join('|')} [--unit CODE] [--name "…"] [--db URL]
       npm run user -- passwd U [--db URL]
       npm run user -- list [--db URL]
       npm run user -- disable U | enable U [--db URL]
       npm run user -- delete U [--db URL]
The password comes from NESHAST_PASSWORD or standard input.`;

function isRole(value: string | undefined): value is Role {
  return roles.some((r) => r === value);
}

/** The password from NESHAST_PASSWORD, else from standard input (typed without echo on a terminal). */
async function readPassword(): Promise<string> {
  const fromEnv = readEnv().NESHAST_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  process.stderr.write('Password: ');
  const rl = createInterface({ input: process.stdin, terminal: true });
  // Keep typed characters off the screen.
  Object.assign(rl, { _writeToOutput: () => undefined });
  const line = await new Promise<string>((resolve) => rl.once('line', resolve));
  rl.close();
  process.stderr.write('\n');
  return line;
}

const argv = process.argv.slice(2);
const [command, target] = positionalArgs(argv, ['--db', '--username', '--role', '--unit', '--name']);
if (!command) {
  console.error(USAGE);
  process.exit(2);
}

const env = readEnv();
const database = await openDatabase(argValue(argv, '--db') ?? env.DATABASE_URL);

/** Before the first `npm start` the database has no units yet: load the catalogue from content/. */
async function ensureCatalogue(): Promise<void> {
  const { rows } = await database.client.execute('SELECT count(*) AS n FROM units');
  if (Number(rows[0]?.n ?? 0) > 0 || !env.CONTENT_DIR) return;
  const files = ['units.yaml', 'people.yaml'].map((f) => join(env.CONTENT_DIR, f)).filter((f) => existsSync(f));
  if (files.length > 0) await ingestPaths(database.client, files, { clock: systemClock });
}
const users = createUsersService({ db: database.db, repo: createUsersRepo(database.db), clock: systemClock });

async function run(): Promise<number> {
  switch (command) {
    case 'add': {
      const username = argValue(argv, '--username');
      const role = argValue(argv, '--role');
      if (!username || !isRole(role)) {
        console.error(USAGE);
        return 2;
      }
      const password = await readPassword();
      if (!password) {
        console.error('no password: set NESHAST_PASSWORD or pipe it on standard input');
        return 2;
      }
      await ensureCatalogue();
      const { user } = await users.create({ username, role, unitCode: argValue(argv, '--unit') ?? null, displayName: argValue(argv, '--name'), password }, null);
      console.log(`added ${user.username} (${user.role}${user.unitCode ? `, ${user.unitCode}` : ''})`);
      return 0;
    }
    case 'passwd': {
      if (!target) {
        console.error(USAGE);
        return 2;
      }
      const password = await readPassword();
      if (!password) {
        console.error('no password: set NESHAST_PASSWORD or pipe it on standard input');
        return 2;
      }
      const { user } = await users.resetPassword(target, password, null);
      console.log(`password changed for ${user.username}; its sessions were ended`);
      return 0;
    }
    case 'list': {
      const { items } = await users.list();
      for (const u of items) {
        console.log([u.username, u.role, u.unitCode ?? '-', u.disabled ? 'disabled' : 'active', u.displayName].join('\t'));
      }
      return 0;
    }
    case 'disable':
    case 'enable': {
      const user = target ? await users.byUsername(target) : undefined;
      if (!user) {
        console.error(target ? `no such user: ${target}` : USAGE);
        return target ? 1 : 2;
      }
      await users.update(user.id, { disabled: command === 'disable' }, null);
      console.log(`${command}d ${user.username}`);
      return 0;
    }
    case 'delete': {
      if (!target) {
        console.error(USAGE);
        return 2;
      }
      const removed = await users.remove(target, null);
      console.log(`deleted ${removed.username}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

let code: number;
try {
  code = await run();
} catch (error) {
  // Rule violations (unknown unit, taken name, weak password) read as one line, not a stack.
  console.error(error instanceof AppError ? `${error.code}: ${error.message}` : error);
  code = 1;
}
database.close();
process.exit(code);
