/**
 * @module The search analysis chain shared by indexing, querying and highlighting:
 * normalise → tokenise (particles joined) → drop stop words → stem.
 */
import type { NormalizedText } from './normalize';
import { tokenizePersian, type Token } from './tokenize';
import { isStopWord } from './stopwords';
import { stemPersian, type Stemmer } from './stem';

/** A searchable term and where its word sits in the normalised text. */
export interface Term extends Token {
  /** The stemmed form that goes into the index. */
  term: string;
}

export interface AnalyzeOptions {
  stem?: Stemmer | false;
  /** Keep stop words (e.g. to tell a user their query had only stop words). */
  keepStopWords?: boolean;
}

/**
 * Turn one normalised token into its index term, or null for a stop word.
 *
 * @example
 * termOf('کتابها') // 'کتاب'; termOf('میشود') // null
 */
export function termOf(token: string, options: AnalyzeOptions = {}): string | null {
  if (!options.keepStopWords && isStopWord(token)) return null;
  const stem = options.stem ?? stemPersian;
  return stem === false ? token : stem(token);
}

/**
 * Analyse original text into index terms with offsets into its normalised form.
 *
 * @example
 * analyzePersian('كتاب‌هاي درسی').terms.map((t) => t.term) // ['کتاب', 'درس']
 */
export function analyzePersian(original: string, options: AnalyzeOptions = {}): { normalized: NormalizedText; terms: Term[] } {
  const { normalized, tokens } = tokenizePersian(original);
  const terms: Term[] = [];
  for (const token of tokens) {
    const term = termOf(token.text, options);
    if (term) terms.push({ text: token.text, start: token.start, end: token.end, term });
  }
  return { normalized, terms };
}
