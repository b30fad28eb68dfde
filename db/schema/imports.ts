import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

export type ImportKind = 'teams' | 'enterprises';
export type ImportStatus = 'queued' | 'running' | 'failed' | 'done';
export interface ImportRowError {
  /** The spreadsheet's line number (the header is line 1). */
  line: number;
  column: string;
  message: string;
}

/**
 * An official's import of teams or enterprises from an Excel or CSV file. The file is kept in
 * storage; a job checks every row and, only if all are good, creates them in one transaction.
 * `processedRows` of `totalRows` is the progress the page shows.
 */
export const imports = pgTable('imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<ImportKind>().notNull(),
  status: text('status').$type<ImportStatus>().notNull().default('queued'),
  fileName: text('file_name').notNull(),
  storageKey: text('storage_key').notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  createdCount: integer('created_count').notNull().default(0),
  errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
