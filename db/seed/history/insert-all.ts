import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../server/infra/database';

/** Rows of one table in statements of `size`, well inside PostgreSQL's bind-parameter limit. */
export async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[], size = 250): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size));
}
