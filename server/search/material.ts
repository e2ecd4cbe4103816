/**
 * @module A session's search material: what highlighting needs of its paragraphs (text, speaker,
 * squeezed normalised text, analysed words with their spans), prepared once and stored as one blob
 * (table search_material), so a hit session missing from the paragraph cache costs one row read
 * instead of reading ≈ 10 paragraph rows, normalising each and analysing the ones a term may match
 * (≈ 0.35 ms of CPU a session, most of a query's first time after a start: docs/benchmarks.md).
 *
 * Layout (little-endian): Int32 header [FORMAT, paragraphs P, vocabulary V, words W], then P × 5
 * (ordinal, text length, squeezed length, speaker length or -1, word count), V × 2 (surface length,
 * term length, -1 for none or -2 for the surface itself), W word ids into the session's own vocabulary, 2W spans; then every string in
 * that order as UTF-16 code units (texts may hold lone surrogates: kept as they are). When every number
 * fits, they are all written in 16 bits instead (FORMAT_16).
 */
import { createHash } from 'node:crypto';
import { squeezeParagraph, type ParagraphText } from './highlight';
import { addAnalysedWord, paragraphWords, reserveWords, wordIdOf, wordSurface, wordTerm } from './paragraph-words';

const FORMAT = 2;
/** The same layout with every number in 16 bits (-1 and -2 as 65535 and 65534): the usual case, ≈ 20 % smaller. */
const FORMAT_16 = 3;
const MAX_16 = 65_533;
/** A term length meaning: the term is the surface itself (most words: no suffix stripped). */
const SAME = -2;
const HEADER = 4;
const PER_PARAGRAPH = 5;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Texts run through the analyser to fingerprint it: spelling variants, particles, affixes, digits, marks. */
const FINGERPRINT_TEXTS = [
  'كتاب‌هاي درسي را مي‌خوانند و نمي‌دانند؛ مهم‌ترين و مهم ترين برنامه ريزي برنامه‌ریزی برونسپاری.',
  'ماده۲۷ و ماده 27 قانون، ظرف مدت دو هفته (۱۴۰۰/۰۱/۱۵) &shy; بهره وری تصدی‌گری ی ي ك ک ة ۀ أ إ آ ؤ ئ',
  'فیروزی گفت: «استان‌ها باید تا پایان سال، بودجه‌ی عملیاتی را به سازمان برنامه و بودجه بفرستند» ـــ َ ُ ِ ّ',
  'The Plan-and-Budget ORGANISATION, 2021-01-20; x\u200cy\u200d z\u00a0w 12.5% ١٢٣ ٤٥٦',
];

/**
 * The running analyser's fingerprint: the layout version and what normalising, squeezing and
 * analysing make of a few texts. Material written under another fingerprint is not used (a search
 * analyses the paragraphs itself) and is written again by the keeper (material-keeper.ts).
 */
export const ANALYSIS_FINGERPRINT: string = (() => {
  const hash = createHash('sha256').update(`format ${FORMAT}\n`);
  for (const text of FINGERPRINT_TEXTS) {
    const words = paragraphWords(text);
    hash.update(squeezeParagraph(text));
    for (let i = 0; i < words.ids.length; i++) {
      const id = words.ids[i] ?? -1;
      hash.update(`|${wordSurface(id)}:${wordTerm(id) ?? ''}@${words.spans[2 * i]}-${words.spans[2 * i + 1]}`);
    }
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 16);
})();

export interface MaterialParagraph {
  ordinal: number;
  text: string;
  speaker: string | null;
}

/**
 * Prepare a session's paragraphs (in order): squeezed, analysed, packed.
 *
 * @example
 * const blob = encodeMaterial([{ ordinal: 0, text: 'بودجه ۱۴۰۰', speaker: null }]);
 */
