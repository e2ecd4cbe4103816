/** Loads the units and people the extractor matches against from content/*.yaml (built-in units when absent). */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { DEFAULT_UNITS } from '../server/detection/default-units';
import { unitKinds } from '../server/domain';
import type { PersonRef, UnitRef } from '../server/detection/extract';

const UnitsFile = z.object({
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(unitKinds),
      aliases: z.array(z.string()).optional(),
    }),
  ),
});
const PeopleFile = z.object({
  people: z.array(z.object({ key: z.string(), name: z.string(), variants: z.array(z.string()).optional() })),
});

/** Units from a YAML file, or the built-in minimal list when the file does not exist. */
export function loadUnits(path = 'content/units.yaml'): readonly UnitRef[] {
  if (!existsSync(path)) return DEFAULT_UNITS;
  const file = UnitsFile.parse(parse(readFileSync(path, 'utf8')));
  return file.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, aliases: u.aliases ?? [] }));
}

/** People from a YAML file, or none. */
export function loadPeople(path = 'content/people.yaml'): readonly PersonRef[] {
  if (!existsSync(path)) return [];
  return PeopleFile.parse(parse(readFileSync(path, 'utf8'))).people;
}
