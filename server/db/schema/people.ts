/** People who speak in sessions, with the spellings their names arrive in. */
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { units } from './units';

export const people = sqliteTable('people', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  title: text('title'),
  unitCode: text('unit_code').references(() => units.code),
  variants: text('variants', { mode: 'json' }).$type<string[]>().notNull().default([]),
});
