// Reads the text layer of one PDF with pdfjs-dist, in a worker thread so that a slow or hostile
// file can be stopped (terminate) without holding the server's event loop. Plain JavaScript: the
// worker is started by node itself, outside tsx and vitest. Nothing in the PDF is executed: no
// scripting, no eval, no XFA, no fonts loaded; JavaScript and attachments are only reported.
import { parentPort, workerData } from 'node:worker_threads';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

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
