import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from './decode';
import { IngestError } from './ingest-error';

const persian = 'استان‌ها موظفند تا ۳۰ آبان گزارش دهند.';

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(Buffer.from(persian))).toBe(persian);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(persian)]))).toBe(persian);
  });
  it('detects Windows-1256 and converts it', () => {
    // Windows-1256 has Arabic yeh and kaf only; repair folds them to Persian later.
    const text = 'مديران كل استان ها بايد گزارش دهند';
    const bytes = iconv.encode(text, 'windows-1256');
    expect(detectEncoding(bytes)).toBe('windows-1256');
    expect(decodeText(bytes)).toBe(text);
  });
  it('reads UTF-16 with a BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(persian, 'utf16le')]))).toBe(persian);
  });
  it('refuses binary files with a Persian message', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(() => decodeText(png, 'photo.png')).toThrow(IngestError);
    try {
      decodeText(png, 'photo.png');
    } catch (err) {
      expect(err).toMatchObject({ code: 'binary_file', file: 'photo.png' });
      expect(err instanceof Error && /دودویی/.test(err.message)).toBe(true);
    }
  });
  it('refuses bytes that are neither UTF-8 nor Persian Windows-1256', () => {
    const latin1 = iconv.encode('Ça coûte très cher à Paris, n’est-ce pas? Déjà vu.', 'latin1');
    expect(() => decodeText(latin1)).toThrow(/UTF-8/);
  });
});
