/** @module What the review page shows of a session's source document (presenter). */
import type { SourceLayout } from '../db/schema';
import type { SessionSourceRow } from './session-sources.repo';

export interface DocumentView {
  fileName: string;
  mimeType: string;
  size: number;
  pageCount: number;
  /** 1-based page of each paragraph by ordinal. */
  paragraphPages: Array<number | null>;
  ocrPages: number[];
  ocrLines: SourceLayout['ocrLines'];
  lowConfidence: SourceLayout['lowConfidence'];
  runningLines: string[];
  notes: string[];
  download: string;
}

/**
 * The source document of a session as the API shows it.
 *
 * @example
 * presentDocument(row, 'import-2021-01-20-3f9a0c1b2d').download // '/api/imports/import-2021-01-20-3f9a0c1b2d/source'
 */
export function presentDocument(row: SessionSourceRow, slug: string): DocumentView {
  return {
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    pageCount: row.layout.pageCount,
    paragraphPages: row.layout.paragraphPages,
    ocrPages: row.layout.ocrPages,
    ocrLines: row.layout.ocrLines,
    lowConfidence: row.layout.lowConfidence,
    runningLines: row.layout.runningLines,
    notes: row.layout.notes,
    download: `/api/imports/${encodeURIComponent(slug)}/source`,
  };
}
