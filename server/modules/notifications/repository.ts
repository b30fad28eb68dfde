import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { mails, notifications, users } from '../../../db/schema';
import type { Executor } from '../../infra/database';

export type MailRow = typeof mails.$inferSelect;

export function createNotificationsRepository() {
  return {
    async listForUser(ex: Executor, userId: string, limit: number) {
      const [items, [unread]] = await Promise.all([
        ex.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit),
        ex.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
      ]);
      return { items, unread: unread?.n ?? 0 };
    },

    async markRead(ex: Executor, userId: string, id: string | null, at: Date): Promise<number> {
      const rows = await ex
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
        .returning({ id: notifications.id });
      return rows.length;
    },

    async exists(ex: Executor, userId: string, id: string): Promise<boolean> {
      const [row] = await ex.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
      return row !== undefined;
    },

    /** Inserts what is new; returns only the rows this call created (a retry creates none). */
    async insertMany(ex: Executor, rows: (typeof notifications.$inferInsert)[]) {
      if (rows.length === 0) return [];
      return ex.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.dedupeKey }).returning();
    },

    async recipients(ex: Executor, userIds: string[]) {
      if (userIds.length === 0) return [];
      return ex.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, userIds));
    },

    async insertMail(ex: Executor, values: typeof mails.$inferInsert): Promise<MailRow | undefined> {
      const [row] = await ex.insert(mails).values(values).onConflictDoNothing({ target: mails.dedupeKey }).returning();
      return row;
    },

    async findMail(ex: Executor, id: string): Promise<MailRow | undefined> {
      const [row] = await ex.select().from(mails).where(eq(mails.id, id));
      return row;
    },

    async markMailSent(ex: Executor, id: string, at: Date): Promise<void> {
      await ex.update(mails).set({ sentAt: at, lastError: null }).where(and(eq(mails.id, id), isNull(mails.sentAt)));
    },

    async markMailFailed(ex: Executor, id: string, error: string): Promise<void> {
      await ex.update(mails).set({ lastError: error.slice(0, 1000) }).where(eq(mails.id, id));
    },

    async listMails(ex: Executor, f: { userId?: string; limit: number; offset: number }) {
      const where = f.userId ? eq(mails.userId, f.userId) : sql`true`;
      const [items, [total]] = await Promise.all([
        ex.select().from(mails).where(where).orderBy(desc(mails.createdAt)).limit(f.limit).offset(f.offset),
        ex.select({ n: count() }).from(mails).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },
  };
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
