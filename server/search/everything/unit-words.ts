/**
 * @module Which words of a query name a unit: «تهران», «آذربایجان شرقی», an alias. Only words that
 * tell units apart count (at most two units hold them): «آموزش» or «استان» is in every unit's name and
 * names none. The words found narrow the actions to those units; the rest is looked for in the
 * directives. Pure.
 */
import { isStopWord } from '../../persian/stopwords';
import { tokenizePersian } from '../../persian/tokenize';

/** A word in more units than this is part of every name, not a name. */
const MAX_UNITS_PER_WORD = 2;

export interface NamedUnit {
  code: string;
  name: string;
  aliases: readonly string[];
}

/** Normalised word → the units whose name or aliases hold it (only words that tell units apart). */
export type UnitWords = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * @example
 * const words = unitWordsOf(units);
 * words.get('تهران') // Set { 'prov-tehran' }
 */
export function unitWordsOf(units: readonly NamedUnit[]): UnitWords {
  const holders = new Map<string, Set<string>>();
  for (const unit of units) {
    for (const text of [unit.name, ...unit.aliases]) {
      for (const token of tokenizePersian(text).tokens) {
        if (isStopWord(token.text) || [...token.text].length < 2) continue;
        const set = holders.get(token.text) ?? new Set<string>();
        set.add(unit.code);
        holders.set(token.text, set);
      }
    }
  }
  for (const [word, set] of holders) if (set.size > MAX_UNITS_PER_WORD) holders.delete(word);
  return holders;
}

/**
 * The units a query's words name (null: none named) and the words left for the directives. Words that
 * name units together narrow each other («آذربایجان شرقی»); apart, each adds its units («تهران فارس»).
 *
 * @example
 * unitsNamed(['فروش', 'املاک', 'تهران'], words) // { units: ['prov-tehran'], rest: ['فروش', 'املاک'] }
 */
export function unitsNamed(tokens: readonly string[], words: UnitWords): { units: string[] | null; rest: string[] } {
  const rest: string[] = [];
  const sets: Array<ReadonlySet<string>> = [];
  for (const token of tokens) {
    const set = words.get(token);
    if (set) sets.push(set);
    else rest.push(token);
  }
  if (sets.length === 0) return { units: null, rest };
  const [first, ...others] = sets;
  const together = [...(first ?? [])].filter((code) => others.every((s) => s.has(code)));
  const units = together.length > 0 ? together : [...new Set(sets.flatMap((s) => [...s]))];
  return { units: units.sort(), rest };
}
