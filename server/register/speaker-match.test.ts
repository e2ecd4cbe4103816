import { describe, expect, it } from 'vitest';
import { canonicalSpeaker, findPerson, matchingSpeakers } from './speaker-match';

const people = [
  { key: 'firouzi', name: 'حسین فیروزی', variants: ['فیروزی', 'فیروری', 'حسین فیروزی'] },
  { key: 'ahmadi', name: 'مریم احمدی', variants: ['احمدی'] },
  { key: 'rezaei', name: 'علی رضایی', variants: ['رضایی', 'رضائی'] },
];

describe('speaker matching', () => {
  it('finds a person by a misspelt surname typed with Arabic yeh', () => {
    expect(findPerson('فيروري', people)?.key).toBe('firouzi');
    expect(findPerson('فيروزی', people)?.key).toBe('firouzi');
    expect(findPerson('حسين فيروزي', people)?.key).toBe('firouzi');
  });

  it('does not take a different name one letter away when it is short', () => {
    expect(findPerson('علی', people)).toBeUndefined();
    expect(findPerson('رضا', people)).toBeUndefined();
  });

  it('returns every recorded spelling of the person, and only theirs', () => {
    const recorded = ['حسین فیروزی', 'فیروری', 'مریم احمدی', 'علی رضائی', 'محمد کریمی'];
    expect(matchingSpeakers('فیروزی', recorded, people)).toEqual(['حسین فیروزی', 'فیروری']);
    expect(matchingSpeakers('رضايي', recorded, people)).toEqual(['علی رضائی']);
  });

  it('matches someone not in the people list by their recorded name, one typo allowed', () => {
    const recorded = ['محمد کریمی', 'حسین فیروزی'];
    expect(matchingSpeakers('كريمي', recorded, people)).toEqual(['محمد کریمی']);
    expect(matchingSpeakers('کسی دیگر', recorded, people)).toEqual([]);
  });

  it('names a recorded spelling by its person', () => {
    expect(canonicalSpeaker('فیروری', people)).toBe('حسین فیروزی');
    expect(canonicalSpeaker('محمد کریمی', people)).toBe('محمد کریمی');
  });
});
