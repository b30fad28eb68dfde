import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { imports, organisations, users } from '../../../db/schema';
import type { Executor } from '../../infra/database';

export type ImportRow = typeof imports.$inferSelect;
export type ImportSummaryRow = Omit<ImportRow, 'errors'> & { errorCount: number; createdByName: string };

/** Look-ups by a list of values go in chunks: PostgreSQL takes at most 65,535 parameters. */
const chunk = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const { errors: _errors, ...summaryColumns } = getTableColumns(imports);
const summary = { ...summaryColumns, errorCount: sql<number>`jsonb_array_length(${imports.errors})::int`, createdByName: users.name };

export function createImportsRepository() {
  return {
    async insert(ex: Executor, values: typeof imports.$inferInsert): Promise<ImportRow> {
      const [row] = await ex.insert(imports).values(values).returning();
      return row!;
    },

    async find(ex: Executor, id: string): Promise<(ImportRow & { createdByName: string }) | undefined> {
      const [row] = await ex.select({ row: imports, createdByName: users.name }).from(imports).innerJoin(users, eq(users.id, imports.createdBy)).where(eq(imports.id, id));
      return row && { ...row.row, createdByName: row.createdByName };
    },

    async recent(ex: Executor, limit: number): Promise<ImportSummaryRow[]> {
      return ex.select(summary).from(imports).innerJoin(users, eq(users.id, imports.createdBy)).orderBy(desc(imports.createdAt)).limit(limit);
    },

    async update(ex: Executor, id: string, values: Partial<typeof imports.$inferInsert>): Promise<void> {
      await ex.update(imports).set(values).where(eq(imports.id, id));
    },

    /** Ends a running import; false when another run ended it first. */
    async finish(ex: Executor, id: string, values: Partial<typeof imports.$inferInsert>): Promise<boolean> {
      const rows = await ex.update(imports).set(values).where(and(eq(imports.id, id), eq(imports.status, 'running'))).returning({ id: imports.id });
      return rows.length === 1;
    },

    /** Serialises runs of one import until the transaction ends (a redelivered job waits, then finds it done). */
    async lockRun(ex: Executor, id: string): Promise<void> {
      await ex.execute(sql`select pg_advisory_xact_lock(hashtext(${`import.${id}`}))`);
    },

    async existingTeams(ex: Executor, names: string[]): Promise<{ name: string; institution: string | null }[]> {
      const out: { name: string; institution: string | null }[] = [];
      for (const part of chunk([...new Set(names)], 5000)) {
        out.push(...(await ex.select({ name: organisations.name, institution: organisations.institution }).from(organisations).where(and(eq(organisations.kind, 'team'), inArray(organisations.name, part)))));
      }
      return out;
    },

    async existingCreditCodes(ex: Executor, codes: string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (const part of chunk([...new Set(codes)], 5000)) {
        for (const r of await ex.select({ code: organisations.creditCode }).from(organisations).where(inArray(organisations.creditCode, part))) if (r.code) out.add(r.code);
      }
      return out;
    },

    async existingEnterpriseNames(ex: Executor, names: string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (const part of chunk([...new Set(names)], 5000)) {
        for (const r of await ex.select({ name: organisations.name }).from(organisations).where(and(eq(organisations.kind, 'enterprise'), inArray(organisations.name, part)))) out.add(r.name);
      }
      return out;
    },

    /** Inserts in chunks (a row has about 15 parameters) and returns the rows in the given order. */
    async insertOrganisations(ex: Executor, values: (typeof organisations.$inferInsert)[]) {
      const out: (typeof organisations.$inferSelect)[] = [];
      for (const part of chunk(values, 1000)) out.push(...(await ex.insert(organisations).values(part).returning()));
      return out;
    },
  };
}
export type ImportsRepository = ReturnType<typeof createImportsRepository>;