export function encodeMaterial(paragraphs: readonly MaterialParagraph[]): Uint8Array {
  const local = new Map<string, number>();
  const vocabulary: string[] = [];
  const vocabularyTerms: Array<string | null> = [];
  const squeezed: string[] = [];
  const wordIds: number[] = [];
  const wordSpans: number[] = [];
  const counts: number[] = [];
  for (const p of paragraphs) {
    squeezed.push(squeezeParagraph(p.text));
    // Mapped to the session's vocabulary at once: the shared one may start again at the next paragraph.
    const words = paragraphWords(p.text);
    for (let i = 0; i < words.ids.length; i++) {
      const surface = wordSurface(words.ids[i] ?? -1);
      let id = local.get(surface);
      if (id === undefined) {
        id = vocabulary.length;
        local.set(surface, id);
        vocabulary.push(surface);
        vocabularyTerms.push(wordTerm(words.ids[i] ?? -1));
      }
      wordIds.push(id);
      wordSpans.push(words.spans[2 * i] ?? 0, words.spans[2 * i + 1] ?? 0);
    }
    counts.push(words.ids.length);
  }
  const intCount = HEADER + PER_PARAGRAPH * paragraphs.length + 2 * vocabulary.length + 3 * wordIds.length;
  const strings: string[] = [];
  const ints = new Int32Array(intCount);
  ints.set([FORMAT, paragraphs.length, vocabulary.length, wordIds.length]);
  let at = HEADER;
  paragraphs.forEach((p, i) => {
    const s = squeezed[i] ?? '';
    ints.set([p.ordinal, p.text.length, s.length, p.speaker === null ? -1 : p.speaker.length, counts[i] ?? 0], at);
    at += PER_PARAGRAPH;
    strings.push(p.text, s, p.speaker ?? '');
  });
  vocabulary.forEach((surface, i) => {
    const term = vocabularyTerms[i] ?? null;
    ints.set([surface.length, term === null ? -1 : term === surface ? SAME : term.length], at);
    at += 2;
    strings.push(surface, term === surface ? '' : (term ?? ''));
  });
  ints.set(wordIds, at);
  ints.set(wordSpans, at + wordIds.length);
  const chars = Buffer.from(strings.join(''), 'utf16le');
  let narrow = true;
  for (const n of ints) if (n < -2 || n > MAX_16) narrow = false;
  const numbers = narrow ? Uint16Array.from(ints, (n) => (n < 0 ? 65_536 + n : n)) : ints;
  if (narrow) numbers[0] = FORMAT_16;
  const out = new Uint8Array(numbers.byteLength + chars.length);
  out.set(new Uint8Array(numbers.buffer), 0);
  out.set(chars, numbers.byteLength);
  return out;
}

/** V8 makes a slice of 13 or more characters a view of its parent (SlicedString::kMinLength). */
const SLICE_VIEW_MIN = 13;

/**
 * A string of the vocabulary's (from `at` in `bytes`) that owns its characters: a long slice would keep
 * this blob's whole vocabulary string alive in the shared one.
 */
function apart(slice: string, bytes: Buffer, at: number): string {
  return slice.length < SLICE_VIEW_MIN ? slice : bytes.toString('utf16le', 2 * at, 2 * (at + slice.length));
}

/**
 * The paragraphs of a stored blob, as the paragraph cache holds them (squeezed text and words set),
 * or null when the blob is not of this layout (read the paragraphs instead).
 *
 * @example
 * const paragraphs = decodeMaterial(blob); paragraphs?.[0]?.words // analysed, ready to score
 */
