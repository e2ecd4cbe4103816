// Reads the text of one .docx with mammoth, in a worker thread with a bounded heap so that a zip
// bomb or a slow file can be stopped (terminate) without holding or bloating the server. Plain
// JavaScript: the worker is started by node itself, outside tsx and vitest. The zip's declared
// sizes were checked by the caller; here every XML part mammoth may parse is inflated first with
// a hard output bound, since declared sizes can lie. Images are never read; nothing is executed.
import { inflateRawSync } from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';
import mammoth from 'mammoth';

if (!parentPort) throw new Error('docx-text.worker.mjs runs only as a worker thread');
const port = parentPort;

const LOCAL = 0x04034b50;
/** @type {Record<string, string>} */
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

class Refusal extends Error {
  /** @param {'too_large' | 'too_long' | 'broken'} reason */
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/**
 * The unpacked size of each XML part, inflating it with a bound: a part that grows past what is
 * left of the budget is refused as soon as it does, whatever the zip declared.
 * @param {Buffer} buf
 * @param {Array<{ name: string, method: number, compressedSize: number, localOffset: number }>} entries
 * @param {{ maxDocumentXmlBytes: number, maxXmlBytes: number }} limits
 */
function checkActualSizes(buf, entries, limits) {
  let left = limits.maxXmlBytes;
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new Refusal('broken');
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    const bound = Math.min(left, e.name === 'word/document.xml' ? limits.maxDocumentXmlBytes : left);
    let size;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: bound + 1 }).length;
      } catch (error) {
        throw new Refusal(error instanceof RangeError && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'broken');
      }
    } else throw new Refusal('broken');
    if (size > bound) throw new Refusal('too_large');
    left -= size;
  }
}

/** @param {string} html */
function htmlText(html) {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name) => ENTITIES[name] ?? '')
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .trim();
}

async function main() {
  const { bytes, entries, limits } = workerData;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkActualSizes(buf, entries, limits);
  let html;
  try {
    html = (
      await mammoth.convertToHtml(
        { buffer: buf },
        // Images are dropped unread: their bytes would only bloat the HTML.
        { includeDefaultStyleMap: true, ignoreEmptyParagraphs: true, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
      )
    ).value;
  } catch {
    throw new Refusal('broken');
  }
  const blocks = [];
  let length = 0;
  let titleHint = null;
  // mammoth writes flat HTML: headings, paragraphs, list items and table cells.
  for (const match of html.matchAll(/<(h[1-6]|p|li|td|th)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    const text = htmlText(match[2] ?? '');
    if (text === '') continue;
    if (titleHint === null && /^h[1-6]$/i.test(match[1] ?? '')) titleHint = text;
    length += text.length + (blocks.length > 0 ? 2 : 0);
    // Stop at the pasted-text limit rather than build a text that will be refused anyway.
    if (length > limits.maxTextChars) throw new Refusal('too_long');
    blocks.push(text);
  }
  port.postMessage({ ok: true, text: blocks.join('\n\n'), titleHint });
}

main().catch((error) => port.postMessage({ ok: false, reason: error instanceof Refusal ? error.reason : 'broken' }));
