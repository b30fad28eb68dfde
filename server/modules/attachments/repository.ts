import { and, eq } from 'drizzle-orm';
import { challengeAttachments, challenges } from '../../../db/schema';
import type { ChallengeState } from '../../../shared/lifecycles/challenge';
import type { Executor } from '../../infra/database';

export type AttachmentRow = typeof challengeAttachments.$inferSelect;

export function createAttachmentsRepository() {
  return {
    /**
     * The challenge's state, or undefined when there is no such challenge. With `lock`, the
     * row is held FOR SHARE until the transaction ends: a lifecycle change (which updates the
     * row) waits for us, and we see whether one committed while the file was uploading.
     */
    async challengeStatus(ex: Executor, challengeId: string, opts: { lock?: boolean } = {}): Promise<ChallengeState | undefined> {
      const q = ex.select({ status: challenges.status }).from(challenges).where(eq(challenges.id, challengeId));
      const [row] = opts.lock ? await q.for('share') : await q;
      return row?.status;
    },

    async insert(ex: Executor, values: typeof challengeAttachments.$inferInsert): Promise<AttachmentRow> {
      const [row] = await ex.insert(challengeAttachments).values(values).returning();
      return row!;
    },

    async find(ex: Executor, challengeId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
      const [row] = await ex
        .select()
        .from(challengeAttachments)
        .where(and(eq(challengeAttachments.id, attachmentId), eq(challengeAttachments.challengeId, challengeId)));
      return row;
    },

    /** Deletes and returns the row, or undefined when a concurrent delete got there first. */
    async delete(ex: Executor, challengeId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
      const [row] = await ex
        .delete(challengeAttachments)
        .where(and(eq(challengeAttachments.id, attachmentId), eq(challengeAttachments.challengeId, challengeId)))
        .returning();
      return row;
    },
  };
}
export type AttachmentsRepository = ReturnType<typeof createAttachmentsRepository>;
