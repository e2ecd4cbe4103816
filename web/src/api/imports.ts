/** @module Importing a session: send a source, read the draft, edit and confirm its suggestions, publish. */
import { query } from '@solidjs/router';
import type { z } from 'zod';
import type {
  ImportDraftSchema,
  ImportJobSchema,
  ImportJsonSchema,
  PublishResultSchema,
  SuggestionAddSchema,
  SuggestionPatchSchema,
  SuggestionSchema,
} from '../../../server/imports/imports.schemas';
import { apiRequest } from './client';

export type ImportDraft = z.infer<typeof ImportDraftSchema>;
export type ImportSuggestion = z.infer<typeof SuggestionSchema>;
export type ImportRepair = ImportDraft['repairs'][number];
export type ImportFields = z.input<typeof ImportJsonSchema>;
export type SuggestionPatch = z.input<typeof SuggestionPatchSchema>;
export type SuggestionAdd = z.input<typeof SuggestionAddSchema>;
export type PublishResult = z.infer<typeof PublishResultSchema>;
/** A document (PDF, Word, scan) being read: its stage and page k of n. */
export type ImportJob = z.infer<typeof ImportJobSchema>;
export type ImportDocument = NonNullable<ImportDraft['document']>;

/**
 * Import pasted text (JSON) or a file (multipart); resolves to the draft under review, or, for a
 * document (PDF, Word, scan), to the job reading it (poll it with getImportJob).
 *
 * @example
 * const draft = await createImport({ text, heldOn: '1399/11/01' });
 */
export function createImport(fields: ImportFields, file?: File): Promise<ImportDraft | ImportJob> {
  if (!file) return apiRequest<ImportDraft>('/imports', { method: 'POST', json: fields });
  const form = new FormData();
  form.set('file', file);
  for (const [name, value] of Object.entries(fields)) if (name !== 'text' && typeof value === 'string' && value !== '') form.set(name, value);
  return apiRequest<ImportDraft | ImportJob>('/imports', { method: 'POST', form });
}

/** Whether an import answer is a job still to be followed (not yet a draft). */
export function isImportJob(value: ImportDraft | ImportJob): value is ImportJob {
  return 'state' in value;
}

/** A document import's progress, then its draft's slug or error. */
export function getImportJob(id: string): Promise<ImportJob> {
  return apiRequest<ImportJob>(`/imports/jobs/${encodeURIComponent(id)}`);
}

/**
 * A draft with its repairs and suggestions.
 *
 * @example
 * const draft = createAsync(() => getImport(params.slug));
 */
export const getImport = query((slug: string) => apiRequest<ImportDraft>(`/imports/${encodeURIComponent(slug)}`), 'import');

/** Edit, confirm or reject one suggestion. */
export function updateSuggestion(slug: string, id: number, patch: SuggestionPatch): Promise<ImportSuggestion> {
  return apiRequest<ImportSuggestion>(`/imports/${encodeURIComponent(slug)}/directives/${id}`, { method: 'PATCH', json: patch });
}

/** Mark a directive the extractor missed (offsets into the draft's text). */
export function addSuggestion(slug: string, span: SuggestionAdd): Promise<ImportSuggestion> {
  return apiRequest<ImportSuggestion>(`/imports/${encodeURIComponent(slug)}/directives`, { method: 'POST', json: span });
}

/** Publish the draft's confirmed directives. */
export function publishImport(slug: string, rejectUnreviewed: boolean): Promise<PublishResult> {
  return apiRequest<PublishResult>(`/imports/${encodeURIComponent(slug)}/publish`, { method: 'POST', json: { rejectUnreviewed } });
}

export interface DraftListItem {
  slug: string;
  title: string;
  heldOn: string | null;
  createdAt: string;
  suggestions: number;
  confirmed: number;
  link: string;
}

/**
 * «پیش‌نویس‌ها»: drafts under review, newest first (managers).
 *
 * @example
 * const drafts = createAsync(() => getDrafts());
 */
export const getDrafts = query(async () => (await apiRequest<{ items: DraftListItem[] }>('/imports')).items, 'importDrafts');
