/**
 * SQL meta-characters, 10,000-character strings and other hostile text in every text parameter
 * of every API route (path, query, JSON body fields, read from /api/openapi.json) never produce a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app';
import { buildAccessWorld, type AccessWorld } from './access-world';

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  $ref?: string;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const HOSTILE = [
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  "1; SELECT * FROM auth_sessions WHERE ''='",
  '%_\\%\\_[]^$.*+?(){}|',
  "' UNION SELECT password_hash FROM users --",
  'ن'.repeat(10_000),
  "'".repeat(10_000),
  `${'x'.repeat(9_990)}\u202E\u0000'--`,
];

let t: TestContext;
let w: AccessWorld;
let doc: OpenApiDoc;

beforeAll(async () => {
  t = await createTestContext();
  w = await buildAccessWorld(t);
  doc = await (await t.request('/api/openapi.json')).json();
}, 120_000);
afterAll(async () => {
  await t.close();
});

function resolve(schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')]);
  return schema;
}

function types(schema: Schema): string[] {
  const s = resolve(schema);
  if (s.anyOf) return s.anyOf.flatMap(types);
  if (Array.isArray(s.type)) return s.type;
  return s.type ? [s.type] : [];
}

/** A plausible valid id for an integer path parameter, by the resource it names. */
function idFor(path: string): number {
  if (path.startsWith('/users')) return w.spareUserId;
  if (path.startsWith('/directives')) return w.directiveId;
  if (path.startsWith('/notifications')) return w.notificationId;
  if (path.startsWith('/evidence')) return w.evidenceId;
  return w.ownActionId;
}

/** A body where every text field holds `value` and the rest are plausible. */
async function hostileBody(schema: Schema, value: string): Promise<Record<string, unknown>> {
  const s = resolve(schema);
  const body: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(s.properties ?? {})) {
    const prop = resolve(raw);
    const kinds = types(prop);
    if (name === 'version') body[name] = await w.versionOf(w.ownActionId);
    else if (prop.enum) body[name] = prop.enum[0];
    else if (kinds.includes('string')) body[name] = value;
    else if (kinds.includes('array')) body[name] = types(prop.items ?? {}).includes('string') ? [value] : [];
    else if (kinds.includes('integer') || kinds.includes('number')) body[name] = 1;
    else if (kinds.includes('boolean')) body[name] = false;
  }
  return body;
}

interface Probe {
  label: string;
  method: string;
  url: string;
  json?: unknown;
}

async function probesFor(path: string, method: string, op: Operation): Promise<Probe[]> {
  const params = op.parameters ?? [];
  const fill = (value: string | null) =>
    '/api' +
    path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const p = params.find((x) => x.name === name && x.in === 'path');
      const isText = p ? types(p.schema ?? {}).includes('string') : true;
      return encodeURIComponent(isText && value !== null ? value : String(idFor(path)));
    });
  const probes: Probe[] = [];
  for (const value of HOSTILE) {
    const short = `${value.slice(0, 12)}…(${value.length})`;
    if (params.some((p) => p.in === 'path' && types(p.schema ?? {}).includes('string'))) {
      probes.push({ label: `path ${short}`, method, url: fill(value) });
    }
    for (const q of params.filter((p) => p.in === 'query')) {
      probes.push({ label: `?${q.name}=${short}`, method, url: `${fill(null)}?${q.name}=${encodeURIComponent(value)}` });
    }
    const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
    if (jsonSchema) probes.push({ label: `body ${short}`, method, url: fill(null), json: await hostileBody(jsonSchema, value) });
  }
  return probes;
}

describe('hostile text in every parameter', () => {
  it('never produces a 500, for an admin, a director or nobody', async () => {
    const failures: string[] = [];
    let probed = 0;
    // One session per role, signed in again only when a write ended it (sign-out, password change),
    // so every probe runs signed in without paying for a sign-in each time.
    const cookies = new Map<'admin' | 'director', string>();
    let signIns = 0;
    const cookieOf = async (role: 'admin' | 'director') => {
      const held = cookies.get(role);
      if (held) return held;
      const cookie = await t.signIn({ role });
      signIns++;
      cookies.set(role, cookie);
      return cookie;
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const probe of await probesFor(path, method.toUpperCase(), op)) {
          for (const role of ['admin', 'director', null] as const) {
            const cookie = role ? await cookieOf(role) : undefined;
            const response = await t.request(probe.url, { method: probe.method, json: probe.json, cookie });
            probed++;
            if (response.status >= 500) failures.push(`${probe.method} ${path} ${probe.label} as ${role ?? 'anonymous'}: ${response.status}`);
            if (role && probe.method !== 'GET' && (await t.request('/api/auth/me', { cookie })).status === 401) cookies.delete(role);
          }
        }
      }
    }
    expect(probed).toBeGreaterThan(200);
    // Far fewer sign-ins than signed-in probes: the sessions were reused.
    expect(signIns).toBeLessThan(probed / 10);
    expect(failures).toEqual([]);
  }, 240_000);

  it('keeps the tables intact after the injections', async () => {
    const users = await t.database.client.execute('SELECT count(*) AS n FROM users');
    expect(Number(users.rows[0]?.n)).toBeGreaterThan(3);
    expect((await t.as(await t.signIn({ role: 'staff' }))('/api/sessions')).status).toBe(200);
  });
});
