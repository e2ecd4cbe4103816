/**
 * @module A document uploaded to `POST /api/imports` as a manager's browser sends it (multipart, the
 * file's type from its name) and its import job polled to the end: what the document tests share.
 */
import { expect } from 'vitest';
import { HELD_ON } from './documents';
import type { TestRequest } from './test-app';

export interface ImportJob {
  id: string;
  state: string;
  stage?: string;
  done?: number;
  total?: number;
  slug: string | null;
  error: { code: string; message: string } | null;
}

const MIME: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The multipart form of an upload: the file, then `heldOn` (the documents' date unless given) and any other fields. */
export function uploadForm(name: string, bytes: Uint8Array, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  data.set('file', new File([new Uint8Array(bytes)], name, { type: MIME[name.split('.').pop() ?? ''] ?? 'application/octet-stream' }));
  for (const [k, v] of Object.entries({ heldOn: HELD_ON, ...fields })) data.set(k, v);
  return data;
}

/** Upload, expect 202 and a job, and poll it every 100 ms until it ends (or fail after `timeoutMs`). */
export async function uploadDocument(
  as: TestRequest,
  name: string,
  bytes: Uint8Array,
  options: { fields?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ImportJob> {
  const started = await as('/api/imports', { method: 'POST', body: uploadForm(name, bytes, options.fields) });
  expect(started.status, await started.clone().text()).toBe(202);
  let job = (await started.json()) as ImportJob;
  const deadline = Date.now() + (options.timeoutMs ?? 100_000);
  while (job.state === 'queued' || job.state === 'running') {
    if (Date.now() > deadline) throw new Error(`job ${job.id} still ${job.stage ?? job.state}`);
    await new Promise((r) => setTimeout(r, 100));
    job = (await (await as(`/api/imports/jobs/${job.id}`)).json()) as ImportJob;
  }
  return job;
}
