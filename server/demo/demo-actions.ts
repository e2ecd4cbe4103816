/**
 * @module Demo mode's sample tracking: the sample directives assigned to their units, so a
 * newcomer signed in as the demo director finds actions to answer for. Only on an empty
 * action table; a real deployment never runs it.
 */
import type { Clock } from '../clock';
import { createActionsRepo } from '../actions/actions.repo';
import { createActionsService } from '../actions/actions.service';
import type { Database } from '../db/client';
import { createDirectivesRepo } from '../directives/directives.repo';
import { createDirectivesService } from '../directives/directives.service';
import { createUnitsRepo } from '../units/units.repo';
import type { AuthUser } from '../http/app-env';

/**
 * Assign every published, actionable sample directive that names an assignee and a deadline.
 * Returns the number of actions created (0 when any action already exists).
 *
 * @example
 * await seedDemoActions(database, systemClock, demoManager) // 62
 */
export async function seedDemoActions(database: Database, clock: Clock, manager: AuthUser): Promise<number> {
  const existing = await database.client.execute('SELECT 1 FROM action_items LIMIT 1');
  if (existing.rows.length > 0) return 0;
  const directives = await database.client.execute(
    `SELECT d.id, d.assignee_code FROM directives d JOIN sessions s ON s.id = d.session_id
      WHERE d.status = 'published' AND s.status = 'published' AND d.kind IN ('action', 'instruction')
        AND d.assignee_code IS NOT NULL AND d.due_on IS NOT NULL
      ORDER BY s.held_on, d.start`,
  );
  const actions = createActionsService(createActionsRepo(database), clock);
  const assignments = createDirectivesService({ repo: createDirectivesRepo(database), units: createUnitsRepo(database.db), actions, clock });
  let created = 0;
  for (const row of directives.rows) {
    const result = await assignments.assign(Number(row.id), manager, { units: [String(row.assignee_code)] });
    created += result.createdCount;
  }
  return created;
}
