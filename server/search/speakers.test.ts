import { describe, expect, it } from 'vitest';
import { speakerSpellingsFor } from './speakers';

const PEOPLE = [
  { key: 'firouzi', name: 'حسین فیروزی', variants: ['فیروزی', 'فیروری', 'حسین فیروزی'] },
  { key: 'rezaei', name: 'علی رضایی', variants: ['رضایی', 'علی رضایی', 'رضائی'] },
];

describe('the speaker filter', () => {
  it('names a known person by any spelling: Arabic letters, a misspelling, one typo', () => {
    for (const typed of ['حسين فيروزي', 'فیروری', 'فيروري', 'فیروزى', 'فیروزیی']) {
      expect(speakerSpellingsFor(typed, PEOPLE), typed).toContain('حسین فیروزی');
    }
    expect(speakerSpellingsFor('رضائي', PEOPLE)).toContain('علی رضایی');
  });

  it('names a person by key in any letter case (the list API gives the key; people type it as they like)', () => {
    for (const typed of ['firouzi', 'Firouzi', 'FIROUZI', ' firouzi ']) expect(speakerSpellingsFor(typed, PEOPLE), typed).toContain('حسین فیروزی');
  });

  it('keeps an unknown name as typed, naming nobody else', () => {
    expect(speakerSpellingsFor('ناشناس', PEOPLE)).toEqual(['ناشناس']);
    expect(speakerSpellingsFor('   ', PEOPLE)).toEqual([]);
  });
});
