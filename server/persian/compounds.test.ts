import { describe, expect, it } from 'vitest';
import { termOf } from './analyze';
import { joinedTerms, learnCompounds, splitCompound, wordRuns, MAX_SPLIT_LETTERS } from './compounds';
import { SUFFIX_PARTICLES, tokenizePersian } from './tokenize';

/** A toy vocabulary: index term → sessions holding it. */
const VOCABULARY = new Map<string, number>([
  ['برون', 3],
  ['سپار', 5],
  ['بهرهور', 2],
  ['دانش', 40],
  ['گه', 1],
  ['کتاب', 9],
]);
const df = (term: string) => VOCABULARY.get(term) ?? 0;

describe('splitCompound', () => {
  it('splits a joined compound into the parts the index holds', () => {
    expect(splitCompound('برونسپاری', termOf, df)).toMatchObject({ terms: ['برون', 'سپار'], parts: ['برون', 'سپاری'], support: 3 });
  });

  it('lets a bare ending stand for the second part', () => {
    expect(splitCompound('کتابهایی', termOf, df)?.terms).toEqual(['کتاب']);
  });

  it('finds nothing when a part is unknown, the first part is a stop word, or the word is absurdly long', () => {
    expect(splitCompound('برونکاری', termOf, df)).toBeNull();
    expect(splitCompound('ازکتاب', termOf, df)).toBeNull();
    expect(splitCompound('ب'.repeat(MAX_SPLIT_LETTERS + 1), termOf, () => 1)).toBeNull();
  });
});

describe('joinedTerms', () => {
  it('joins adjacent words the index holds as one term', () => {
    expect(joinedTerms(['رشد', 'بهره', 'وری'], termOf, df)).toEqual([{ at: 1, term: 'بهرهور', joined: 'بهرهوری' }]);
  });

  it('never joins a stop word onto the next word', () => {
    expect(joinedTerms(['به', 'رهوری'], termOf, () => 1)).toEqual([]);
  });
});

/** Sentences of Hamshahri (2006) as printed, Arabic ي/ك and all: خاورمیانه and روانشناسی are written both ways. */
const HAMSHAHRI_EXCERPT = [
  'شعار خاورميانه جديد كه خانم رايس در سفر اخير',
  'لام داشت قبلاً در قالب دكترين آمريكا براي رفرم در خاورميانه طراحي شده است.',
  'روابط قبلي  آمريكا با بسياري  از كشورهاي خاور ميانه  و جهان  اسلام  تيره  شود.',
  'گسترده اي كه در آينده اي نه چندان دور در خاور ميانه براي حضور در مناقصه هاي نفتي',
  'كمدي رمانتيكي كه گويا منبع الهامش كتابي در حيطه روان شناسي بوده است.',
  'راهنمايي دكتر زهره خسروي در دانشكده علوم تربيتي و روان شناسي دانشگاه الزهرا(ع)تدوين شده.',
  'درباره روانشناسي و رفتار انساني تحقيق مي شد. از منظر علم روانشناسي،انسان در سرشت خود',
  // A missing space once (صورتيكه) and a pair seen once joined: slips, not compounds.
  'در صورتي كه نرخ ارز بالا برود. در صورتيكه بازار آرام باشد. در صورتي كه نشود.',
  'قيمت هزار تومان شد و هزار تومان ماند، نه هزارتومان.',
].join('\n');

const runsOf = (text: string) => {
  const { normalized, tokens } = tokenizePersian(text);
  return wordRuns(normalized.text, tokens);
};

describe('learnCompounds: compounds learned from the indexed text', () => {
  const lexicon = learnCompounds(() => runsOf(HAMSHAHRI_EXCERPT), termOf, (w) => SUFFIX_PARTICLES.has(w));

  it('learns pairs written apart at least twice whose joined form is also a word at least twice', () => {
    expect(lexicon.byPair.get('خاور میانه')?.joined).toBe('خاورمیانه');
    expect(lexicon.byPair.get('روان شناسی')?.joined).toBe('روانشناسی');
    expect(lexicon.byJoined.get('خاورمیانه')).toMatchObject({ head: 'خاور', tail: 'میانه' });
  });

  it('leaves out a missing space before a stop word and a pair seen joined only once', () => {
    expect(lexicon.byPair.has('صورتی که')).toBe(false);
    expect(lexicon.byPair.has('هزار تومان')).toBe(false);
    expect([...lexicon.byPair.keys()].sort()).toEqual(['خاور میانه', 'روان شناسی']);
  });

  it('never pairs words across punctuation or a line break', () => {
    expect(runsOf('خاور، میانه\nروان شناسی')).toEqual([['خاور'], ['میانه'], ['روان', 'شناسی']]);
  });
});
