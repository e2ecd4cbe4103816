// Reads the text layer of one PDF with pdfjs-dist, in a worker thread so that a slow or hostile
// file can be stopped (terminate) without holding the server's event loop. Plain JavaScript: the
// worker is started by node itself, outside tsx and vitest. Nothing in the PDF is executed: no
// scripting, no eval, no XFA, no fonts loaded; JavaScript and attachments are only reported.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * One glyph that stands for several right-to-left letters (LibreOffice's lam-alef: one glyph, ToUnicode
 * «لا» = U+0644 U+0627 in logical order) is a cluster. pdf.js pushes its letters as they are into the
 * visual-order run and then reverses the run character by character, so «املاک» came out «امالک».
 * Its text builder is given the cluster pre-reversed (what pdf.js's own reverseIfRtl did before it was
 * dropped), so the run's reversal puts it back. Letters of the Arabic and Hebrew blocks, their marks and
 * presentation forms (U+0590–U+08FF, U+FB1D–U+FDFF, U+FE70–U+FEFC) only: Latin ligatures (ﬁ) read left to right.
 */
const RTL_CLUSTER = /^[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]{2,}$/u;

/**
 * A glyph its font's ToUnicode leaves out, in a font whose ToUnicode maps Arabic letters, is read as
 * a tatweel (U+0640). LibreOffice stretches a justified Persian line with kashida glyphs it does not
 * map, and pdf.js read such a glyph as the character of its code: the code is the glyph's place in
 * the subset (first drawn, first numbered), so it came out as a control character or, at 0x20, a
 * space inside the word («آموزش ی»). pdf-layout joins the word around the tatweel and drops it. Fonts
 * without Arabic in their map keep pdf.js's reading (some producers map only the codes that differ).
 */
const ARABIC_LETTER = /[\u0620-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]/u;
/** @type {WeakMap<object, boolean>} */
const arabicMaps = new WeakMap();
/** @param {{ _map?: unknown }} toUnicode @param {number} code */
function unmappedGlyph(toUnicode, code) {
  const map = toUnicode._map;
  if (!Array.isArray(map)) return code;
  let arabic = arabicMaps.get(toUnicode);
  if (arabic === undefined) {
    arabic = map.some((u) => typeof u === 'string' && ARABIC_LETTER.test(u));
    arabicMaps.set(toUnicode, arabic);
  }
  return arabic ? '\u0640' : code;
}

/**
 * pdf.js adds a zero-width mark (the hamza of هٔ) to the text run being built without looking where it
 * is drawn. LibreOffice draws each mark on its own, 2 units under the baseline, and a word after a space
 * often starts a new text block: the hamza of «شمارهٔ» went into the run of the line above («ٔ گرفته»).
 * A mark drawn more than a line's height above or below the run's last glyph ends that run and starts
 * its own, which the word's letters then join. Unrotated horizontal text only (the case seen).
 */
const MARK_ELSEWHERE =
  'if (category.isZeroWidthDiacritic && textContentItem.initialized && textContentItem.prevTransform && !font.vertical) { const t = getCurrentTextTransform(); if (t[1] === 0 && t[2] === 0 && Math.abs(t[5] - textContentItem.prevTransform[5]) > textContentItem.height) { resetLastChars(); flushTextContentItem(); } }';

/**
 * pdf.js drops every invisible format character (\p{Cf}) a font maps a glyph to. In a bold run
 * LibreOffice draws the ZWNJ as its space glyph, mapped to U+200C, pulled back by a kerning of its
 * width, so «هزینه‌های» read «هزینههای». Its real spaces are the same glyph at full width (named a space
 * by ActualText only, which pdf.js does not read) and stay spaces. A U+200C glyph that leaves the pen
 * within a quarter of its width of where it was, after a Persian letter, is kept in the run as a ZWNJ.
 * @param {{ unicode: string, width: number }} glyph @param {number} scale @param {number} spacing
 * @param {{ initialized: boolean, str: string[] }} chunk @param {boolean} vertical
 * @returns {number | null} how far the pen moves, or null for pdf.js's own handling
 */
function pulledBackZwnj(glyph, scale, spacing, chunk, vertical) {
  const width = glyph.width * scale;
  if (glyph.unicode !== '\u200C' || vertical || !(width > 0) || Math.abs(width + spacing) > width * 0.25) return null;
  if (!chunk.initialized || !ARABIC_LETTER.test(chunk.str.at(-1) ?? '')) return null;
  chunk.str.push('\u200C');
  return width + spacing;
}

