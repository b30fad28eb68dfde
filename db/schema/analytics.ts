import { integer, pgTable, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** The bureau's deal target per year (年度目标); a year without a row uses DEALS_TARGET_DEFAULT. */
export const annualTargets = pgTable('annual_targets', {
  year: smallint('year').primaryKey(),
  target: integer('target').notNull(),
  updatedBy: uuid('updated_by').notNull().references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
