/**
 * @module The messages between the imports service and its extraction worker thread: read a
 * source (answering its slug, for the duplicate check), then finish (extract) or drop it; or
 * summarise the repairs of a stored source (legacy drafts stored before their summary was); or warm up
 * after a start. Plain data only (structured clone).
 */
import type { IngestErrorInit } from '../ingest/ingest-error';
import type { ImportFormat } from '../ingest/formats';
import type { ImportContext, ImportSource, PreparedImport } from './import-source';
import type { RepairSummary } from './repair-summary';

export type ToWorker =
  | { id: number; type: 'read'; source: ImportSource; context: ImportContext }
  | { id: number; type: 'finish' }
  | { id: number; type: 'drop' }
  /** A duplicate: drop the source, answering the repairs its draft shows (computed from what was read). */
  | { id: number; type: 'drop-with-repairs' }
  | { id: number; type: 'repairs'; text: string; format: ImportFormat; body: string }
  /** Load and run the extraction once on a short text, so the first real import after a start pays nothing for it. */
  | { id: number; type: 'warm' };

export type FromWorker =
  | { id: number; type: 'read'; slug: string }
  | { id: number; type: 'prepared'; prepared: PreparedImport }
  | { id: number; type: 'repairs'; repairs: RepairSummary }
  | { id: number; type: 'warm'; ms: number }
  | { id: number; type: 'ingest-error'; error: IngestErrorInit }
  | { id: number; type: 'error'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A reply from the worker (the worker is ours; this guards against a message of another shape). */
export function isFromWorker(value: unknown): value is FromWorker {
  return isRecord(value) && typeof value.id === 'number' && typeof value.type === 'string';
}

export function isToWorker(value: unknown): value is ToWorker {
  return isRecord(value) && typeof value.id === 'number' && typeof value.type === 'string';
}
