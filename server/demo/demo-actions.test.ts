import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/ingest';
import { countRows, openTempDatabase, type TempDatabase } from '../../tests/support/temp-db';
import { seedDemoActions } from './demo-actions';

const clock = { now: () => new Date('2026-11-26T08:00:00Z') };
let db: TempDatabase;

beforeEach(async () => {
  db = await openTempDatabase();
  await ingestPaths(db.client, ['content'], { clock });
  await db.client.execute(
    `INSERT INTO users (username, display_name, role, unit_code, password_hash, created_at, password_changed_at)
     VALUES ('demo-manager', 'مدیر نمایشی', 'manager', 'hq', 'x', '2026-11-26', '2026-11-26')`,
  );
});
afterEach(() => db.dispose());

const manager = { id: 1, username: 'demo-manager', displayName: 'مدیر نمایشی', role: 'manager' as const, unitCode: 'hq' };

describe('seedDemoActions', () => {
  it('gives the demo director actions from the sample directives, once', async () => {
    const created = await seedDemoActions(db, clock, manager);
    expect(created).toBeGreaterThan(31);
    const eastAzarbaijan = await db.client.execute("SELECT count(*) AS n FROM action_items WHERE unit_code = 'prov-east-azarbaijan'");
    expect(Number(eastAzarbaijan.rows[0]?.n)).toBeGreaterThanOrEqual(3);
    // Policies are not assigned.
    const policies = await db.client.execute("SELECT count(*) AS n FROM action_items a JOIN directives d ON d.id = a.directive_id WHERE d.kind = 'policy'");
    expect(Number(policies.rows[0]?.n)).toBe(0);
    const total = await countRows(db, 'action_items');
    expect(await seedDemoActions(db, clock, manager)).toBe(0);
    expect(await countRows(db, 'action_items')).toBe(total);
  });
});
