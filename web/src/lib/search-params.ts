/** @module Reading the page's URL query (`useSearchParams`), where a key may repeat. */

/**
 * The first value of a query parameter; undefined when it is missing or empty.
 *
 * @example
 * firstParam(['prov-tehran', 'prov-alborz']) // 'prov-tehran'
 * firstParam('') // undefined
 */
export function firstParam(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first || undefined;
}
