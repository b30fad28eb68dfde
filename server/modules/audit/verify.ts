import type { AuditBreakReason, AuditVerification } from '../../../shared/contracts/audit';
import { auditHash, genesisHash } from '../../infra/audit';
import type { AuditRow } from './repository';

/** Reads the chain's next rows after an id, in id order. */
export type ReadChain = (afterId: number, limit: number) => Promise<AuditRow[]>;

export interface VerifyOptions {
  /** Rows per read: memory stays at about one batch (plus the one read ahead) however long the chain. */
  batchSize?: number;
  /** Called each time another `progressEvery` rows have been checked. */
  onProgress?: (checked: number) => void;
  progressEvery?: number;
}

/** Why `row` does not follow a row whose hash is `prevHash`, or null when the link holds. */
export function linkProblem(prevHash: string, row: AuditRow): AuditBreakReason | null {
  if (row.prevHash !== prevHash) return 'prev_hash mismatch';
  const recomputed = auditHash(prevHash, {
    at: row.at,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    reqId: row.reqId,
  });
  return recomputed === row.hash ? null : 'hash mismatch';
}

/**
 * Walks the audit chain from the first entry (whose predecessor is the genesis hash) in id
 * order, recomputing every hash from the stored columns, and stops at the first broken link.
 * Id order is chain order: appendAudit holds an advisory lock from reading the last hash to
 * commit, so ids are taken, and become visible, in the order entries were chained; entries
 * appended while the walk runs are checked too when they come after its position.
 */
export async function verifyAuditChain(read: ReadChain, opts: VerifyOptions = {}): Promise<AuditVerification> {
  const batchSize = opts.batchSize ?? 2000;
  const progressEvery = opts.progressEvery ?? 100_000;
  let prevHash = genesisHash;
  let lastGood: AuditVerification['lastGood'] = null;
  let checked = 0;
  let nextReport = progressEvery;

  // The next batch is read while this one is hashed: the database and the CPU overlap.
  let pending: Promise<AuditRow[]> | null = read(0, batchSize);
  try {
    while (pending) {
      const batch: AuditRow[] = await pending;
      const last = batch.at(-1);
      pending = last && batch.length === batchSize ? read(last.id, batchSize) : null;
      for (const row of batch) {
        checked += 1;
        const reason = linkProblem(prevHash, row);
        if (reason) {
          const firstBroken = { id: row.id, at: row.at.toISOString(), action: row.action, entityType: row.entityType, entityId: row.entityId, reason };
          return { ok: false, checked, firstBroken, lastGood };
        }
        prevHash = row.hash;
        lastGood = { id: row.id, hash: row.hash };
        if (checked >= nextReport) {
          opts.onProgress?.(checked);
          nextReport += progressEvery;
        }
      }
    }
  } finally {
    // A read ahead left behind by an early return must not become an unhandled rejection.
    pending?.catch(() => {});
  }
  return { ok: true, checked, firstBroken: null, lastGood };
}
