import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { auditLog, users } from '../../../db/schema';
import type { Executor } from '../../infra/database';

/** An audit_log row as it was hashed: before/after are the JSON values stored. */
export interface AuditRow {
  id: number;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reqId: string | null;
  prevHash: string;
  hash: string;
}

/**
 * before/after are read as jsonb text and parsed here, not through Drizzle's jsonb column:
 * node-postgres already parses jsonb, and Drizzle then JSON.parses any string it gets again,
 * so a stored JSON string such as "42" would come back as the number 42 and no longer hash
 * to what was written.
 */
const jsonText = (column: typeof auditLog.before | typeof auditLog.after) => sql<string | null>`${column}::text`;
const rowColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: jsonText(auditLog.before),
  after: jsonText(auditLog.after),
  reqId: auditLog.reqId,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};
type RawRow = Omit<AuditRow, 'before' | 'after'> & { before: string | null; after: string | null };
const parsed = <R extends RawRow>(r: R): Omit<R, 'before' | 'after'> & { before: unknown; after: unknown } => ({
  ...r,
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
});

export function createAuditRepository() {
  return {
    /** The next `limit` rows of the chain after `afterId`, in id order (keyset paging on the primary key). */
    async chainAfter(ex: Executor, afterId: number, limit: number): Promise<AuditRow[]> {
      const rows = await ex.select(rowColumns).from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit);
      return rows.map(parsed);
    },

    /** One record's entries, newest first, older than `before` if given (audit_log_entity_idx). */
    async forEntity(ex: Executor, f: { entityType: string; entityId: string; before?: number; limit: number }): Promise<(AuditRow & { actorName: string | null })[]> {
      const rows = await ex
        .select({ ...rowColumns, actorName: users.name })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(and(eq(auditLog.entityType, f.entityType), eq(auditLog.entityId, f.entityId), f.before === undefined ? undefined : lt(auditLog.id, f.before)))
        .orderBy(desc(auditLog.id))
        .limit(f.limit);
      return rows.map(parsed);
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
