/**
 * @module Where the evaluation and benchmark scripts find the Persian corpora: `NESHAST_CORPORA`
 * (relative to the working directory), else `../shared/corpora` beside the repository. The corpora
 * are never copied into the repository, and no test or server path reads them.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCorporaSetting } from '../../server/env';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** Where the corpora are looked for without `NESHAST_CORPORA`, relative to the repository's root. */
export const DEFAULT_CORPORA = '../shared/corpora';

/** The corpora that the scripts read, each a folder under the corpora root. */
export type CorpusName = 'hamshahri' | 'parsinlu-rc' | 'farsnews';

export function corporaDir(source: NodeJS.ProcessEnv = process.env): string {
  const setting = readCorporaSetting(source);
  return setting ? resolve(setting) : resolve(REPO_ROOT, DEFAULT_CORPORA);
}

/** The corpora among `needed` that are not in place; empty when the script can run. */
export function missingCorpora(needed: readonly CorpusName[], source: NodeJS.ProcessEnv = process.env): CorpusName[] {
  const root = corporaDir(source);
  return needed.filter((name) => !existsSync(resolve(root, name)));
}

/** What to tell a person whose corpora are missing: which folders, where they were looked for, how to point elsewhere. */
export function missingCorporaMessage(script: string, missing: readonly CorpusName[], source: NodeJS.ProcessEnv = process.env): string {
  const root = corporaDir(source);
  const where = readCorporaSetting(source) ? `NESHAST_CORPORA=${root}` : `the default ${root} (${DEFAULT_CORPORA} beside the repository)`;
  return [
    `${script} needs the Persian corpora ${missing.map((name) => `${name}/`).join(', ')}, not found in ${where}.`,
    `Put the corpora folder there, or set NESHAST_CORPORA to the folder that holds ${missing.map((name) => `${name}/`).join(', ')}.`,
  ].join('\n');
}

/** Exits the script (code 2) with that message unless every corpus in `needed` is in place. */
export function requireCorpora(script: string, needed: readonly CorpusName[]): void {
  const missing = missingCorpora(needed);
  if (missing.length === 0) return;
  console.error(missingCorporaMessage(script, missing));
  process.exit(2);
}
