/**
 * @module The one registry of source formats: for each, its file extensions, the source kind a
 * session records, its reader, whether its text goes through the raw-text repair, and how it can be
 * imported (pasted or uploaded text, or a document read off the request loop). `npm run ingest`,
 * the content folder and the import review all read this table; a new format is one row here and
 * its reader in readers/.
 */
import { extname } from 'node:path';
import type { SourceKind } from '../domain';
import type { RepairedText } from '../repair/repair';
import { checkSessionUnits, resolveMarkdownSession, type Catalogue } from './catalogue';
import { readJsonl } from './readers/jsonl';
import { readMarkdownSession } from './readers/markdown';
import { readTextSession } from './readers/text';
import { readSrtSession, readVttSession } from './readers/transcript';
import type { SessionInput } from './session-input';

/** Formats a manager pastes or uploads as text (the JSON import's `format`). */
export const textFormats = ['text', 'markdown', 'vtt', 'srt'] as const;
/** Documents (PDF, Word, scans): read into raw text first (server/imports/document-imports.ts), then repaired like text. */
export const documentFormats = ['pdf', 'docx', 'scan'] as const;

export type TextFormat = (typeof textFormats)[number];
export type DocumentFormat = (typeof documentFormats)[number];
/** What the import review can take. */
export type ImportFormat = TextFormat | DocumentFormat;
/** Every format: the import formats and bulk JSONL (ingest only). */
export type SourceFormat = ImportFormat | 'jsonl';

/** What the importer already has: the repair, done once, and the title and date a person typed (a typed date is taken over one in the file name). */
export interface ReaderGiven {
  repaired?: RepairedText;
  title?: string;
  heldOn?: string | null;
}

/** A reader turns one file's text into sessions, checking them against the catalogue. */
export type SessionReader = (text: string, fileName: string, catalogue: Catalogue, given?: ReaderGiven) => SessionInput[];

export interface FormatInfo {
  /** Lower-case, with the dot; the first names a pasted source (`pasted.md`). */
  extensions: readonly string[];
  /** What the stored session records as its source. */
  sourceKind: SourceKind;
  /** Reads the text (a document's text once extracted; `npm run ingest` reads no documents). */
  read: SessionReader;
  /** Raw text that goes through the repair (and whose repairs the review lists). */
  repaired: boolean;
  /** How the import review takes it: as text, as a document job, or not at all (bulk JSONL). */
  importAs: 'text' | 'document' | null;
}

const readText: SessionReader = (text, file, _catalogue, given) => [readTextSession(file, text, given?.repaired, given?.title, given?.heldOn)];

export const SOURCE_FORMATS: Record<SourceFormat, FormatInfo> = {
  text: { extensions: ['.txt'], sourceKind: 'text', read: readText, repaired: true, importAs: 'text' },
  markdown: {
    extensions: ['.md'],
    sourceKind: 'markdown',
    read: (text, _file, catalogue) => [resolveMarkdownSession(readMarkdownSession(text), catalogue)],
    repaired: false,
    importAs: 'text',
  },
  vtt: { extensions: ['.vtt'], sourceKind: 'vtt', read: (text, file, _catalogue, given) => [readVttSession(file, text, given?.heldOn)], repaired: false, importAs: 'text' },
  srt: { extensions: ['.srt'], sourceKind: 'srt', read: (text, file, _catalogue, given) => [readSrtSession(file, text, given?.heldOn)], repaired: false, importAs: 'text' },
  jsonl: {
    extensions: ['.jsonl'],
    sourceKind: 'jsonl',
    read: (text, _file, catalogue) => {
      const sessions = readJsonl(text);
      for (const s of sessions) checkSessionUnits(s, catalogue);
      return sessions;
    },
    repaired: false,
    importAs: null,
  },
  pdf: { extensions: ['.pdf'], sourceKind: 'pdf', read: readText, repaired: true, importAs: 'document' },
  docx: { extensions: ['.docx'], sourceKind: 'docx', read: readText, repaired: true, importAs: 'document' },
  scan: { extensions: ['.png', '.jpg', '.jpeg'], sourceKind: 'scan', read: readText, repaired: true, importAs: 'document' },
};

const FORMAT_NAMES = Object.keys(SOURCE_FORMATS) as SourceFormat[];

function formatOfExtension(fileName: string): SourceFormat | undefined {
  const extension = extname(fileName).toLowerCase();
  return FORMAT_NAMES.find((f) => SOURCE_FORMATS[f].extensions.includes(extension));
}

/** The readers `npm run ingest` and the content folder use, by extension (documents are not read there). */
export function ingestReaders(): Record<string, SessionReader> {
  const readers: Record<string, SessionReader> = {};
  for (const format of FORMAT_NAMES) {
    const { read, extensions, importAs } = SOURCE_FORMATS[format];
    if (importAs !== 'document') for (const extension of extensions) readers[extension] = read;
  }
  return readers;
}

/**
 * The text import format of a file name, or null for a type that cannot be imported as text.
 *
 * @example
 * importFormatOf('webinar.VTT') // 'vtt'
 */
export function importFormatOf(fileName: string): TextFormat | null {
  const format = formatOfExtension(fileName);
  return format !== undefined && isTextFormat(format) ? format : null;
}

/**
 * The document format of a file name (.pdf, .docx, .png, .jpg), or null.
 *
 * @example
 * documentFormatOf('بخشنامه.PDF') // 'pdf'
 */
export function documentFormatOf(fileName: string): DocumentFormat | null {
  const format = formatOfExtension(fileName);
  return format !== undefined && isDocumentFormat(format) ? format : null;
}

export function isTextFormat(format: SourceFormat): format is TextFormat {
  return SOURCE_FORMATS[format].importAs === 'text';
}

export function isDocumentFormat(format: SourceFormat): format is DocumentFormat {
  return SOURCE_FORMATS[format].importAs === 'document';
}

/**
 * The import format a stored session's source kind came from, or null (bulk JSONL, a form).
 *
 * @example
 * importFormatOfSource('scan') // 'scan'
 */
export function importFormatOfSource(kind: SourceKind): ImportFormat | null {
  const format = FORMAT_NAMES.find((f) => SOURCE_FORMATS[f].sourceKind === kind);
  return format !== undefined && format !== 'jsonl' ? format : null;
}

/**
 * The file name a pasted source is read under (errors name it; a dated name also dates the session).
 *
 * @example
 * pastedFileName('markdown') // 'pasted.md'
 */
export function pastedFileName(format: TextFormat): string {
  return `pasted${SOURCE_FORMATS[format].extensions[0] ?? `.${format}`}`;
}
