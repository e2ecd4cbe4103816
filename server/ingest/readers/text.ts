/**
 * @module Reads a raw `.txt` write-up (PDF extract, pasted news): repairs it into paragraphs,
 * takes a leading heading as the title, and keeps the original as the source.
 */
import { normalizePersian } from '../../persian/normalize';
import { endsWithSentenceEnd } from '../../persian/sentences';
import { repairText, type RepairedText } from '../../repair/repair';
import { IngestError } from '../ingest-error';
import type { SessionInput } from '../session-input';
import { fileSession } from './file-session';


/**
 * Read a raw text file into a session. Throws IngestError when the text is empty. A short first
 * paragraph is taken out as the title, unless a person typed another title: then it stays text.
 *
 * @example
 * readTextSession('1399-11-01-webinar.txt', raw).paragraphs[0].text
 */
export function readTextSession(fileName: string, text: string, repairedAlready?: RepairedText, typedTitle?: string, typedHeldOn?: string | null): SessionInput {
  if (text.trim() === '') throw new IngestError({ code: 'empty_file', message: 'پرونده خالی است.', file: fileName });
  const repaired = repairedAlready ?? repairText(text);
  const paragraphs = repaired.paragraphs.map((p) => ({ text: p.text }));
  const first = paragraphs[0]?.text ?? '';
  // A short first paragraph without an ending is the headline.
  // The typed title may differ from the headline only in spelling (ي/ی, spaces, digits).
  const typed = typedTitle?.trim() ? normalizePersian(typedTitle).trim() : null;
  const headline = paragraphs.length > 1 && first.split(/\s+/).length <= 15 && !endsWithSentenceEnd(first, ':') && (!typed || typed === normalizePersian(first).trim());
  const { slug, heldOn } = fileSession(fileName, text, typedHeldOn);
  return {
    slug,
    title: headline ? first : (first.split(/\s+/).slice(0, 12).join(' ') || slug),
    kind: 'news',
    heldOn,
    sourceKind: 'text',
    sourceText: text,
    tags: [],
    paragraphs: headline ? paragraphs.slice(1) : paragraphs,
    directives: [],
  };
}
