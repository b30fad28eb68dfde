import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { canonicalJson } from './canonical-json';
import type { Tx } from './database';

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reqId?: string | null;
}

export const genesisHash = '0'.repeat(64);

export function auditHash(prevHash: string, e: AuditEntry): string {
  const body = canonicalJson({
    at: e.at.toISOString(),
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
    reqId: e.reqId ?? null,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** JSON round trip: what jsonb will give back, so the hash is computed over what is stored. */
const stored = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * Appends an entry inside the caller's transaction. The advisory lock serialises writers
 * until commit, so each entry's prev_hash is the hash of the entry committed before it.
 */
export async function appendAudit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7226001)`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? genesisHash;
  const entry = { ...e, before: stored(e.before), after: stored(e.after), reqId: e.reqId ?? null };
  await tx.insert(auditLog).values({ ...entry, prevHash, hash: auditHash(prevHash, entry) });
}
