/** @module From a DOM selection inside the review's transcript to offsets in the draft's text (each piece carries `data-start`). */

/** The span of the draft's text the user selected inside `root`, or null. */
export function selectedSpan(root: HTMLElement | undefined): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const a = pointOffset(root, range.startContainer, range.startOffset);
  const b = pointOffset(root, range.endContainer, range.endOffset);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** The text offset of a DOM point inside a piece (`data-start` on the element, offset in its text node). */
function pointOffset(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement?.closest<HTMLElement>('[data-start]');
    return piece ? Number(piece.dataset.start) + offset : null;
  }
  if (node instanceof HTMLElement) {
    // A point between children: the start of the child after it, or the end of the one before.
    const after = node.childNodes[offset];
    const before = node.childNodes[offset - 1];
    const start = (n: Node | undefined) => (n instanceof HTMLElement ? n.closest<HTMLElement>('[data-start]') ?? n.querySelector<HTMLElement>('[data-start]') : null);
    const next = start(after);
    if (next) return Number(next.dataset.start);
    const prev = start(before);
    if (prev) return Number(prev.dataset.start) + (prev.textContent ?? '').length;
  }
  return null;
}