const KEEP_ZWNJ =
  'if (category.isInvisibleFormatMark) { const zwnjMove = globalThis.neshastPulledBackZwnj(glyph, scale, baseCharSpacing + (i + 1 === ii ? extraSpacing : 0), textContentItem, font.vertical); if (zwnjMove !== null) { textState.translateTextMatrix(zwnjMove * textState.textHScale, 0); saveLastChar("\\u200C"); continue; } }\n        if (category.isInvisibleFormatMark) {';

/** Lines of pdf.js's worker code and what each becomes. @type {Array<[string, string]>} */
const PATCHES = [
  ['if (!category.isZeroWidthDiacritic && !compareWithLastPosition(scaledDim)) {', `${MARK_ELSEWHERE}\n        if (!category.isZeroWidthDiacritic && !compareWithLastPosition(scaledDim)) {`],
  ['if (category.isInvisibleFormatMark) {', KEEP_ZWNJ],
  ['textChunk.str.push(glyphUnicode);', `textChunk.str.push(${RTL_CLUSTER}.test(glyphUnicode) ? Array.from(glyphUnicode).reverse().join('') : glyphUnicode);`],
  ['let unicode = this.toUnicode.get(charcode) || charcode;', 'let unicode = this.toUnicode.get(charcode) || globalThis.neshastUnmappedGlyph(this.toUnicode, charcode);'],
];

/**
 * pdf.js's worker code with those lines changed, installed where pdf.js looks for a worker already
 * loaded (globalThis.pdfjsWorker). It is written to a private temporary folder (mode 0700, random
 * name, removed once imported: never a shared path another user could have written first), since
 * module loaders such as tsx refuse a data: URL. If a new pdf.js lacks one of the lines, the stock worker
 * is used, and server/ingest/readers/pdf.test.ts and tests/api/pdf-libreoffice.test.ts fail to say so.
 */
async function installPatchedWorker() {
  const require = createRequire(import.meta.url);
  let source = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
  for (const [anchor] of PATCHES) if (source.split(anchor).length !== 2) return;
  for (const [anchor, patch] of PATCHES) source = source.replace(anchor, () => patch);
  Object.assign(globalThis, { neshastUnmappedGlyph: unmappedGlyph, neshastPulledBackZwnj: pulledBackZwnj });
  const dir = mkdtempSync(join(tmpdir(), 'neshast-pdfjs-'));
  try {
    const file = join(dir, 'pdf.worker.mjs');
    writeFileSync(file, source, { mode: 0o600 });
    Object.assign(globalThis, { pdfjsWorker: await import(pathToFileURL(file).href) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await installPatchedWorker();
const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');

if (!parentPort) throw new Error('pdf-text.worker.mjs runs only as a worker thread');
const port = parentPort;

const IMAGE_OPS = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);

/** @param {unknown} error */
function failure(error) {
  const name = error && typeof error === 'object' && 'name' in error ? String(error.name) : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, name, message };
}

async function main() {
  const { bytes, maxPages } = workerData;
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  const pages = doc.numPages;
  if (pages === 0 || pages > maxPages) {
    port.postMessage({ ok: true, pages, items: [], scripts: false, attachments: false });
    await task.destroy();
    return;
  }
  const [attachments, scripts] = await Promise.all([
    doc.getAttachments().catch(() => null),
    doc.getJSActions().catch(() => null),
  ]);
  const out = [];
  for (let n = 1; n <= pages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ disableNormalization: true });
    const items = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      items.push({ s: item.str, x: item.transform[4], y: item.transform[5], w: item.width, h: item.height, eol: item.hasEOL });
    }
    // Only a page with next to no text is looked at for images: it may be a scan for OCR.
    const letters = items.reduce((n, i) => n + (i.s.match(/\p{L}/gu) ?? []).length, 0);
    let images = false;
    if (letters < 20) {
      const ops = await page.getOperatorList();
      images = ops.fnArray.some((op) => IMAGE_OPS.has(op));
    }
    out.push({ width: viewport.width, height: viewport.height, items, images });
    page.cleanup();
    port.postMessage({ progress: n, pages });
  }
  port.postMessage({
    ok: true,
    pages,
    items: out,
    scripts: scripts !== null && Object.keys(scripts).length > 0,
    attachments: attachments !== null && Object.keys(attachments).length > 0,
  });
  await task.destroy();
}

main().catch((error) => port.postMessage(failure(error)));
