/**
 * @module Text fixes to a published session's body, checked against its directives: the paragraphs
 * keep their order and count (only their text changes), every directive keeps its quoted text
 * character for character and moves with the text around it, and a fix that would cut into or
 * alter a quote is refused (naming the directive) rather than silently re-anchored. Pure: no HTTP, no DB.
 */
import { composeBody } from '../session-body';

/** Old `[from, to)` of a text replaced by `insert`. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

/** A directive as the correction sees it: its span in the body and whether it must stay verbatim. */
export interface AnchoredSpan {
  id: number;
  anchor: string;
  start: number;
  end: number;
  quote: string;
  /** Published and draft directives must keep their quote; a rejected suggestion is only re-anchored. */
  guarded: boolean;
}

export type BodyCorrection =
  | {
      ok: true;
      body: string;
      paragraphs: Array<{ start: number; end: number; text: string }>;
      /** Every span with its new offsets (and quote: only a rejected suggestion's may differ). */
      spans: Array<{ id: number; start: number; end: number; quote: string }>;
      /** Body-level edits in old offsets, for the audit trail. */
      edits: TextEdit[];
    }
  | { ok: false; reason: 'touches_directive'; span: AnchoredSpan; edit: TextEdit };

/** Beyond this many single-character steps a paragraph's change is taken as one replaced region. */
const MAX_DIFF_STEPS = 1_000;

/**
 * The smallest set of replaced regions turning `a` into `b` (Myers' diff on UTF-16 units, after
 * the common prefix and suffix); one region for the whole middle when they differ too much.
 *
 * @example
 * diffText('گزارش باید ارسل شود', 'گزارش باید ارسال شود') // [{ from: 14, to: 14, insert: 'ا' }]
 */
export function diffText(a: string, b: string, maxSteps = MAX_DIFF_STEPS): TextEdit[] {
  const shortest = Math.min(a.length, b.length);
  let head = 0;
  while (head < shortest && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shortest - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  if (A.length === 0 && B.length === 0) return [];
  const whole = [{ from: head, to: head + A.length, insert: B }];
  if (A.length === 0 || B.length === 0) return whole;
  const steps = myers(A, B, maxSteps);
  if (!steps) return whole;
  const edits: TextEdit[] = [];
  for (const step of steps) {
    const at = head + step.at;
    const last = edits[edits.length - 1];
    if (last && last.to === at) {
      if (step.kind === 'delete') last.to++;
      else last.insert += step.char;
    } else {
      edits.push(step.kind === 'delete' ? { from: at, to: at + 1, insert: '' } : { from: at, to: at, insert: step.char });
    }
  }
  return edits;
}

type Step = { kind: 'delete'; at: number } | { kind: 'insert'; at: number; char: string };

/** Myers' O((N+M)D) shortest edit script, or null past `maxSteps` (D). */
function myers(A: string, B: string, maxSteps: number): Step[] | null {
  const n = A.length;
  const m = B.length;
  const max = Math.min(n + m, maxSteps);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v over diagonals -d..d as it stood before step d (index k + d).
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && A.charCodeAt(x) === B.charCodeAt(y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, A, B, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], A: string, B: string, steps: number): Step[] {
  const out: Step[] = [];
  let x = A.length;
  let y = B.length;
  for (let d = steps; d > 0; d--) {
    const before = trace[d];
    if (!before) break;
    const at = (k: number) => before[k + d] ?? 0;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (down) out.push({ kind: 'insert', at: prevX, char: B.charAt(prevY) });
    else out.push({ kind: 'delete', at: prevX });
    x = prevX;
    y = prevY;
  }
  return out.reverse();
}

/** Where `pos` (an old offset outside every edit) lands after the edits. */
function shift(pos: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const e of edits) {
    if (e.to > pos || (e.from === e.to && e.from > pos)) break;
    delta += e.insert.length - (e.to - e.from);
  }
  return pos + delta;
}

