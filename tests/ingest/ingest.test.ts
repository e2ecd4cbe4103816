import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths, type IngestSummary } from '../../server/ingest/ingest';
import { countRows, openTempDatabase, type TempDatabase } from '../support/temp-db';

const SEED_SLUG = 'tvto-outsourcing-webinar-1';
const clock = { now: () => new Date('2026-11-26T08:00:00Z') };

let db: TempDatabase;
beforeEach(async () => {
  db = await openTempDatabase();
});
afterEach(() => db.dispose());

/** A content folder with the real catalogue and one extra session file. */
function contentWith(fileName: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'neshast-content-'));
  cpSync('content/units.yaml', join(dir, 'units.yaml'));
  cpSync('content/people.yaml', join(dir, 'people.yaml'));
  writeFileSync(join(dir, fileName), text);
  return dir;
}

async function tableCounts() {
  return {
    sessions: await countRows(db, 'sessions'),
    paragraphs: await countRows(db, 'paragraphs'),
    directives: await countRows(db, 'directives'),
  };
}

const validSession = (slug: string, body: string) => `---
slug: ${slug}
title: جلسه آزمایشی
kind: meeting
heldOn: 1400-02-01
---

${body}
`;

describe('ingest of the seed webinar', () => {
  it('stores the repaired seed with directive spans that quote the body exactly', async () => {
    const summary = await ingestPaths(db.client, ['content'], { clock });
    expect(summary.failures).toEqual([]);
    const session = (await db.client.execute({ sql: 'SELECT id, body, held_on, title FROM sessions WHERE slug = ?', args: [SEED_SLUG] })).rows[0];
    expect(session?.held_on).toBe('2021-01-20');
    expect(String(session?.title)).toContain('وبینار واگذاری امور');
    const body = String(session?.body);
    expect(body).not.toContain('&shy;');
    expect(body).not.toContain('فیروری');
    expect(body).toContain('با اشاره به اینکه شورای عالی مهارت می تواند نقش سیاستگذار را ایفا کند');
    // The lead paragraph appears once.
    expect(body.split('نخستین وبینار واگذاری امور به بخش غیر دولتی و کاهش تصدی گری').length).toBe(2);

    const directives = (await db.client.execute({ sql: 'SELECT * FROM directives WHERE session_id = ? ORDER BY start', args: [Number(session?.id)] })).rows;
    expect(directives.length).toBeGreaterThanOrEqual(4);
    for (const d of directives) expect(body.slice(Number(d.start), Number(d.end))).toBe(String(d.quote));
    const programmes = directives.find((d) => d.anchor === 'operational-programmes-1400');
    expect(programmes?.recipient_code).toBe('pbo');
    expect(programmes?.assignee_code).toBe('all-provinces');
    expect(String(programmes?.quote)).toContain('دو هفته');
    // Deadlines resolved against the session date (1399-11-01) on the Jalali calendar.
    expect(programmes?.due_on).toBe('2021-02-03');
    expect(directives.find((d) => d.anchor === 'property-sales-3-months')?.due_on).toBe('2021-04-21');

    const paragraphs = (await db.client.execute({ sql: 'SELECT text, start, end FROM paragraphs WHERE session_id = ?', args: [Number(session?.id)] })).rows;
    for (const p of paragraphs) expect(body.slice(Number(p.start), Number(p.end))).toBe(String(p.text));
  });

  it('stores the 31 provinces under the all-provinces group', async () => {
    await ingestPaths(db.client, ['content'], { clock });
    const rs = await db.client.execute("SELECT count(*) AS n FROM unit_group_members WHERE group_code = 'all-provinces'");
    expect(Number(rs.rows[0]?.n)).toBe(31);
  });

  it('changes nothing when the same content is ingested again', async () => {
    const first = await ingestPaths(db.client, ['content'], { clock });
    const before = await tableCounts();
    const ids = (await db.client.execute('SELECT id FROM paragraphs ORDER BY id')).rows.map((r) => r.id);
    const second = await ingestPaths(db.client, ['content'], { clock });
    expect(first.added).toBeGreaterThan(0);
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: first.added, failures: [] });
    expect(await tableCounts()).toEqual(before);
    expect((await db.client.execute('SELECT id FROM paragraphs ORDER BY id')).rows.map((r) => r.id)).toEqual(ids);
  });

  it('updates a changed session in place, keeping one row per slug', async () => {
    const dir = contentWith('a.md', validSession('changing-session', 'متن نخست.'));
    await ingestPaths(db.client, [dir], { clock });
    writeFileSync(join(dir, 'a.md'), validSession('changing-session', 'متن دوم.\n\nبند تازه.'));
    const summary = await ingestPaths(db.client, [dir], { clock });
    expect(summary).toMatchObject({ added: 0, updated: 1 });
    const rows = (await db.client.execute("SELECT body FROM sessions WHERE slug = 'changing-session'")).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.body).toBe('متن دوم.\n\nبند تازه.');
    expect(await countRows(db, 'paragraphs')).toBe(2);
  });
});

