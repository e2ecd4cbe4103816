import { describe, expect, it } from 'vitest';
import { elfHeader, tinyPdf, tinyPng, windowsExe } from '../../tests/api/actions-fixtures';
import { AppError } from '../errors';
import { attachmentDisposition, checkEvidenceFile, cleanFileName, MAX_EVIDENCE_BYTES } from './evidence-files';

async function refusal(name: string, content: Buffer): Promise<AppError> {
  try {
    await checkEvidenceFile(name, content);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('checkEvidenceFile', () => {
  it('accepts a PDF and a PNG by their content and addresses them by SHA-256', async () => {
    const pdf = await checkEvidenceFile('نامه ۱۲۳۴.pdf', tinyPdf());
    expect(pdf.mimeType).toBe('application/pdf');
    expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await checkEvidenceFile('scan', tinyPng)).fileName).toBe('scan.png');
  });

  it('refuses executables however they are named', async () => {
    expect((await refusal('report.pdf', elfHeader)).code).toBe('file_type_not_allowed');
    const exe = await refusal('letter.pdf', windowsExe());
    expect([exe.status, exe.code]).toEqual([422, 'file_type_not_allowed']);
  });

  it('refuses a file whose content does not match its extension', async () => {
    const e = await refusal('photo.pdf', tinyPng);
    expect([e.status, e.code]).toEqual([422, 'file_type_mismatch']);
  });

  it('refuses files over 20 MB with 413', async () => {
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_EVIDENCE_BYTES)]);
    expect((await refusal('big.pdf', big)).status).toBe(413);
  });
});

describe('file names', () => {
  it('strips bidi overrides and paths', () => {
    expect(cleanFileName('C:\\temp\\invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  });
  it('gives an ASCII fallback and the UTF-8 name in the download header', () => {
    const header = attachmentDisposition('گزارش\u202E "نهایی".pdf');
    expect(header.startsWith('attachment; filename="')).toBe(true);
    expect(header).not.toContain('\u202E');
    const star = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(star)).toBe('گزارش نهایی.pdf');
  });
});
