import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../persian/normalize';
import { obligationClause } from './clause';
import { contentStart, findCues } from './cues';
import { judgeStructure, type GateInput } from './gate';

/** The gate's input for one sentence, with the facts the extractor would pass overridable. */
function judge(sentence: string, facts: Partial<GateInput> = {}) {
  const text = normalizePersian(sentence);
  const from = contentStart(text);
  const cues = findCues(text, from);
  return judgeStructure({
    text,
    contentFrom: from,
    cues,
    clause: obligationClause(text, cues),
    unitNamed: false,
    actor: null,
    official: false,
    noAuthority: false,
    dated: false,
    foreignActor: false,
    pastYear: false,
    datedTask: false,
    legalRef: false,
    ...facts,
  });
}
const ids = (verdict: { reasons: { id: string }[] }) => verdict.reasons.map((r) => r.id);

describe('judgeStructure: the shape of a directive, with named reasons', () => {
  it('passes an actor, a binding obligation and a subjunctive task verb, and says so', () => {
    const verdict = judge('استان‌ها موظفند تا ۳۰ آبان گزارش را ارسال کنند', { unitNamed: true, dated: true, actor: 'استان ها' });
    expect(verdict.passed).toBe(true);
    expect(ids(verdict)).toEqual(['gate:actor', 'gate:obligation', 'gate:task-verb']);
  });
  it('fails a report in the past tense, naming the verb', () => {
    const verdict = judge('استان‌ها موظف شدند گزارش را ارسال کردند', { unitNamed: true });
    expect(verdict.passed).toBe(false);
    expect(ids(verdict)).toContain('gate:past-verb');
  });
  it('fails a sentence with no obligation at all', () => {
    expect(ids(judge('جلسه با حضور مدیران استان برگزار شد', { unitNamed: true }))).toContain('gate:no-obligation');
  });
  it('fails a bare «باید» from no office, to no unit, with no date', () => {
    const verdict = judge('وی گفت: باید به این موضوع رسیدگی شود');
    expect(verdict.passed).toBe(false);
    expect(ids(verdict).some((id) => id === 'gate:no-actor' || id === 'gate:weak-authority')).toBe(true);
  });
  it('lets an official who sets a date address the official’s own organisation', () => {
    const verdict = judge('استاندار گفت: باید تا پایان هفته گزارش ارسال شود', { official: true, dated: true });
    expect(verdict.passed).toBe(true);
    expect(ids(verdict)).toContain('gate:own-organisation');
  });
  it('fails a voice without authority and an actor abroad, whatever the obligation', () => {
    expect(ids(judge('استان‌ها موظفند گزارش را ارسال کنند', { unitNamed: true, noAuthority: true }))).toContain('gate:no-authority');
    expect(judge('دولت عراق موظف است انتخابات را برگزار کند', { actor: 'دولت', foreignActor: true }).passed).toBe(false);
  });
});
