/**
 * `npm run eval:actors [-- --split train|dev] [--errors assignee|due] [--json FILE]`: assignee and due
 * date of every labelled required directive of the train and dev splits, as the import path gives
 * them for the directive's own sentence in its document (repair, then the rules' analysis with the
 * document's date), whether or not the detector would suggest it. Assignee right: shares a content
 * word with the label, or none when the label has none (`sameAssignee`); due: the exact date.
 * `--errors` lists each wrong one (Jalali dates) to read. Never reads the test split.
 */
import { writeFileSync } from 'node:fs';
import { loadCorpus, type Split } from './directive-corpus/corpus';
import { actorFigures, judgeDirectives, toJalali, type ActorFigures, type DirectiveOutcome } from './directive-corpus/actors';
import { loadPeople, loadUnits } from './extract-context';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt('--split');
if (only !== undefined && only !== 'train' && only !== 'dev') {
  console.error('--split is train or dev (this evaluation never reads the test split)');
  process.exit(2);
}
const splits: Split[] = only ? [only] : ['train', 'dev'];
const docs = loadCorpus(splits);
const outcomes = judgeDirectives(docs, { units: loadUnits(), people: loadPeople() });

const pct = (a: number, b: number) => `${b ? (a / b).toFixed(3) : '—'} (${a}/${b})`;
const rows: Array<[string, ActorFigures]> = [...splits.map((s): [string, ActorFigures] => [s, actorFigures(outcomes.filter((o) => o.split === s))])];
if (splits.length > 1) rows.push(['train + dev', actorFigures(outcomes)]);

console.log(`assignee and due date of labelled required directives (${docs.length} documents)\n`);
console.log('| split | directives | assignee right | null when the label is null | exact due (resolvable) | due added where the label has none |');
console.log('|---|---|---|---|---|---|');
for (const [name, f] of rows) {
  console.log(`| ${name} | ${f.directives} | ${pct(f.assigneeRight, f.directives)} | ${pct(f.assigneeNullRight, f.assigneeNull)} | ${pct(f.dueExact, f.dueResolvable)} | ${f.dueAdded} |`);
}
console.log('\nerror kinds');
console.log('| split | assignee: missed / wrong / named when none | due: missed / wrong year / wrong month / wrong day / date for an unresolvable label |');
console.log('|---|---|---|');
for (const [name, f] of rows) {
  const a = f.assigneeErrors;
  const d = f.dueErrors;
  console.log(`| ${name} | ${a.missed} / ${a.wrong} / ${a['named-when-none']} | ${d.missed} / ${d['wrong-year']} / ${d['wrong-month']} / ${d['wrong-day']} / ${d['unresolvable-label']} |`);
}
console.log('\nassignee right by what named the actor (train + dev together when both are read)');
const all = rows[rows.length - 1]![1];
console.log(Object.entries(all.bySource).sort((a, b) => b[1].directives - a[1].directives).map(([k, v]) => `${k} ${v.right}/${v.directives}`).join(' · '));

const errors = opt('--errors');
const show = (o: DirectiveOutcome) => `${o.split} ${o.doc} (${o.overlap.toFixed(2)}) ${o.quote.replace(/\s+/g, ' ').slice(0, 400)}`;
if (errors === 'assignee') {
  for (const o of outcomes.filter((x) => x.assigneeError)) {
    console.log(`\n[${o.assigneeError}] label «${o.goldAssignee}» got «${o.actor}» (${o.source})\n  ${show(o)}`);
  }
}
if (errors === 'due') {
  for (const o of outcomes.filter((x) => x.dueError && x.dueError !== 'unresolvable-label')) {
    const j = (d: string | null) => (d ? toJalali(d) : null);
    console.log(`\n[${o.dueError}] label «${o.goldDeadline}» ${j(o.goldDue)} got «${o.dueRule}» ${j(o.due)}\n  ${show(o)}`);
  }
}
const json = opt('--json');
if (json) writeFileSync(json, JSON.stringify({ splits, figures: Object.fromEntries(rows), outcomes }, null, 2) + '\n');
