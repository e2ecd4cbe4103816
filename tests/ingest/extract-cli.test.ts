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
