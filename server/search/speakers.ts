/**
 * @module The speaker filter: a known person (content/people.yaml) matches by key, name or any
 * spelling their name arrives in, with one typo allowed, and then every spelling of them counts.
 */
import { normalizePersian } from '../persian/normalize';

export interface KnownSpeaker {
  key: string;
  name: string;
  variants: string[];
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return false;
    previous = current;
  }
  return (previous[b.length] ?? max + 1) <= max;
}

const spell = (text: string) => normalizePersian(text).replace(/\s+/g, ' ').trim();

/**
 * Normalised spellings a speaker filter accepts: the typed text, and every spelling of each known
 * person it names.
 *
 * @example
 * speakerSpellingsFor('فیروری', people) // ['فیروری', 'حسین فیروزی', 'فیروزی', …]
 */
export function speakerSpellingsFor(typed: string, known: readonly KnownSpeaker[]): string[] {
  const wanted = spell(typed);
  const out = new Set<string>([wanted]);
  if (!wanted) return [];
  for (const person of known) {
    const spellings = [person.name, ...person.variants].map(spell).filter(Boolean);
    const names =
      // `wanted` is normalised, so lower-cased: Firouzi names firouzi.
      person.key === wanted ||
      spellings.some((s) => s === wanted || s.includes(wanted) || ([...wanted].length >= 4 && withinDistance(s, wanted, 1)));
    if (names) for (const s of spellings) out.add(s);
  }
  return [...out];
}

const collator = new Intl.Collator('fa');

/**
 * Known speakers in Persian alphabetical order (for the filter's list).
 *
 * @example
 * sortSpeakers(people)[0].name
 */
export function sortSpeakers<T extends { name: string }>(known: readonly T[]): T[] {
  return [...known].sort((a, b) => collator.compare(a.name, b.name));
}
