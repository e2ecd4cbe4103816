/**
 * @module Which recorded speaker spellings a typed name means: the known people (content/people.yaml,
 * with their variants) first, then the spellings themselves, all after Persian normalisation and
 * with one typo tolerated in a surname (فیروری → فیروزی). Pure.
 */
import { foldName as fold, nameForms, oneEditApart } from '../detection/speaker';

export interface KnownPerson {
  key: string;
  name: string;
  variants: string[];
}

/** A person's spellings: full name, surname, variants, all folded (at least 3 letters). */
function formsOf(person: KnownPerson): string[] {
  return nameForms(person.name, person.variants);
}

/** Equal, or one edit apart when both are long enough that one edit is a typo and not another name. */
function close(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 4 && b.length >= 4 && oneEditApart(a, b);
}

/** Does the typed (folded) name name this person? Whole name or any of its words against their forms. */
function names(typed: string, forms: string[]): boolean {
  if (forms.some((f) => close(typed, f))) return true;
  const words = typed.split(' ');
  return words.length > 1 && forms.some((f) => !f.includes(' ') && words.some((w) => close(w, f)));
}

/**
 * The person a typed name means, if one: by full name, surname or a variant, one typo allowed.
 *
 * @example
 * findPerson('فيروري', people)?.key // 'firouzi' (Arabic yeh, misspelt)
 */
export function findPerson(typed: string, people: readonly KnownPerson[]): KnownPerson | undefined {
  const t = fold(typed);
  if (t.length < 2) return undefined;
  return people.find((p) => names(t, formsOf(p)));
}

/**
 * The recorded speaker spellings that mean the typed name: those of the person it names, or,
 * for someone not in the people list, the spellings equal to it or one typo away.
 *
 * @example
 * matchingSpeakers('فیروری', ['حسین فیروزی', 'مریم احمدی'], people) // ['حسین فیروزی']
 */
export function matchingSpeakers(typed: string, recorded: readonly string[], people: readonly KnownPerson[]): string[] {
  const person = findPerson(typed, people);
  if (person) {
    const forms = formsOf(person);
    return recorded.filter((r) => names(fold(r), forms));
  }
  const t = fold(typed);
  return recorded.filter((r) => names(t, [fold(r), ...fold(r).split(' ').filter((w) => w.length >= 3)]));
}

/**
 * The canonical name for a recorded spelling (the person's name), or the spelling itself.
 *
 * @example
 * canonicalSpeaker('فیروری', people) // 'حسین فیروزی'
 */
export function canonicalSpeaker(recorded: string, people: readonly KnownPerson[]): string {
  const r = fold(recorded);
  return people.find((p) => names(r, formsOf(p)))?.name ?? recorded.trim();
}
