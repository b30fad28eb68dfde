import type { AuditList, AuditListQuery, AuditVerification } from '../../../shared/contracts/audit';
import { requireRole, type Ctx } from '../../context';
import type { Db } from '../../infra/database';
import type { AuditRepository } from './repository';
import { verifyAuditChain } from './verify';

export interface AuditDeps {
  db: Db;
  audit: AuditRepository;
}

/** Officials supervise the platform and admins run it: both may read the whole audit trail. */
const readers = ['official', 'admin'] as const;

/** 审计记录: any record's audit trail, and a check of the whole hash chain. */
export function createAuditService(d: AuditDeps) {
  /**
   * A walk over millions of entries takes a while; callers asking meanwhile share the running
   * walk instead of starting another one against the database.
   */
  let running: Promise<AuditVerification> | null = null;

  return {
    async list(q: AuditListQuery, ctx: Ctx): Promise<AuditList> {
      requireRole(ctx, ...readers);
      // One more than asked tells whether an older page exists.
      const rows = await d.audit.forEntity(d.db, { entityType: q.entityType, entityId: q.entityId, before: q.before, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          action: r.action,
          actorId: r.actorId,
          actorName: r.actorName,
          before: r.before,
          after: r.after,
          reqId: r.reqId,
          hash: r.hash,
        })),
        nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async verify(ctx: Ctx): Promise<AuditVerification> {
      requireRole(ctx, ...readers);
      running ??= verifyAuditChain((afterId, limit) => d.audit.chainAfter(d.db, afterId, limit)).finally(() => {
        running = null;
      });
      return running;
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
