/**
 * @module The dev split's verdict file: for every dev sentence that is labelled or that the model
 * gives some weight, the sentence with its neighbours (what its features read), its date, the
 * model's probability and whether it is suggested. `server/detection/model/verdicts.test.ts`
 * replays it in `npm test` with no corpora beside the repository, so a change of any verdict —
 * from a rule, a feature or the weights — shows up as a failing test until the file is rewritten
 * on purpose (`npm run train:directives -- --verdicts-only`).
 */
import { analyseSentences, type PersonRef, type UnitRef } from '../../server/detection/extract';
import { windowAt } from '../../server/detection/model/features';
import { MODEL_THRESHOLD, scoreWindow } from '../../server/detection/model/model';
import type { VerdictRow } from '../../server/detection/model/verdict-row';
import type { CorpusDocument } from './corpus';

export const VERDICTS_FILE = 'server/detection/model/dev-verdicts.jsonl';
/** Sentences under this probability and unlabelled are left out: they carry no decision worth pinning. */
const KEEP_ABOVE = 0.02;


export function verdictRows(docs: readonly CorpusDocument[], units: readonly UnitRef[], people: readonly PersonRef[]): VerdictRow[] {
  const rows: VerdictRow[] = [];
  for (const doc of docs) {
    const { verdicts, evidence } = analyseSentences({ text: doc.text, sessionDate: doc.date, units, people });
    verdicts.forEach((v, i) => {
      const { probability } = scoreWindow(windowAt(evidence, i));
      const gold = doc.gold.filter((g) => g.s === i + 1);
      const label = gold.some((g) => g.required) ? 'required' : gold.length > 0 ? 'soft' : null;
      if (label === null && probability < KEEP_ABOVE) return;
      rows.push({
        doc: doc.doc,
        s: i + 1,
        date: doc.date,
        before: i > 0 ? verdicts[i - 1]!.text : null,
        text: v.text,
        after: verdicts[i + 1]?.text ?? null,
        label,
        probability: Math.round(probability * 1000) / 1000,
        suggested: probability >= MODEL_THRESHOLD,
      });
    });
  }
  return rows;
}
