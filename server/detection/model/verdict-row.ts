/** @module One pinned sentence of the dev verdict file (written by train:directives, replayed by verdicts.test.ts). */
export interface VerdictRow {
  doc: string;
  s: number;
  date: string;
  before: string | null;
  text: string;
  after: string | null;
  label: 'required' | 'soft' | null;
  probability: number;
  suggested: boolean;
}
