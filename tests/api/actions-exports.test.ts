/**
 * Exports through the real API: the CSV opens with correct Persian (BOM, CRLF, a round trip
 * through csv-parse), the ICS feed parses with ical.js and works without a cookie until revoked,
 * and the print report holds a directive's actions.
 */
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../../server/exports/exports.routes';
import { foldLine, icsText } from '../../server/exports/ics';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

let t: TestContext;
let manager: TestRequest;
let director: TestRequest;
let directiveId: number;
let quote: string;

beforeAll(async () => {
  t = await createTestContext({ now: '2021-01-21T08:00:00Z' });
  await t.ingestContent(['content']);
  manager = t.as(await t.signIn({ role: 'manager' }));
  director = t.as(await t.signIn({ role: 'director', unitCode: 'prov-east-azarbaijan' }));
  const row = await t.database.client.execute(`SELECT id, quote FROM directives WHERE anchor = 'operational-programmes-1400'`);
  directiveId = Number(row.rows[0]?.id);
  quote = String(row.rows[0]?.quote);
  const assigned = await manager(`/api/directives/${directiveId}/assignments`, { json: { units: ['all-provinces'], dueOn: '1399-11-15' } });
  expect(assigned.status).toBe(201);
});

afterAll(async () => {
  await t.close();
});

describe('CSV export', () => {
  it('starts with a BOM, ends rows with CRLF and gives the Persian text back through a CSV parser', async () => {
    const response = await director(`/api/exports/actions.csv?directive=${directiveId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')).toHaveLength(31 + 2);
    const records: string[][] = parse(bytes, { bom: true, relax_column_count: false });
    expect(records[0]).toEqual(CSV_HEADER);
    expect(records).toHaveLength(32);
    const east = records.find((r) => r[6] === 'prov-east-azarbaijan');
    expect(east?.[1]).toBe(quote);
    expect(east?.[5]).toBe('اداره کل آموزش فنی و حرفه‌ای استان آذربایجان شرقی');
    expect([east?.[11], east?.[12], east?.[8]]).toEqual(['1399-11-15', '2021-02-03', 'باز']);
  });
});

describe('ICS feed', () => {
  it('serves all-day events with the directive quote, without a cookie, until revoked', async () => {
    const created = await director('/api/calendar/token', { method: 'POST' });
    expect(created.status).toBe(201);
    const { url } = (await created.json()) as { url: string };
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);

    const feed = await t.request(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await feed.text();
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.startDate.isDate).toBe(true);
    expect(event?.startDate.toString()).toBe('2021-02-03');
    expect(event?.description).toContain(quote);
    expect(event?.summary).toContain('آذربایجان شرقی');

    expect((await director('/api/calendar/token')).status).toBe(200);
    const revoked = await director('/api/calendar/token', { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect((await t.request(path)).status).toBe(404);
  });

  it('refuses a made-up token and a replaced one', async () => {
    expect((await t.request('/api/calendar/abcdefghijklmnopqrstuvwxyz012345.ics')).status).toBe(404);
    const first = new URL(((await (await manager('/api/calendar/token', { method: 'POST' })).json()) as { url: string }).url).pathname;
    const second = new URL(((await (await manager('/api/calendar/token', { method: 'POST' })).json()) as { url: string }).url).pathname;
    expect((await t.request(first)).status).toBe(404);
    const feed = await t.request(second);
    expect(feed.status).toBe(200);
    // A manager's feed holds every open action.
    expect((await feed.text()).match(/BEGIN:VEVENT/g)).toHaveLength(31);
  });

  it('escapes text values and folds long lines without splitting a character', () => {
    expect(icsText('الف، ب; ج, د\nه\\')).toBe('الف، ب\\; ج\\, د\\nه\\\\');
    const folded = foldLine(`DESCRIPTION:${'آموزش '.repeat(30)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`DESCRIPTION:${'آموزش '.repeat(30)}`);
  });
});

describe('print report', () => {
  it("gives a directive's actions with figures, and a unit's", async () => {
    const report = await director(`/api/reports/print?directive=${directiveId}`);
    const json = (await report.json()) as { title: string; figures: { total: number; done: number }; actions: unknown[] };
    expect(report.status).toBe(200);
    expect(json.title).toContain('گزارش پیگیری رهنمود');
    expect(json.figures).toMatchObject({ total: 31, done: 0 });
    const unit = (await (await director('/api/reports/print?unit=prov-east-azarbaijan')).json()) as { actions: unknown[] };
    expect(unit.actions).toHaveLength(1);
    expect((await director('/api/reports/print')).status).toBe(400);
  });
});
