/**
 * @module The units and people a session may name, and the check that it names only
 * known ones (an unknown unit is an error with its line, never a silent null).
 */
import { IngestError } from './ingest-error';
import type { MarkdownSession } from './readers/markdown';
import type { SessionInput } from './session-input';

export interface Catalogue {
  unitCodes: ReadonlySet<string>;
  /** people key → display name */
  people: ReadonlyMap<string, string>;
}

function checkUnit(catalogue: Catalogue, code: string | null | undefined, line: number): string | null {
  if (code === null || code === undefined) return null;
  if (!catalogue.unitCodes.has(code)) {
    throw new IngestError({ code: 'unknown_unit', message: `واحد «${code}» در units.yaml تعریف نشده است.`, line });
  }
  return code;
}

function personName(catalogue: Catalogue, key: string, line: number): string {
  const name = catalogue.people.get(key);
  if (!name) throw new IngestError({ code: 'unknown_person', message: `شخص «${key}» در people.yaml تعریف نشده است.`, line });
  return name;
}

/**
 * Replace people keys with names and check every unit code.
 *
 * @example
 * const input = resolveMarkdownSession(readMarkdownSession(text), catalogue);
 */
export function resolveMarkdownSession(md: MarkdownSession, catalogue: Catalogue): SessionInput {
  const organiser = md.organiser ? checkUnit(catalogue, md.organiser.code, md.organiser.line) : null;
  const speakers = md.speakerKeys.map((key) => personName(catalogue, key, 1));
  const directives = md.input.directives.map((d, i) => {
    const line = md.directives[i]?.line ?? 1;
    return {
      ...d,
      assigneeCode: checkUnit(catalogue, d.assigneeCode, line),
      recipientCode: checkUnit(catalogue, d.recipientCode, line),
      speaker: d.speaker ? personName(catalogue, d.speaker, line) : null,
    };
  });
  for (const d of directives) if (d.speaker && !speakers.includes(d.speaker)) speakers.push(d.speaker);
  return { ...md.input, organiser, directives, speakers };
}

/** Check a session from any reader against the catalogue (units only; speakers are free text there). */
export function checkSessionUnits(input: SessionInput, catalogue: Catalogue): void {
  checkUnit(catalogue, input.organiser, 1);
  for (const d of input.directives) {
    checkUnit(catalogue, d.assigneeCode, 1);
    checkUnit(catalogue, d.recipientCode, 1);
  }
}