describe('bad input is reported with file and line and writes nothing for that file', () => {
  async function expectRejected(fileName: string, text: string, code: string, line?: number): Promise<IngestSummary> {
    const dir = contentWith(fileName, text);
    const before = await tableCounts();
    const summary = await ingestPaths(db.client, [join(dir, 'units.yaml'), join(dir, 'people.yaml'), join(dir, fileName)], { clock });
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]).toMatchObject({ code });
    expect(summary.failures[0]?.file).toContain(fileName);
    if (line !== undefined) expect(summary.failures[0]?.line).toBe(line);
    expect(summary.failures[0]?.message).toMatch(/[\u0600-\u06FF]/);
    expect(await tableCounts()).toEqual(before);
    return summary;
  }

  it('refuses a text or transcript whose file name dates it outside the plausible years, or with no real date', async () => {
    const out = await expectRejected('1500-01-01-webinar.txt', 'مدیران کل موظفند گزارش را ارسال کنند.', 'date_out_of_range');
    expect(out.failures[0]?.message).toContain('۱۴۹۹');
    await expectRejected('0001-01-01-meeting.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nسلام\n', 'date_out_of_range');
    await expectRejected('1399-13-01-notes.txt', 'متن کوتاه.', 'invalid_date');
  });

  it('refuses invalid front matter (bad date) naming the field line', async () => {
    await expectRejected('bad-date.md', '---\nslug: bad-date\ntitle: عنوان\nheldOn: 1399-13-40\n---\n\nمتن\n', 'front_matter_invalid', 4);
  });

  it('refuses front matter that is not YAML', async () => {
    await expectRejected('bad-yaml.md', '---\nslug: [unclosed\ntitle: x\n---\n\nمتن\n', 'front_matter_yaml');
  });

  it('refuses a directive assigned to an unknown unit, naming its line', async () => {
    const text = validSession('unknown-unit', 'مقدمه.\n\n:::directive{assignee=prov-atlantis kind=action}\nاستان‌ها باید گزارش دهند.\n:::');
    await expectRejected('unknown-unit.md', text, 'unknown_unit', 10);
  });

  it('refuses an unclosed directive block', async () => {
    const text = validSession('unclosed', 'مقدمه.\n\n:::directive{assignee=all-provinces kind=action}\nاستان‌ها باید گزارش دهند.\n');
    await expectRejected('unclosed.md', text, 'directive_unclosed', 10);
  });

  it('refuses a malformed JSON line and writes none of the file', async () => {
    const lines = [
      JSON.stringify({ slug: 'bulk-1', title: 'خبر یک', body: 'متن یک' }),
      '{"slug": "bulk-2", "title": ',
      JSON.stringify({ slug: 'bulk-3', title: 'خبر سه', body: 'متن سه' }),
    ];
    await expectRejected('bulk.jsonl', lines.join('\n'), 'jsonl_malformed', 2);
  });

  it('goes on with the good files when one is bad', async () => {
    const dir = contentWith('bad.jsonl', '{"slug": oops}\n');
    writeFileSync(join(dir, 'good.md'), validSession('good-one', 'متن سالم.'));
    const summary = await ingestPaths(db.client, [dir], { clock });
    expect(summary.failures.map((f) => f.code)).toEqual(['jsonl_malformed']);
    expect(summary.added).toBe(1);
  });
});

