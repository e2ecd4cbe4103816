/**
 * @module Straightens a slightly rotated scan before OCR, with no image library: the skew is
 * measured from the word boxes of a first OCR pass, the image is wrapped in a one-page PDF whose
 * drawing matrix turns it back, and pdftoppm rasterises that page again. PNG (8-bit, any colour
 * type, not interlaced) and baseline JPEG are wrapped; anything else is left as it is.
 */
import { deflateSync, inflateSync } from 'node:zlib';

export interface WordBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The skew in degrees (positive: the text runs down to the right, as after a clockwise turn),
 * from the median slope of word bottoms along lines of four or more words; null when too few lines.
 *
 * @example
 * estimateSkew(lines) // 2.0
 */
export function estimateSkew(lines: ReadonlyArray<readonly WordBox[]>): number | null {
  const slopes: number[] = [];
  for (const words of lines) {
    if (words.length < 4) continue;
    const xs = words.map((w) => w.left + w.width / 2);
    const ys = words.map((w) => w.top + w.height);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let num = 0;
    let den = 0;
    xs.forEach((x, i) => {
      num += (x - mx) * ((ys[i] ?? my) - my);
      den += (x - mx) ** 2;
    });
    if (den > 0) slopes.push(num / den);
  }
  if (slopes.length < 3) return null;
  slopes.sort((a, b) => a - b);
  const median = slopes[Math.floor(slopes.length / 2)] ?? 0;
  return (Math.atan(median) * 180) / Math.PI;
}

interface RasterImage {
  width: number;
  height: number;
  /** Colour components in `data` (1 grey, 3 RGB). */
  colors: 1 | 3;
  /** The image stream for the PDF and its filter. */
  data: Buffer;
  filter: 'FlateDecode' | 'DCTDecode';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** An 8-bit PNG decoded to grey or RGB samples (alpha dropped onto white), or null for what it does not read. */
function decodePng(bytes: Buffer): RasterImage | null {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      colorType = body[9] ?? -1;
      if (depth !== 8 || body[12] !== 0) return null;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (!channels || width === 0 || height === 0) return null;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const v = row[x] ?? 0;
      const predicted = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : 0;
      pixels[y * stride + x] = (v + predicted) & 0xff;
    }
  }
  const colors: 1 | 3 = colorType === 0 || colorType === 4 ? 1 : 3;
  const alpha = colorType === 4 || colorType === 6;
  if (!alpha) return { width, height, colors, data: deflateSync(pixels), filter: 'FlateDecode' };
  const out = Buffer.alloc(width * height * colors);
  for (let i = 0, o = 0; i < pixels.length; i += channels) {
    const a = (pixels[i + channels - 1] ?? 255) / 255;
    for (let k = 0; k < colors; k++) out[o++] = Math.round((pixels[i + k] ?? 0) * a + 255 * (1 - a));
  }
  return { width, height, colors, data: deflateSync(out), filter: 'FlateDecode' };
}

/** A baseline or progressive JPEG's size and colours from its frame header (the data is embedded as it is). */
function readJpeg(bytes: Buffer): RasterImage | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 4 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xc2) {
      const height = bytes.readUInt16BE(offset + 5);
      const width = bytes.readUInt16BE(offset + 7);
      const components = bytes[offset + 9];
      if (components !== 1 && components !== 3) return null;
      return { width, height, colors: components, data: bytes, filter: 'DCTDecode' };
    }
    offset += 2 + length;
  }
  return null;
}

/**
 * A one-page PDF that draws the image turned by `degrees` counter-clockwise on white, page size
 * in pixels (rasterise it at 72 dpi for the same resolution); null for an image it cannot wrap.
 *
 * @example
 * const pdf = rotatedImagePdf(png, -2); // then: pdftoppm -r 72 -gray -png
 */
export function rotatedImagePdf(image: Buffer, degrees: number): Buffer | null {
  const raster = decodePng(image) ?? readJpeg(image);
  if (!raster) return null;
  const { width: w, height: h } = raster;
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const m = [w * cos, w * sin, -h * sin, h * cos, w / 2 - (w / 2) * cos + (h / 2) * sin, h / 2 - (w / 2) * sin - (h / 2) * cos].map((n) => n.toFixed(4));
  const content = `1 g 0 0 ${w} ${h} re f q ${m.join(' ')} cm /Im0 Do Q`;
  const objects: Array<string | Buffer> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /${raster.colors === 1 ? 'DeviceGray' : 'DeviceRGB'} ` +
          `/BitsPerComponent 8 /Filter /${raster.filter} /Length ${raster.data.length} >>\nstream\n`,
        'latin1',
      ),
      raster.data,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
