/**
 * @module lunr with a Persian pipeline: our tokeniser (normalised, particles joined),
 * Hazm stop words and the light stemmer, registered so a serialised index loads.
 */
import lunr from 'lunr';
import { tokenizePersian } from '../persian/tokenize';
import { isStopWord } from '../persian/stopwords';
import { stemPersian } from '../persian/stem';

const STOP_WORD_FILTER = 'persianStopWordFilter';
const STEMMER = 'persianStemmer';

/** Drops Hazm stop words (tokens are already normalised and joined). */
const persianStopWordFilter: lunr.PipelineFunction = (token) => (isStopWord(token.toString()) ? null : token);

/** Applies the light stemmer that protects names. */
const persianStemmer: lunr.PipelineFunction = (token) => token.update((word) => stemPersian(word));

lunr.Pipeline.registerFunction(persianStopWordFilter, STOP_WORD_FILTER);
lunr.Pipeline.registerFunction(persianStemmer, STEMMER);

/** Names of the registered functions: index time, and search time (serialised with the index). */
export const PERSIAN_PIPELINE = { index: [STOP_WORD_FILTER, STEMMER], search: [STEMMER] } as const;

/**
 * lunr tokenizer for Persian: normalise, split on anything that is not a letter,
 * mark or digit, join ZWNJ particles. Positions are not kept (docs/decisions.md: index size and speed).
 *
 * @example
 * persianTokenizer('كتاب‌ها').map(String) // ['کتابها']
 */
export function persianTokenizer(value: unknown): lunr.Token[] {
  if (value === null || value === undefined) return [];
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  return tokenizePersian(text).tokens.map((t) => new lunr.Token(t.text, {}));
}

export interface PersianBuilderOptions {
  /** Field name → boost. */
  fields: Record<string, number>;
  k1?: number;
  b?: number;
}

/**
 * A lunr Builder set up for Persian documents.
 *
 * @example
 * const builder = createPersianBuilder({ fields: { title: 2, body: 1 } });
 * builder.add({ id: '1', title: 'جلسه', body: 'متن' }); builder.build();
 */
export function createPersianBuilder(options: PersianBuilderOptions): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.add(persianStopWordFilter, persianStemmer);
  builder.searchPipeline.add(persianStemmer);
  builder.tokenizer = Object.assign(persianTokenizer, { separator: lunr.tokenizer.separator });
  builder.metadataWhitelist = [];
  builder.ref('id');
  for (const [name, boost] of Object.entries(options.fields)) builder.field(name, { boost });
  builder.k1(options.k1 ?? 1.2);
  builder.b(options.b ?? 0.75);
  return builder;
}

export { lunr };
