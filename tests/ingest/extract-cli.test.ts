import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = (...args: string[]) => run('node_modules/.bin/tsx', ['scripts/extract.ts', ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
const SEED = 'tests/fixtures/imports/tvto-webinar-article.txt';

interface Printed {
  quote: string;
  start: number;
  end: number;
  due: string | null;
  probability: number;
  cues: string[];
}

describe('npm run extract', () => {
  it('prints the suggestions, then the ranked candidates, each a verbatim span with its reasons', async () => {
    const { stdout } = await cli('--date', '1399-11-01', '--json', SEED);
    const out = JSON.parse(stdout) as { text: string; directives: Printed[]; candidates: Printed[] };
    expect(out.directives.length).toBeGreaterThan(0);
    expect(out.candidates.length).toBeGreaterThan(0);
    expect(out.candidates.length).toBeLessThanOrEqual(10);
    for (const d of [...out.directives, ...out.candidates]) {
      expect(out.text.slice(d.start, d.end)).toBe(d.quote);
      expect(d.cues.length).toBeGreaterThan(0);
    }
    const lowestSuggested = Math.min(...out.directives.map((d) => d.probability));
    const probabilities = out.candidates.map((d) => d.probability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(probabilities[0]).toBeLessThan(lowestSuggested);
    expect(out.directives.find((d) => d.quote.includes('حداقل طی 3 ماه آینده'))?.due).toBe('2021-04-21');
  });
  it.each([
    ['1500-01-01', '۱۴۹۹'],
    ['0001-01-01', '۱۳۰۰'],
    ['2200-01-01', '۱۳۰۰'],
  ])('refuses --date %s with the plausible-date rule in Persian, printing nothing', async (date, words) => {
    const failed = await cli('--date', date, '--json', SEED).then(
      () => null,
      (error: unknown) => error as { code: number; stdout: string; stderr: string },
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toBe('');
    expect(failed?.stderr).toContain('تاریخ نشست');
    expect(failed?.stderr).toContain(words);
  });
  it('refuses a batch with an implausible or malformed date, naming its line, before printing any', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neshast-extract-'));
    for (const [date, words] of [
      ['1500-01-01', '۱۴۹۹'],
      ['1399-13-40', '1399-13-40'],
    ]) {
      const file = join(dir, `batch-${date}.jsonl`);
      writeFileSync(
        file,
        [JSON.stringify({ id: 'a', date: '1399-11-01', text: 'جلسه برگزار شد.' }), JSON.stringify({ id: 'b', date, text: 'جلسه برگزار شد.' })].join('\n'),
      );
      const failed = await cli('--batch', file).then(
        () => null,
        (error: unknown) => error as { code: number; stdout: string; stderr: string },
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stdout).toBe('');
      expect(failed?.stderr).toContain(`${file}:2:`);
      expect(failed?.stderr).toContain(words);
    }
  });
  it('answers a batch line by line, with the same fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neshast-extract-'));
    const file = join(dir, 'batch.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', date: '1399-11-01', text: 'مدیران کل استان‌ها موظفند حداکثر تا ۳۰ بهمن گزارش عملکرد را به ستاد ارسال کنند.' }),
        JSON.stringify({ id: 'b', date: '1399-11-01', text: 'جلسه با حضور مدیران برگزار شد.' }),
      ].join('\n'),
    );
    const { stdout } = await cli('--batch', file);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; directives: Printed[] });
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lines[0]?.directives[0]?.due).toBe('2021-02-18');
    expect(lines[1]?.directives).toEqual([]);
  });
});
