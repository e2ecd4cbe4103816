/** Organisational units: headquarters, the provincial directorates-general, outside bodies and groups. */
import { sqliteTable, text, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { unitKinds } from '../../domain';

export const units = sqliteTable('units', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: unitKinds }).notNull(),
  /** JSON array of other names the unit goes by, matched when detecting assignees. */
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull().default([]),
});

/** Members of a group unit ("all provinces" → the 31 directorates-general). */
export const unitGroupMembers = sqliteTable(
  'unit_group_members',
  {
    groupCode: text('group_code').notNull().references(() => units.code),
    memberCode: text('member_code').notNull().references(() => units.code),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.memberCode] }), index('unit_group_members_member').on(t.memberCode)],
);
