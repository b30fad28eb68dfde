import { z } from 'zod';

/**
 * The audit trail (审计记录): what officials and admins may read of the append-only,
 * hash-chained audit log, and what the chain verifier reports.
 */

/**
 * The kinds of record the server audits (the `entityType` of every appendAudit call).
 * A new kind written by the server must be added here, or its trail cannot be asked for;
 * tests/api/audit.test.ts checks the server's sources against this list.
 */
export const auditEntityTypes = ['challenge', 'bid', 'award', 'contract', 'organisation', 'user', 'batch', 'import', 'annual_target'] as const;
export const auditEntityType = z.enum(auditEntityTypes);
export type AuditEntityType = z.infer<typeof auditEntityType>;

/** Largest page of entries one request returns. */
export const maxAuditPage = 100;

export const auditListQuery = z.object({
  entityType: auditEntityType,
  /** Ids are uuids today, but the column is text: any id the server wrote can be asked for. */
  entityId: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(maxAuditPage).default(20),
  /** Keyset paging: entries with a smaller id than this (the previous page's `nextBefore`). */
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  actorId: z.string().nullable(),
  /** Null for the system (jobs, deadlines) or an actor since removed. */
  actorName: z.string().nullable(),
  /** The JSON values recorded before and after the change (null when not applicable). */
  before: z.unknown(),
  after: z.unknown(),
  reqId: z.string().nullable(),
  /** sha256 over the previous entry's hash and this entry's canonical JSON. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** Newest first; `nextBefore` asks for the next (older) page, null when there is none. */
export const auditList = z.object({ items: z.array(auditEntry), nextBefore: z.number().int().nullable() });
export type AuditList = z.infer<typeof auditList>;

/**
 * Why a link broke. `hash mismatch`: the row's stored columns no longer give its hash (the
 * row was edited). `prev_hash mismatch`: the row does not point at the row before it (a row
 * before it was deleted or re-hashed, or its own prev_hash was edited).
 */
export const auditBreakReason = z.enum(['hash mismatch', 'prev_hash mismatch']);
export type AuditBreakReason = z.infer<typeof auditBreakReason>;

export const auditBreak = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  reason: auditBreakReason,
});
export type AuditBreak = z.infer<typeof auditBreak>;

export const auditVerification = z.object({
  ok: z.boolean(),
  /** Entries read, including the broken one if any. */
  checked: z.number().int(),
  firstBroken: auditBreak.nullable(),
  /**
   * The last entry whose link held: the chain's head when ok. Deleting entries from the end
   * leaves a shorter chain that still verifies; comparing this with a head written down
   * earlier is what catches that.
   */
  lastGood: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;