/** The first edit that cuts into or alters `[start, end)` (an insertion at either edge does not). */
function editInside(start: number, end: number, edits: readonly TextEdit[]): TextEdit | undefined {
  return edits.find((e) => (e.from < end && e.to > start) || (e.from === e.to && e.from > start && e.from < end));
}

function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) out.push(i);
  return out;
}

/**
 * Apply new texts to some paragraphs and carry every directive across. Paragraph `i`'s new text
 * replaces the old; the body is re-composed (the same separator), so paragraph spans follow.
 *
 * @example
 * const r = correctBody(['باید گزارش ارسل شود.'], new Map([[0, 'باید گزارش ارسال شود.']]), []);
 * r.ok && r.body // 'باید گزارش ارسال شود.'
 */
export function correctBody(oldTexts: readonly string[], changes: ReadonlyMap<number, string>, spans: readonly AnchoredSpan[]): BodyCorrection {
  const before = composeBody(oldTexts.map((text) => ({ text })));
  const newTexts = oldTexts.map((text, i) => changes.get(i) ?? text);
  const after = composeBody(newTexts.map((text) => ({ text })));
  const edits: TextEdit[] = [];
  oldTexts.forEach((text, i) => {
    const next = newTexts[i] ?? text;
    if (next === text) return;
    const base = before.spans[i]?.[0] ?? 0;
    for (const e of diffText(text, next)) edits.push({ from: base + e.from, to: base + e.to, insert: e.insert });
  });

  const moved: Array<{ id: number; start: number; end: number; quote: string }> = [];
  for (const span of spans) {
    const hit = editInside(span.start, span.end, edits);
    if (!hit) {
      const start = shift(span.start, edits);
      moved.push({ id: span.id, start, end: start + (span.end - span.start), quote: span.quote });
      continue;
    }
    if (!span.guarded) {
      // A rejected suggestion is never shown as a quote: keep it on the text around it.
      const start = Math.min(shift(Math.min(span.start, hit.from), edits), after.body.length);
      const end = Math.max(start, Math.min(shift(Math.max(span.end, hit.to), edits), after.body.length));
      moved.push({ id: span.id, start, end, quote: after.body.slice(start, end) });
      continue;
    }
    // The diff may have aligned a fix next to a quote across its edge: if the quote is still there
    // as often as before (in its paragraph), it is the same quote, in the same order.
    const relocated = relocate(span, before, after, oldTexts, newTexts);
    if (relocated === null) return { ok: false, reason: 'touches_directive', span, edit: hit };
    moved.push({ id: span.id, start: relocated, end: relocated + span.quote.length, quote: span.quote });
  }
  for (const m of moved) {
    const span = spans.find((s) => s.id === m.id);
    if (span?.guarded && after.body.slice(m.start, m.end) !== span.quote) {
      return { ok: false, reason: 'touches_directive', span, edit: editInside(span.start, span.end, edits) ?? { from: span.start, to: span.end, insert: '' } };
    }
  }
  return {
    ok: true,
    body: after.body,
    paragraphs: newTexts.map((text, i) => {
      const [start, end] = after.spans[i] ?? [0, 0];
      return { start, end, text };
    }),
    spans: moved,
    edits,
  };
}

function relocate(span: AnchoredSpan, before: ReturnType<typeof composeBody>, after: ReturnType<typeof composeBody>, oldTexts: readonly string[], newTexts: readonly string[]): number | null {
  const i = before.spans.findIndex(([s, e]) => span.start >= s && span.end <= e);
  if (i < 0) return null;
  const oldBase = before.spans[i]?.[0] ?? 0;
  const newBase = after.spans[i]?.[0] ?? 0;
  const was = occurrences(oldTexts[i] ?? '', span.quote);
  const now = occurrences(newTexts[i] ?? '', span.quote);
  const nth = was.indexOf(span.start - oldBase);
  if (nth < 0 || was.length !== now.length) return null;
  const at = now[nth];
  return at === undefined ? null : newBase + at;
}
