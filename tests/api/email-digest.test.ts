/**
 * The daily e-mail digest against a real SMTP server started here: its Persian contents (grouped
 * unread notifications, overdue and near actions, Jalali dates in Persian digits), once a day, two
 * instances on one database sending each person's digest once, a failed send retried, and each
 * person's own switch to turn e-mail off (which reminders obey too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';
import { startDigestScheduler } from '../../server/notifications/digest-scheduler';
import { digestServiceFor, type DigestService } from '../../server/notifications/digest.service';
import { createSmtpMailer, type Mailer } from '../../server/notifications/mailer';
import { runReminders } from '../../server/notifications/reminders';
import { startSmtpInbox, type SmtpInbox } from '../support/smtp-inbox';
import { createTestContext, type TestContext, type TestRequest, type TestUser } from '../support/test-app';

const PUBLIC_URL = 'https://neshast.example.org';
let t: TestContext;
let inbox: SmtpInbox;
let mailer: Mailer;
let digest: DigestService;
let manager: TestRequest;
let east: TestRequest;
let tehran: TestRequest;
let managerUser: TestUser;
let eastUser: TestUser;
const ids: Record<string, number> = {};

async function directiveId(anchor: string): Promise<number> {
  const rs = await t.database.client.execute({ sql: 'SELECT id FROM directives WHERE anchor = ?', args: [anchor] });
  return Number(rs.rows[0]?.id);
}

async function setEmail(as: TestRequest, email: string): Promise<void> {
  const response = await as('/api/users/me/preferences', { method: 'PUT', json: { email } });
  expect(response.status).toBe(200);
}

const mailsTo = (address: string) => inbox.mails.filter((m) => m.to.includes(address));

beforeAll(async () => {
  inbox = await startSmtpInbox();
  mailer = createSmtpMailer(inbox.url, 'neshast@example.org');
  t = await createTestContext({ now: '2021-01-21T08:00:00Z' });
  await t.ingestContent(['content']);
  const signedManager = await t.signInUser({ role: 'manager', displayName: 'کارشناس ستاد' });
  managerUser = signedManager.user;
  manager = t.as(signedManager.cookie);
  const signedEast = await t.signInUser({ role: 'director', unitCode: 'prov-east-azarbaijan', username: 'east', displayName: 'مدیر کل آذربایجان شرقی' });
  eastUser = signedEast.user;
  east = t.as(signedEast.cookie);
  tehran = t.as(await t.signIn({ role: 'director', unitCode: 'prov-tehran', username: 'tehran' }));
  const staff = t.as(await t.signIn({ role: 'staff' }));
  await setEmail(manager, 'hq@example.org');
  await setEmail(east, 'east@example.org');
  await setEmail(tehran, 'tehran@example.org');
  await setEmail(staff, 'staff@example.org');
  ids.programmes = await directiveId('operational-programmes-1400');
  ids.property = await directiveId('property-sales-3-months');
  for (const [id, dueOn] of [
    [ids.programmes, '2021-02-03'],
    [ids.property, '2021-02-08'],
  ] as const) {
    const assigned = await manager(`/api/directives/${id}/assignments`, { json: { units: ['prov-east-azarbaijan', 'prov-tehran'], dueOn } });
    expect(assigned.status).toBe(201);
  }
  digest = digestServiceFor(t.database, { mailer, clock: t.clock, publicUrl: PUBLIC_URL });
});

afterAll(async () => {
  mailer.close();
  await t.close();
  await inbox.close();
});

describe('my e-mail settings', () => {
  it('reads and changes only my own: no user id is taken, a bad address and an empty change are refused in Persian', async () => {
    expect(await (await east('/api/users/me/preferences')).json()).toEqual({ email: 'east@example.org', emailEnabled: true });
    const other = await east('/api/users/me/preferences', { method: 'PUT', json: { userId: managerUser.id, emailEnabled: false } });
    expect(other.status).toBe(400);
    const empty = await east('/api/users/me/preferences', { method: 'PUT', json: {} });
    expect([empty.status, (await empty.json()).error.code]).toEqual([400, 'empty_update']);
    const bad = await east('/api/users/me/preferences', { method: 'PUT', json: { email: 'east at example' } });
    const body = await bad.json();
    expect([bad.status, body.error.code]).toEqual([400, 'invalid_email']);
    expect(body.error.message).toMatch(/ایمیل/);
    expect((await t.request('/api/users/me/preferences')).status).toBe(401);
    // An admin's account edit does not reach anyone's e-mail switch.
    const admin = t.as(await t.signIn({ role: 'admin' }));
    const rs = await t.database.client.execute("SELECT id FROM users WHERE username = 'east'");
    await admin(`/api/users/${Number(rs.rows[0]?.id)}`, { method: 'PATCH', json: { emailEnabled: false, displayName: 'مدیر کل آذربایجان شرقی' } });
    expect(await (await east('/api/users/me/preferences')).json()).toEqual({ email: 'east@example.org', emailEnabled: true });
  });

  it('turns e-mail off for me: audited', async () => {
    const off = await tehran('/api/users/me/preferences', { method: 'PUT', json: { emailEnabled: false } });
    expect(await off.json()).toEqual({ email: 'tehran@example.org', emailEnabled: false });
    const audit = await t.database.client.execute("SELECT count(*) AS n FROM audit_log WHERE event = 'user.preferences'");
    expect(Number(audit.rows[0]?.n)).toBeGreaterThanOrEqual(5);
  });
});

describe('the daily digest', () => {
  beforeAll(() => {
    t.clock.set('2021-02-05T05:00:00Z'); // 08:30 in Tehran, 17 Bahman 1399
  });

  it('tells a director, in Persian, of unread notifications grouped, and overdue and near actions with Jalali dates', async () => {
    const run = await digest.run();
    expect(run).toMatchObject({ day: '2021-02-05', sent: 2, failed: 0 });
    // Tehran turned e-mail off; staff has nothing to be told.
    expect(mailsTo('tehran@example.org')).toHaveLength(0);
    expect(mailsTo('staff@example.org')).toHaveLength(0);
    const [mail] = mailsTo('east@example.org');
    expect(mail?.subject).toBe('نشست: خلاصهٔ روز ۱۷ بهمن ۱۳۹۹');
    const text = mail?.text ?? '';
    expect(text).toContain('مدیر کل آذربایجان شرقی، سلام.');
    expect(text).toContain('جمعه ۱۷ بهمن ۱۳۹۹');
    expect(text).toContain('اعلان‌های خوانده‌نشده (۲):');
    expect(text.match(/اقدام تازه به واحد سپرده شد: ۱ واحد/g)).toHaveLength(2);
    expect(text).toContain('اقدام‌های گذشته از مهلت (۱):');
    expect(text).toMatch(/مهلت ۱۳۹۹\/۱۱\/۱۵ \(۲ روز از مهلت گذشته\)/);
    expect(text).toContain('اقدام‌های نزدیک مهلت (۱):');
    expect(text).toMatch(/مهلت ۱۳۹۹\/۱۱\/۲۰ \(۳ روز مانده\)/);
    expect(text).toContain('آذربایجان شرقی');
    expect(text).toMatch(new RegExp(`${PUBLIC_URL}/actions/\\d+`));
    expect(text).toContain(`${PUBLIC_URL}/account`);
    // Numbers for people are Persian: no ASCII digit outside the links.
    expect(text.replace(/https:\/\/\S+/g, '')).not.toMatch(/[0-9]/);
    // The manager is told of the actions of the directives they assigned, both provinces.
    const [hq] = mailsTo('hq@example.org');
    expect(hq?.text).toContain('اقدام‌های گذشته از مهلت (۲):');
    expect(hq?.text).toContain('اقدام‌های نزدیک مهلت (۲):');
    expect(hq?.text).toContain('تهران');
  });

  it('sends once a day: a second run (a restart) sends nothing; the next day sends again, without what was read', async () => {
    const again = await digest.run();
    expect(again).toMatchObject({ sent: 0, skipped: 2 });
    expect(inbox.mails).toHaveLength(2);
    // Two weeks on, east signs in again and reads everything.
    const eastNow = t.as(await t.signIn({ role: 'director', username: 'east', password: eastUser.password }));
    expect((await eastNow('/api/notifications/read-all', { method: 'POST' })).status).toBe(200);
    t.clock.set('2021-02-06T05:00:00Z');
    const next = await digest.run();
    expect(next).toMatchObject({ day: '2021-02-06', sent: 2 });
    const latest = mailsTo('east@example.org').at(-1);
    expect(latest?.subject).toBe('نشست: خلاصهٔ روز ۱۸ بهمن ۱۳۹۹');
    expect(latest?.text).not.toContain('اعلان‌های خوانده‌نشده');
    expect(latest?.text).toContain('اقدام‌های گذشته از مهلت (۱):');
  });

  it('two instances on one database racing at the digest time send each person’s digest once', async () => {
    t.clock.set('2021-02-07T03:30:00Z'); // 07:00 in Tehran
    const path = await t.database.client.execute('PRAGMA database_list');
    const second: Database = await openDatabase(`file:${String(path.rows[0]?.file)}`);
    try {
      const before = inbox.mails.length;
      const instances = [digest, digestServiceFor(second, { mailer, clock: t.clock, publicUrl: PUBLIC_URL })];
      const schedulers = instances.map((service) => startDigestScheduler({ clock: t.clock, at: { hour: 7, minute: 0 }, run: () => service.run() }));
      const runs = await Promise.all(schedulers.map((s) => s.firstRun));
      for (const s of schedulers) s.stop();
      expect(runs.map((r) => r?.sent ?? 0).reduce((a, b) => a + b, 0)).toBe(2);
      const today = inbox.mails.slice(before);
      expect(today.map((m) => m.to[0]).sort()).toEqual(['east@example.org', 'hq@example.org']);
      const claims = await t.database.client.execute("SELECT status, count(*) AS n FROM email_digests WHERE day = '2021-02-07' GROUP BY status");
      expect(claims.rows.map((r) => [r.status, Number(r.n)])).toEqual([['sent', 2]]);
    } finally {
      second.close();
    }
  });

  it('does not run before the time of day, and runs on start once it has passed', async () => {
    t.clock.set('2021-02-08T03:00:00Z'); // 06:30 in Tehran
    const early = startDigestScheduler({ clock: t.clock, at: { hour: 7, minute: 0 }, run: () => digest.run() });
    expect(await early.firstRun).toBeNull();
    early.stop();
  });

  it('a failed send leaves the claim for a retry: the next run sends it, once', async () => {
    t.clock.set('2021-02-08T05:00:00Z');
    inbox.refuse.add('hq@example.org');
    const failing = await digest.run();
    expect(failing).toMatchObject({ day: '2021-02-08', sent: 1, failed: 1 });
    const claim = await t.database.client.execute("SELECT status, attempts, error FROM email_digests e JOIN users u ON u.id = e.user_id WHERE u.email = 'hq@example.org' AND day = '2021-02-08'");
    expect(claim.rows[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(String(claim.rows[0]?.error)).toMatch(/550|mailbox/);
    inbox.refuse.delete('hq@example.org');
    t.clock.advance(15 * 60_000);
    const retried = await digest.run();
    expect(retried).toMatchObject({ sent: 1, failed: 0, skipped: 1 });
    expect(mailsTo('hq@example.org').filter((m) => m.subject.includes('۲۰ بهمن'))).toHaveLength(1);
  });

  it('takes over a claim whose instance died mid-send after the lease, and leaves a fresh one alone', async () => {
    t.clock.set('2021-02-09T05:00:00Z');
    const [eastId, hqId] = await Promise.all(
      ['east@example.org', 'hq@example.org'].map(async (email) => Number((await t.database.client.execute({ sql: 'SELECT id FROM users WHERE email = ?', args: [email] })).rows[0]?.id)),
    );
    await t.database.client.batch([
      { sql: `INSERT INTO email_digests (user_id, day, status, attempts, claimed_at) VALUES (?, '2021-02-09', 'sending', 1, ?)`, args: [eastId ?? 0, '2021-02-09T04:00:00.000Z'] },
      { sql: `INSERT INTO email_digests (user_id, day, status, attempts, claimed_at) VALUES (?, '2021-02-09', 'sending', 1, ?)`, args: [hqId ?? 0, '2021-02-09T04:58:00.000Z'] },
    ]);
    const run = await digest.run();
    expect(run).toMatchObject({ sent: 1, skipped: 1 });
    expect(mailsTo('east@example.org').filter((m) => m.subject.includes('۲۱ بهمن'))).toHaveLength(1);
    expect(mailsTo('hq@example.org').filter((m) => m.subject.includes('۲۱ بهمن'))).toHaveLength(0);
  });

  it('reminder e-mails obey the switch too', async () => {
    const before = inbox.mails.length;
    const run = await runReminders(t.database.client, { now: new Date('2021-02-09T05:00:00Z'), mailer });
    expect(run.created.overdue).toBe(4);
    const sent = inbox.mails.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.flatMap((m) => m.to)).not.toContain('tehran@example.org');
    expect(sent.flatMap((m) => m.to)).toContain('east@example.org');
  });
});
