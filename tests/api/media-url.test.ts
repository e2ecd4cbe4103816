/**
 * Issue 12, item 7: a media link is checked once, the same way, whatever the source: the import's
 * JSON field and markdown front matter both refuse `javascript:` (422 invalid_media_url, nothing
 * stored). Before the fix the front matter accepted it (201) while the JSON field refused it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../support/responses';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

let t: TestContext;
let manager: TestRequest;

beforeAll(async () => {
  t = await createTestContext();
  manager = t.as(await t.signIn({ role: 'manager' }));
});
afterAll(async () => {
  await t.close();
});

async function sessionCount(): Promise<number> {
  const rs = await t.database.client.execute('SELECT count(*) AS n FROM sessions');
  return Number(rs.rows[0]?.n);
}

const markdown = (mediaUrl: string) => `---\nslug: media-check\ntitle: نشست آزمون\nheldOn: 1399-11-01\nmediaUrl: '${mediaUrl}'\n---\n\nاستان‌ها موظفند گزارش را ارسال کنند.\n`;

describe('media links on import', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '/etc/passwd', 'file:///etc/passwd'])(
    'refuses %s in the JSON field and in markdown front matter alike, storing nothing',
    async (bad) => {
      const before = await sessionCount();
      const viaField = await expectJson<{ error: { code: string } }>(await manager('/api/imports', { json: { text: 'استان‌ها باید گزارش را ارسال کنند.', mediaUrl: bad } }), 422);
      expect(viaField.error.code).toBe('invalid_media_url');
      const viaFront = await expectJson<{ error: { code: string } }>(await manager('/api/imports', { json: { format: 'markdown', text: markdown(bad) } }), 422);
      expect(viaFront.error.code).toBe('invalid_media_url');
      expect(await sessionCount()).toBe(before);
    },
  );

  it('keeps an https link from front matter', async () => {
    const draft = await expectJson<{ mediaUrl: string | null }>(await manager('/api/imports', { json: { format: 'markdown', text: markdown('https://example.org/webinar.mp4') } }), 201);
    expect(draft.mediaUrl).toBe('https://example.org/webinar.mp4');
  });
});
