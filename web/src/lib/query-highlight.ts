/**
 * @module The words a search matched, carried from a search hit to the session page (`?hl=`)
 * and marked there in the paragraph the hit points at. The words are the server's own marks in
 * the snippet, so its stemming and spelling folds decide what matched, not a second guess here.
 */

/**
 * The distinct texts inside `<mark>` of a snippet the server escaped and marked.
 *
 * @example
 * markedWords('… <mark>بودجه</mark> سال <mark>بودجه‌ای</mark> …') // ['بودجه', 'بودجه‌ای']
 */
export function markedWords(snippetHtml: string): string[] {
  const words = [...snippetHtml.matchAll(/<mark>([^<]{1,80})<\/mark>/g)].map((m) => decodeBasicEntities(m[1] ?? '').trim());
  return [...new Set(words.filter((w) => w.length > 0))].slice(0, 12);
}

function decodeBasicEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Wrap every occurrence of `words` in the text under `root` in `<mark class="query-mark">`;
 * returns how many were marked. Marks from an earlier call are unwrapped first.
 *
 * @example
 * highlightWords(document.getElementById('p-3'), ['بودجه']);
 */
export function highlightWords(root: HTMLElement, words: readonly string[]): number {
  for (const old of root.querySelectorAll('mark.query-mark')) old.replaceWith(...old.childNodes);
  root.normalize();
  const wanted = words.filter((w) => w.length > 1).sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return 0;
  const pattern = new RegExp(wanted.map(escapeRegExp).join('|'), 'gu');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node instanceof Text) nodes.push(node);
  let count = 0;
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const pieces = document.createDocumentFragment();
    let at = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      if (start > at) pieces.append(text.slice(at, start));
      const mark = document.createElement('mark');
      mark.className = 'query-mark';
      mark.textContent = match[0];
      pieces.append(mark);
      at = start + match[0].length;
      count++;
    }
    if (at < text.length) pieces.append(text.slice(at));
    node.replaceWith(pieces);
  }
  return count;
}
