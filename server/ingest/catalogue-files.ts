/** @module units.yaml and people.yaml: validated, then upserted so re-ingest changes nothing. */
import type { Client, InStatement } from '@libsql/client';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { unitKinds } from '../domain';
import type { Catalogue } from './catalogue';
import { IngestError } from './ingest-error';

const CodeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'کد واحد فقط حروف کوچک لاتین، رقم و خط تیره می‌پذیرد.');

const UnitSchema = z
  .object({
    code: CodeSchema,
    name: z.string().trim().min(1),
    kind: z.enum(unitKinds),
    aliases: z.array(z.string()).default([]),
    members: z.union([z.array(CodeSchema), z.object({ kind: z.enum(unitKinds) })]).optional(),
  })
  .strict();

const UnitsFileSchema = z.object({ units: z.array(UnitSchema).min(1) }).strict();

const PersonSchema = z
  .object({
    key: CodeSchema,
    name: z.string().trim().min(1),
    title: z.string().optional(),
    unit: CodeSchema.optional(),
    variants: z.array(z.string()).default([]),
  })
  .strict();

const PeopleFileSchema = z.object({ people: z.array(PersonSchema) }).strict();

export type UnitEntry = z.infer<typeof UnitSchema>;
export type PersonEntry = z.infer<typeof PersonSchema>;

function parseFile<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new IngestError({ code: 'yaml_invalid', message: `${what} خوانا نیست: ${error instanceof Error ? error.message.split('\n')[0] : ''}` });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IngestError({ code: 'yaml_invalid', message: `${what} نامعتبر است (${issue?.path.join('.') ?? ''}): ${issue?.message ?? ''}` });
  }
  return parsed.data;
}

/** Units with group members resolved to codes; unknown members are an error. */
export function readUnitsYaml(text: string): Array<UnitEntry & { memberCodes: string[] }> {
  const { units } = parseFile(text, UnitsFileSchema, 'units.yaml');
  const codes = new Set(units.map((u) => u.code));
  if (codes.size !== units.length) throw new IngestError({ code: 'yaml_invalid', message: 'units.yaml کد تکراری دارد.' });
  return units.map((u) => {
    const members = u.members;
    const memberCodes = Array.isArray(members)
      ? members
      : members
        ? units.filter((m) => m.kind === members.kind && m.kind !== 'group').map((m) => m.code)
        : [];
    const unknown = memberCodes.find((c) => !codes.has(c));
    if (unknown) throw new IngestError({ code: 'unknown_unit', message: `عضو «${unknown}» گروه «${u.code}» تعریف نشده است.` });
    return { ...u, memberCodes };
  });
}

export function readPeopleYaml(text: string, unitCodes: ReadonlySet<string>): PersonEntry[] {
  const { people } = parseFile(text, PeopleFileSchema, 'people.yaml');
  for (const p of people) {
    if (p.unit && !unitCodes.has(p.unit)) throw new IngestError({ code: 'unknown_unit', message: `واحد «${p.unit}» شخص «${p.key}» تعریف نشده است.` });
  }
  return people;
}

export function unitStatements(units: Array<UnitEntry & { memberCodes: string[] }>): InStatement[] {
  const statements: InStatement[] = units.map((u) => ({
    sql: `INSERT INTO units (code, name, kind, aliases) VALUES (?, ?, ?, ?)
          ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind, aliases = excluded.aliases`,
    args: [u.code, u.name, u.kind, JSON.stringify(u.aliases)],
  }));
  for (const u of units.filter((x) => x.kind === 'group')) {
    statements.push({ sql: 'DELETE FROM unit_group_members WHERE group_code = ?', args: [u.code] });
    for (const m of u.memberCodes) {
      statements.push({ sql: 'INSERT INTO unit_group_members (group_code, member_code) VALUES (?, ?)', args: [u.code, m] });
    }
  }
  return statements;
}

export function peopleStatements(people: PersonEntry[]): InStatement[] {
  return people.map((p) => ({
    sql: `INSERT INTO people (key, name, title, unit_code, variants) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(key) DO UPDATE SET name = excluded.name, title = excluded.title, unit_code = excluded.unit_code,
            variants = excluded.variants`,
    args: [p.key, p.name, p.title ?? null, p.unit ?? null, JSON.stringify(p.variants)],
  }));
}

/** The units and people currently in the database. */
export async function loadCatalogue(client: Client): Promise<Catalogue> {
  const [units, people] = await Promise.all([client.execute('SELECT code FROM units'), client.execute('SELECT key, name FROM people')]);
  return {
    unitCodes: new Set(units.rows.map((r) => String(r.code))),
    people: new Map(people.rows.map((r) => [String(r.key), String(r.name)])),
  };
}
