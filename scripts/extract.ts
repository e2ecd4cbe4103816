/**
 * npm run extract -- [--date YYYY-MM-DD | --date 1399-11-01] [--json] FILE|-
 * npm run extract -- --batch FILE.jsonl
 * Repairs raw Persian text and prints its suggested directives (docs/decisions.md: interfaces outside checks rely on).
 */
import { readFileSync } from 'node:fs';
import { extractSession, type SuggestedDirective } from '../server/detection/extract';
import { recordDateProblem } from '../server/dates/plausible-dates';
import { parseDate, formatJalali } from '../server/persian/jalali';
import { decodeText } from '../server/ingest/decode';
import { IngestError } from '../server/ingest/ingest-error';
import { argValue, positionalArgs } from './cli';
import { loadPeople, loadUnits } from './extract-context';

/** The fields the extract interface promises (docs/decisions.md), in its order. */
function present(d: SuggestedDirective) {
  return {
    quote: d.quote,
    start: d.start,
    end: d.end,
    speaker: d.speaker,
    kind: d.kind,
    assignee: d.assignee,
    recipient: d.recipient,
    due: d.due,
    dueRule: d.dueRule,
    refs: d.refs,
    cues: d.cues.map((c) => c.id),
    probability: d.probability,
    actor: d.actor,
  };
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readInput(path: string): string {
  try {
    return decodeText(path === '-' ? readFileSync(0) : readFileSync(path), path === '-' ? 'stdin' : path);
  } catch (err) {
    if (err instanceof IngestError) fail(err.describe());
    fail(`خواندن «${path}» ممکن نشد: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The session date, held to the same plausible-date rules as the app (Jalali 1300–1499), or the Persian reason it is refused. */
function readSessionDate(value: string): { iso: string } | { problem: string } {
  const iso = parseDate(value);
  if (!iso) return { problem: `تاریخ نشست «${value}» درست نیست؛ به شکل 2021-01-20 یا 1399-11-01 بنویسید.` };
  const problem = recordDateProblem(iso, `تاریخ نشست «${value}»`);
  return problem ? { problem } : { iso };
}

function sessionDateOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  const date = readSessionDate(value);
  if ('problem' in date) fail(date.problem);
  return date.iso;
}

const argv = process.argv.slice(2);
const units = loadUnits();
const people = loadPeople();
const batch = argValue(argv, '--batch');

if (batch !== undefined) {
  // Every line is read and its date checked before any is answered: a bad line fails the batch with nothing printed.
  const records = readInput(batch)
    .split(/\r?\n/)
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      let record: { id?: unknown; text?: unknown; date?: unknown };
      try {
        record = JSON.parse(line) as typeof record;
      } catch {
        fail(`${batch}:${i + 1}: سطر JSON درست نیست`);
      }
      let date: string | null = null;
      if (typeof record.date === 'string' && record.date.trim() !== '') {
        const read = readSessionDate(record.date);
        if ('problem' in read) fail(`${batch}:${i + 1}: ${read.problem}`);
        date = read.iso;
      }
      return [{ id: record.id ?? null, text: typeof record.text === 'string' ? record.text : '', date }];
    });
  for (const record of records) {
    const { directives, candidates } = extractSession({ text: record.text, sessionDate: record.date, units, people });
    process.stdout.write(`${JSON.stringify({ id: record.id, directives: directives.map(present), candidates: candidates.map(present) })}\n`);
  }
} else {
  const [file] = positionalArgs(argv, ['--date'], ['--json']);
  if (file === undefined) fail('usage: npm run extract -- [--date YYYY-MM-DD | --date 1399-11-01] [--json] FILE|-');
  const sessionDate = sessionDateOf(argValue(argv, '--date'));
  const { repaired, directives, candidates } = extractSession({ text: readInput(file), sessionDate, units, people });
  if (argv.includes('--json')) {
    const paragraphs = repaired.paragraphs.map((p) => ({ text: p.text, start: p.start, end: p.end }));
    process.stdout.write(`${JSON.stringify({ text: repaired.text, paragraphs, directives: directives.map(present), candidates: candidates.map(present), repairs: repaired.repairs })}\n`);
  } else {
    const counts = new Map<string, number>();
    for (const r of repaired.repairs) counts.set(r.kind, (counts.get(r.kind) ?? 0) + r.count);
    const out: string[] = [];
    out.push(`بندها: ${repaired.paragraphs.length}`);
    out.push(`ترمیم‌ها: ${[...counts].map(([k, n]) => `${k} ×${n}`).join('، ') || 'هیچ'}`);
    out.push(`رهنمودهای پیشنهادی: ${directives.length}`);
    directives.forEach((d, i) => {
      out.push('');
      out.push(`${i + 1}. [${d.kind}] «${d.quote}»`);
      if (d.speaker) out.push(`   گوینده: ${d.speaker}`);
      if (d.assignee) out.push(`   مسئول: ${d.assignee}`);
      else if (d.actor) out.push(`   مسئول (در متن): ${d.actor}`);
      if (d.recipient) out.push(`   گیرنده: ${d.recipient}`);
      if (d.dueRule) out.push(`   مهلت: «${d.dueRule}»${d.due ? ` → ${formatJalali(d.due)} (${d.due})` : ''}`);
      if (d.dueWarning) out.push(`   هشدار: ${d.dueWarning}`);
      if (d.refs.length > 0) out.push(`   ارجاع: ${d.refs.join('، ')}`);
      out.push(`   چرا: ${d.cues.map((c) => c.label).join('، ')} (احتمال ${Math.round(d.probability * 100)}٪)`);
    });
    if (candidates.length > 0) {
      out.push('');
      out.push(`رهنمودهای احتمالی دیگر (زیر آستانه، به ترتیب احتمال): ${candidates.length}`);
      for (const d of candidates) out.push(`   ${Math.round(d.probability * 100)}٪ «${d.quote.length > 120 ? `${d.quote.slice(0, 120)}…` : d.quote}»`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
}
