/**
 * @module Evidence files: accepted by what their bytes are (not what they claim), named safely,
 * addressed by SHA-256, and served back as downloads that a browser never renders inline.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, UnprocessableError } from '../errors';
import { stripBidiControls } from '../security/bidi';

/** Largest evidence file accepted. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
/** Files per follow-up. */
export const MAX_EVIDENCE_FILES = 10;

/** Detected MIME type → file-name extensions that may carry it. */
const ACCEPTED: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
  'image/heic': ['heic'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
  // Legacy Word/Excel/PowerPoint files are OLE compound files; file-type cannot tell them apart.
  'application/x-cfb': ['doc', 'xls', 'ppt'],
};

export interface CheckedEvidence {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/**
 * A file name safe to store and show: no bidi controls, no path, no control characters, bounded length.
 *
 * @example
 * cleanFileName('C:\\tmp\\report\u202Efdp.exe') // 'reportfdp.exe'
 */
export function cleanFileName(name: string): string {
  const base = stripBidiControls(name).split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001F\u007F"]/g, '').trim().slice(-200);
  return cleaned || 'file';
}

function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}

/**
 * Check one uploaded file: size (413), type by content within the accepted list and agreeing
 * with the file's extension (422). Returns what to store.
 *
 * @example
 * const file = await checkEvidenceFile('letter.pdf', pdfBytes);
 * file.mimeType // 'application/pdf'
 */
export async function checkEvidenceFile(name: string, content: Buffer): Promise<CheckedEvidence> {
  if (content.length > MAX_EVIDENCE_BYTES) {
    throw new AppError(413, 'file_too_large', 'حجم هر فایل پیوست حداکثر ۲۰ مگابایت است.');
  }
  if (content.length === 0) throw UnprocessableError('file_empty', 'فایل پیوست خالی است.');
  const detected = await fileTypeFromBuffer(content);
  const extensions = detected ? ACCEPTED[detected.mime] : undefined;
  if (!detected || !extensions) {
    throw UnprocessableError(
      'file_type_not_allowed',
      'نوع این فایل پذیرفته نیست: فقط PDF، تصویر و اسناد اداری (Word، Excel، PowerPoint، OpenDocument).',
      { detected: detected?.mime ?? null },
    );
  }
  let fileName = cleanFileName(name);
  const extension = extensionOf(fileName);
  if (extension === null) fileName = `${fileName}.${extensions[0] ?? detected.ext}`;
  else if (!extensions.includes(extension)) {
    throw UnprocessableError('file_type_mismatch', `محتوای فایل «${fileName}» با پسوند آن نمی‌خواند.`, {
      detected: detected.mime,
      extension,
    });
  }
  const sha256 = createHash('sha256').update(content).digest('hex');
  return { fileName, mimeType: detected.mime, size: content.length, sha256, content };
}

/**
 * A `Content-Disposition: attachment` value with an ASCII fallback and the UTF-8 name (RFC 6266/5987).
 *
 * @example
 * attachmentDisposition('نامه.pdf') // `attachment; filename="____.pdf"; filename*=UTF-8''%D9%86...pdf`
 */
export function attachmentDisposition(name: string): string {
  const clean = cleanFileName(name);
  const fallback = clean.replace(/[^\x20-\x7E]/g, '_').replace(/[\\"]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
