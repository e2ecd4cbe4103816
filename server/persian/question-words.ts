/**
 * @module Persian interrogatives (کجا، چیست، چقدر، کی …). A question's interrogatives ask for what
 * the answer holds; the passage that answers it rarely holds them, so they do not rank (Hazm's stop
 * words already hold some: چه، چرا، آیا، کدام، چند، چگونه).
 */
import { normalizePersian } from './normalize';

/** Interrogative pronouns and adverbs, as people type them (colloquial forms included). */
export const INTERROGATIVES: readonly string[] = [
  'کجا', 'کجاست', 'کجای', 'چیست', 'چیستند', 'کیست', 'کیستند', 'چطور', 'چطوری', 'چگونه', 'چقدر', 'چقد',
  'چی', 'چیه', 'چرا', 'آیا', 'کی', 'کدام', 'کدوم', 'کدامیک', 'کدومش', 'کدامین', 'چند', 'چندم', 'چندمین', 'چه', 'چسان',
];

const interrogatives = new Set(INTERROGATIVES.map((w) => normalizePersian(w)));

/**
 * True for an interrogative (a normalised token).
 *
 * @example
 * isInterrogative('کجاست') // true
 */
export function isInterrogative(token: string): boolean {
  return interrogatives.has(token);
}
