/**
 * An uploaded document's draft and its stored file (blobs + session_sources) are one write: when
 * storing the file fails, no draft is left without the document its review shows and its download
 * serves, and the retry makes the whole draft. Failed before the fix: the draft was written, then the
 * file in a separate write, so a refused file left a draft with no document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, writeUp } from '../support/documents';
import { uploadDocument, type ImportJob } from '../support/document-upload';
import { createTestContext, type TestContext, type TestRequest } from '../support/test-app';

let t: TestContext;
let manager: TestRequest;
let bytes: Buffer;

const upload = (): Promise<ImportJob> => uploadDocument(manager, 'بخشنامه.docx', bytes);
const count = async (table: string) => Number((await t.database.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);

beforeAll(async () => {
  t = await createTestContext();
  manager = t.as(await t.signIn({ role: 'manager' }));
  bytes = await makeDocx(writeUp());
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('a document import whose file cannot be stored', () => {
  it('writes no draft, no audit entry and no bytes; the retry stores the draft with its document', async () => {
    const before = { sessions: await count('sessions'), audit: await count('audit_log'), blobs: await count('blobs') };
    await t.database.client.execute(`CREATE TRIGGER refuse_source BEFORE INSERT ON session_sources
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const failed = await upload();
    expect(failed.state).toBe('failed');
    expect(await count('sessions')).toBe(before.sessions);
    expect(await count('audit_log')).toBe(before.audit);
    expect(await count('blobs')).toBe(before.blobs);
    expect(await count('session_sources')).toBe(0);
    await t.database.client.execute('DROP TRIGGER refuse_source');

    const done = await upload();
    expect(done.error).toBeNull();
    expect(done.state).toBe('done');
    const draft = (await (await manager(`/api/imports/${done.slug}`)).json()) as { document: { fileName: string; download: string } | null };
    expect(draft.document?.fileName).toBe('بخشنامه.docx');
    expect(await count('session_sources')).toBe(1);
  });
});