describe('JSONL bulk sessions', () => {
  it('reads paragraphs or body, Jalali or ISO dates', async () => {
    const lines = [
      JSON.stringify({ slug: 'news-1', title: 'خبر', heldOn: '1399-11-01', paragraphs: ['بند یک', { text: 'بند دو', speaker: 'فیروزی', start: 12.5 }] }),
      JSON.stringify({ slug: 'news-2', title: 'خبر دو', heldOn: '2021-01-21', body: 'الف\n\nب\n\nج' }),
    ];
    const dir = contentWith('bulk.jsonl', lines.join('\n') + '\n');
    const summary = await ingestPaths(db.client, [dir], { clock });
    expect(summary).toMatchObject({ added: 2, failures: [] });
    const rows = (await db.client.execute("SELECT s.slug, s.held_on, count(p.id) AS n FROM sessions s JOIN paragraphs p ON p.session_id = s.id GROUP BY s.id ORDER BY s.slug")).rows;
    expect(rows.map((r) => [r.slug, r.held_on, Number(r.n)])).toEqual([
      ['news-1', '2021-01-20', 2],
      ['news-2', '2021-01-21', 3],
    ]);
    const timed = (await db.client.execute("SELECT speaker, media_start_ms FROM paragraphs WHERE ordinal = 1 AND session_id = (SELECT id FROM sessions WHERE slug = 'news-1')")).rows[0];
    expect(timed).toMatchObject({ speaker: 'فیروزی', media_start_ms: 12500 });
  });

  it('removes bidi controls from titles and speaker names', async () => {
    const line = JSON.stringify({ slug: 'spoof', title: 'گزارش \u202Eexe.pdf', paragraphs: [{ text: 'متن', speaker: 'فیروزی\u2066' }] });
    const dir = contentWith('spoof.jsonl', line + '\n');
    await ingestPaths(db.client, [dir], { clock });
    const row = (await db.client.execute("SELECT s.title, s.speakers, p.speaker FROM sessions s JOIN paragraphs p ON p.session_id = s.id WHERE slug = 'spoof'")).rows[0];
    expect(row?.title).toBe('گزارش exe.pdf');
    expect(row?.speaker).toBe('فیروزی');
    expect(JSON.parse(String(row?.speakers))).toEqual(['فیروزی']);
  });

  it('keeps the seed text verbatim in the source column', async () => {
    await ingestPaths(db.client, ['content'], { clock });
    const source = String((await db.client.execute({ sql: 'SELECT source_text FROM sessions WHERE slug = ?', args: [SEED_SLUG] })).rows[0]?.source_text);
    expect(source).toBe(readFileSync('content/sessions/1399-11-01-tvto-outsourcing-webinar.md', 'utf8'));
  });
});

describe('raw text and transcripts', () => {
  it('ingests a WebVTT transcript with speakers and cue times per paragraph', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.500\n<v حسین فیروزی>استان‌ها باید برنامه عملیاتی را ظرف دو هفته ارسال کنند.\n\n00:00:05.000 --> 00:00:09.000\n<v مریم احمدی>گزارش آن در جلسه بعد ارائه می‌شود.\n';
    const dir = contentWith('1400-02-01-review.vtt', vtt);
    const summary = await ingestPaths(db.client, [dir], { clock });
    expect(summary).toMatchObject({ added: 1, failures: [] });
    const rows = (await db.client.execute('SELECT p.speaker, p.media_start_ms, s.held_on, s.source_kind FROM paragraphs p JOIN sessions s ON s.id = p.session_id ORDER BY p.ordinal')).rows;
    expect(rows.map((r) => [r.speaker, r.media_start_ms])).toEqual([
      ['حسین فیروزی', 1000],
      ['مریم احمدی', 5000],
    ]);
    expect(rows[0]).toMatchObject({ held_on: '2021-04-21', source_kind: 'vtt' });
  });

  it('refuses a VTT with a broken cue, naming its line, and writes nothing', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.500\nمتن اول\n\n00:00:xx --> 00:00:09.000\nمتن دوم\n';
    const dir = contentWith('broken.vtt', vtt);
    const summary = await ingestPaths(db.client, [join(dir, 'broken.vtt')], { clock });
    expect(summary.failures[0]).toMatchObject({ line: 6 });
    expect(await countRows(db, 'sessions')).toBe(0);
  });

  it('converts a Windows-1256 text file and keeps its words', async () => {
    const dir = contentWith('placeholder.md', validSession('placeholder', 'متن'));
    writeFileSync(join(dir, 'arabic-codepage.txt'), iconv.encode('گزارش جلسه\n\nمديران کل استان ها بايد گزارش را ارسال کنند.\n', 'win1256'));
    const summary = await ingestPaths(db.client, [join(dir, 'arabic-codepage.txt')], { clock });
    expect(summary.failures).toEqual([]);
    const body = String((await db.client.execute('SELECT body FROM sessions')).rows[0]?.body);
    expect(body).toContain('استان');
    expect(body).toContain('گزارش');
  });

  it('refuses a binary file clearly', async () => {
    const dir = contentWith('placeholder.md', validSession('placeholder', 'متن'));
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    const summary = await ingestPaths(db.client, [join(dir, 'image.txt')], { clock });
    expect(summary.failures[0]?.code).toBe('binary_file');
    expect(await countRows(db, 'sessions')).toBe(0);
  });
});
