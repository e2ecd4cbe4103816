/**
 * Reminders against a real SMTP server started here (smtp-server): due-soon, due-today and
 * overdue notifications once each, e-mailed once to the unit's users, not again after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer, type Mailer } from '../../server/notifications/mailer';
import { runReminders } from '../../server/notifications/reminders';
import { msUntilNextTehranMorning, startReminderScheduler } from '../../server/notifications/scheduler';
import { startSmtpInbox, type SmtpInbox } from '../support/smtp-inbox';
import { createTestContext, type TestContext } from '../support/test-app';

let t: TestContext;
let smtp: SmtpInbox;
let inbox: SmtpInbox['mails'];

beforeAll(async () => {
  smtp = await startSmtpInbox();
  inbox = smtp.mails;

  t = await createTestContext({ now: '2021-01-21T08:00:00Z' });
  await t.ingestContent(['content']);
  const manager = t.as(await t.signIn({ role: 'manager' }));
  const director = await t.createUser({ role: 'director', unitCode: 'prov-east-azarbaijan' });
  await t.createUser({ role: 'director', unitCode: 'prov-tehran' });
  await t.database.client.execute({ sql: `UPDATE users SET email = 'east@example.org' WHERE id = ?`, args: [director.id] });
  const row = await t.database.client.execute(`SELECT id FROM directives WHERE anchor = 'operational-programmes-1400'`);
  const assigned = await manager(`/api/directives/${Number(row.rows[0]?.id)}/assignments`, {
    json: { units: ['prov-east-azarbaijan', 'prov-tehran'], dueOn: '2021-02-03' },
  });
  expect(assigned.status).toBe(201);
});

afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('reminders', () => {
  let mailer: Mailer;
  beforeAll(() => {
    mailer = createSmtpMailer(smtp.url, 'neshast@example.org');
  });
  afterAll(() => mailer.close());

  it('creates nothing while the due date is far away', async () => {
    const run = await runReminders(t.database.client, { now: new Date('2021-01-21T08:00:00Z'), mailer });
    expect(run.created).toEqual({ due_soon: 0, due_today: 0, overdue: 0 });
    expect(inbox).toHaveLength(0);
  });

  it('sends the due-soon reminder 7 days before, by e-mail to the unit’s users, once', async () => {
    const run = await runReminders(t.database.client, { now: new Date('2021-01-27T05:00:00Z'), mailer, publicUrl: 'https://neshast.example.org' });
    expect(run.created.due_soon).toBe(2);
    expect(run.emailed).toBe(1);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.to).toEqual(['east@example.org']);
    expect(inbox[0]?.subject).toContain('مهلت نزدیک است');
    const text = inbox[0]?.text ?? '';
    expect(text).toContain('https://neshast.example.org/actions/');
    expect(text).toContain('1399-11-15');
    expect(text).toContain('برنامه های عملیاتی');

    // A restart on the same day: nothing new, nothing resent.
    const again = await runReminders(t.database.client, { now: new Date('2021-01-27T09:00:00Z'), mailer });
    expect([again.created.due_soon, again.emailed]).toEqual([0, 0]);
    expect(inbox).toHaveLength(1);
    const unsent = await t.database.client.execute(`SELECT count(*) AS n FROM notifications WHERE kind = 'due_soon' AND emailed_at IS NULL`);
    expect(Number(unsent.rows[0]?.n)).toBe(0);
  });

  it('sends due-today on the Tehran day of the deadline and overdue after it, through the scheduler', async () => {
    // 21:00 UTC on 2 Feb is already 3 Feb in Tehran.
    const clock = { now: () => new Date('2021-02-02T21:00:00Z') };
    const scheduler = startReminderScheduler({ client: t.database.client, clock, mailer });
    expect((await scheduler.firstRun)?.created.due_today).toBe(2);
    scheduler.stop();
    clock.now = () => new Date('2021-02-04T06:00:00Z');
    const later = startReminderScheduler({ client: t.database.client, clock, mailer });
    expect((await later.firstRun)?.created.overdue).toBe(2);
    expect((await later.runNow())?.created.overdue).toBe(0);
    later.stop();
    expect(inbox.map((m) => m.subject)).toEqual([
      expect.stringContaining('مهلت نزدیک است'),
      expect.stringContaining('امروز آخرین مهلت است'),
      expect.stringContaining('مهلت گذشته است'),
    ]);
  });

  it('waits until just after midnight in Tehran for the next daily run', () => {
    expect(msUntilNextTehranMorning(new Date('2021-02-02T20:00:00Z'))).toBe(35 * 60_000);
    expect(msUntilNextTehranMorning(new Date('2021-02-02T20:35:00Z'))).toBe(24 * 3_600_000);
  });
});
