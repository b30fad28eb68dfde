import { and, desc, eq, isNull } from 'drizzle-orm';
import { passwordResetTokens, sessions } from '../../../db/schema';
import type { Executor } from '../../infra/database';

export type PasswordResetTokenRow = typeof passwordResetTokens.$inferSelect;

export function createPasswordResetRepository() {
  return {
    async latestForUser(ex: Executor, userId: string): Promise<PasswordResetTokenRow | undefined> {
      const [row] = await ex.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId)).orderBy(desc(passwordResetTokens.createdAt)).limit(1);
      return row;
    },

    async insert(ex: Executor, values: typeof passwordResetTokens.$inferInsert): Promise<PasswordResetTokenRow> {
      const [row] = await ex.insert(passwordResetTokens).values(values).returning();
      return row!;
    },

    async findByTokenHash(ex: Executor, tokenHash: string): Promise<PasswordResetTokenRow | undefined> {
      const [row] = await ex.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, tokenHash));
      return row;
    },

    /** Marks a token used; false when another request used it first. */
    async markUsed(ex: Executor, id: string, at: Date): Promise<boolean> {
      const rows = await ex
        .update(passwordResetTokens)
        .set({ usedAt: at })
        .where(and(eq(passwordResetTokens.id, id), isNull(passwordResetTokens.usedAt)))
        .returning({ id: passwordResetTokens.id });
      return rows.length === 1;
    },

    /** Retires every unused link of a user: only the newest mail, and none after a reset, works. */
    async retireUnused(ex: Executor, userId: string, at: Date): Promise<void> {
      await ex
        .update(passwordResetTokens)
        .set({ usedAt: at })
        .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
    },

    async deleteSessionsOfUser(ex: Executor, userId: string): Promise<number> {
      const rows = await ex.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
      return rows.length;
    },
  };
}
export type PasswordResetRepository = ReturnType<typeof createPasswordResetRepository>;