export function decodeMaterial(blob: ArrayBuffer | Uint8Array): ParagraphText[] | null {
  if (!LITTLE_ENDIAN) return null;
  let bytes = blob instanceof Uint8Array ? blob : new Uint8Array(blob);
  // Int32 views need an aligned start (a Buffer may sit anywhere in its pool).
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const width = bytes[0] === FORMAT_16 ? 2 : 4;
  if (bytes.length < HEADER * width) return null;
  const head = width === 2 ? new Uint16Array(bytes.buffer, bytes.byteOffset, HEADER) : new Int32Array(bytes.buffer, bytes.byteOffset, HEADER);
  const [format = 0, p = 0, v = 0, w = 0] = head;
  const intCount = HEADER + PER_PARAGRAPH * p + 2 * v + 3 * w;
  if ((format !== FORMAT && format !== FORMAT_16) || p < 0 || v < 0 || w < 0 || intCount * width > bytes.length || (bytes.length - intCount * width) % 2 !== 0) return null;
  let ints: Int32Array;
  if (width === 2) {
    const narrow = new Uint16Array(bytes.buffer, bytes.byteOffset, intCount);
    ints = new Int32Array(intCount);
    for (let i = 0; i < intCount; i++) {
      const n = narrow[i] ?? 0;
      ints[i] = n >= 65_534 ? n - 65_536 : n;
    }
  } else ints = new Int32Array(bytes.buffer, bytes.byteOffset, intCount);
  // Every string's length first: a blob that does not add up is refused before a word of it reaches
  // the shared vocabulary (a wrong term there would be every later paragraph's).
  let paragraphChars = 0;
  let wordCount = 0;
  for (let i = 0, at = HEADER; i < p; i++, at += PER_PARAGRAPH) {
    const [text = -1, squeezed = -1, speaker = -2, count = -1] = ints.subarray(at + 1, at + PER_PARAGRAPH);
    if (text < 0 || squeezed < 0 || speaker < -1 || count < 0) return null;
    paragraphChars += text + squeezed + Math.max(speaker, 0);
    wordCount += count;
  }
  if (wordCount !== w) return null;
  const vocabularyAt = HEADER + PER_PARAGRAPH * p;
  let vocabularyChars = 0;
  for (let i = 0, at = vocabularyAt; i < v; i++, at += 2) {
    const surface = ints[at] ?? -1;
    const term = ints[at + 1] ?? -3;
    if (surface < 0 || term < SAME) return null;
    vocabularyChars += surface + Math.max(term, 0);
  }
  const charsAt = bytes.byteOffset + intCount * width;
  if (2 * (paragraphChars + vocabularyChars) !== bytes.length - intCount * width) return null;
  const idsAt = vocabularyAt + 2 * v;
  for (let i = idsAt; i < idsAt + w; i++) if ((ints[i] ?? -1) < 0 || (ints[i] ?? v) >= v) return null;
  // The paragraphs' strings and the vocabulary's apart: texts are slices of the first (what the cache
  // counts), and the second is dropped once its words are in the shared vocabulary.
  const chars = Buffer.from(bytes.buffer, charsAt, 2 * paragraphChars).toString('utf16le');
  let c = 0;
  const take = (length: number): string => {
    const s = chars.slice(c, c + length);
    c += length;
    return s;
  };
  const rows: Array<{ ordinal: number; text: string; squeezed: string; speaker: string | null; words: number }> = [];
  let at = HEADER;
  for (let i = 0; i < p; i++, at += PER_PARAGRAPH) {
    const text = take(ints[at + 1] ?? 0);
    const squeezed = take(ints[at + 2] ?? 0);
    const speakerLength = ints[at + 3] ?? -1;
    const speaker = speakerLength < 0 ? null : take(speakerLength);
    rows.push({ ordinal: ints[at] ?? 0, text, squeezed, speaker, words: ints[at + 4] ?? 0 });
  }
  // The session's words into the process's one vocabulary (paragraph-words.ts): one lookup per distinct
  // word, a new one added with its stored term (not stemmed again), so a session read from material
  // holds what an analysed one holds and the cache counts it the same.
  const vocabularyBytes = Buffer.from(bytes.buffer, charsAt + 2 * paragraphChars, 2 * vocabularyChars);
  const words = vocabularyBytes.toString('utf16le');
  const epoch = reserveWords(v);
  const shared = new Int32Array(v);
  c = 0;
  for (let i = 0; i < v; i++, at += 2) {
    const length = ints[at] ?? 0;
    const termLength = ints[at + 1] ?? -1;
    const start = c;
    c += length + Math.max(termLength, 0);
    const surface = words.slice(start, start + length);
    let id = wordIdOf(surface);
    if (id === undefined) {
      const own = apart(surface, vocabularyBytes, start);
      const term = termLength === SAME ? own : termLength < 0 ? null : apart(words.slice(start + length, c), vocabularyBytes, start + length);
      id = addAnalysedWord(own, term);
    }
    shared[i] = id;
  }
  const ids = new Int32Array(w);
  for (let i = 0; i < w; i++) ids[i] = shared[ints[at + i] ?? 0] ?? -1;
  const spans = ints.slice(at + w, at + 3 * w);
  const out: ParagraphText[] = [];
  let word = 0;
  for (const r of rows) {
    out.push({ ordinal: r.ordinal, text: r.text, speaker: r.speaker, squeezed: r.squeezed, words: { epoch, ids: ids.subarray(word, word + r.words), spans: spans.subarray(2 * word, 2 * (word + r.words)) } });
    word += r.words;
  }
  return word === w ? out : null;
}
