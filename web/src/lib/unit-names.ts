/** @module Short names of units for tight places (chart axes, tables on a phone): «استان آذربایجان شرقی» for the long directorate name. */

const PROVINCE_PREFIX = /^اداره\s*کل\s+آموزش\s+فنی\s+و\s+حرفه[\u200c\s]?ای\s+/u;

/**
 * @example
 * shortUnitName('اداره کل آموزش فنی و حرفه‌ای استان آذربایجان شرقی') // 'استان آذربایجان شرقی'
 * shortUnitName('سازمان برنامه و بودجه کشور') // unchanged
 */
export function shortUnitName(name: string): string {
  const short = name.replace(PROVINCE_PREFIX, '');
  return short || name;
}
