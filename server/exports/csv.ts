/**
 * @module CSV that Excel opens with correct Persian: UTF-8 with a byte-order mark, CRLF line ends,
 * RFC 4180 quoting, and cells that would start a formula defused.
 */

export const UTF8_BOM = '\uFEFF';

/**
 * One cell, quoted when it holds a quote, comma, or line break; a leading = + - @ (a formula
 * in a spreadsheet) gets an apostrophe in front.
 *
 * @example
 * csvCell('گفت "فوری"') // '"گفت ""فوری"""'
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: BOM, header row, data rows, CRLF after every row.
 *
 * @example
 * toCsv(['نام'], [['تهران']]) // '\uFEFFنام\r\nتهران\r\n'
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
