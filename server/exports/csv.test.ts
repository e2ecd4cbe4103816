import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('quotes cells with commas, quotes and line breaks, and round-trips them', () => {
    const rows = [['گفت "فوری"، ظرف دو هفته', 'خط اول\nخط دوم', 'a,b', 42, null]];
    const text = toCsv(['متن', 'یادداشت', 'x', 'عدد', 'خالی'], rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, row] = parse(text, { bom: true }) as string[][];
    expect(header).toEqual(['متن', 'یادداشت', 'x', 'عدد', 'خالی']);
    expect(row).toEqual(['گفت "فوری"، ظرف دو هفته', 'خط اول\nخط دوم', 'a,b', '42', '']);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('-12')).toBe("'-12");
    expect(csvCell(-12)).toBe('-12');
  });
});
