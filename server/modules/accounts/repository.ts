import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { invitations, memberships, organisations, sessions, users } from '../../../db/schema';
import type { Membership } from '../../../shared/contracts/auth';
import type { Executor } from '../../infra/database';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

/** A membership as the current user carries it (shared/contracts/auth Membership). */
const membershipColumns = {
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  verification: organisations.verification,
  role: memberships.role,
  canManage: memberships.canManage,
};

export function createAccountsRepository() {
  return {
    async findUserByEmail(ex: Executor, email: string): Promise<UserRow | undefined> {
      const [row] = await ex.select().from(users).where(eq(users.email, email));
      return row;
    },

    async findUserById(ex: Executor, id: string): Promise<UserRow | undefined> {
      const [row] = await ex.select().from(users).where(eq(users.id, id));
      return row;
    },

    async insertUser(ex: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
      const [row] = await ex.insert(users).values(values).returning();
      return row!;
    },

    async updateUser(ex: Executor, id: string, values: Partial<typeof users.$inferInsert>): Promise<void> {
      await ex.update(users).set(values).where(eq(users.id, id));
    },

    /** Row lock on a user, held until the transaction ends: serialises changes to one account. */
    async lockUser(ex: Executor, id: string): Promise<void> {
      await ex.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
    },

    /**
     * Counts a log-in attempt atomically, unless the account is locked at `now`: the new count,
     * or null when locked. Parallel attempts each get their own number, so none can undercount.
     */
    async countLoginAttempt(ex: Executor, id: string, now: Date): Promise<number | null> {
      const [row] = await ex
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(and(eq(users.id, id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
        .returning({ failedLogins: users.failedLogins });
      return row?.failedLogins ?? null;
    },

    async membershipsOf(ex: Executor, userId: string): Promise<Membership[]> {
      return ex
        .select(membershipColumns)
        .from(memberships)
        .innerJoin(organisations, eq(memberships.organisationId, organisations.id))
        .where(eq(memberships.userId, userId))
        .orderBy(memberships.createdAt);
    },

    async insertSession(ex: Executor, values: typeof sessions.$inferInsert): Promise<void> {
      await ex.insert(sessions).values(values);
    },

    /**
     * A session with its user and the user's memberships, in one statement (one row per
     * membership): every signed-in request starts here, and three round trips were a
     * measurable share of the cheap ones (tests/bench/RESULTS.md).
     */
    async findSessionWithUser(ex: Executor, id: string): Promise<{ session: SessionRow; user: UserRow; memberships: Membership[] } | undefined> {
      const rows = await ex
        .select({
          session: sessions,
          user: users,
          membership: membershipColumns,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .leftJoin(memberships, eq(memberships.userId, sessions.userId))
        .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(eq(sessions.id, id))
        .orderBy(memberships.createdAt);
      const [first] = rows;
      if (!first) return undefined;
      return { session: first.session, user: first.user, memberships: rows.flatMap((r) => (r.membership?.organisationId ? [r.membership as Membership] : [])) };
    },

    async touchSession(ex: Executor, id: string, at: Date): Promise<void> {
      await ex.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },

    async deleteSession(ex: Executor, id: string): Promise<void> {
      await ex.delete(sessions).where(eq(sessions.id, id));
    },

    async findInvitationByTokenHash(ex: Executor, tokenHash: string) {
      const [row] = await ex
        .select({ invitation: invitations, organisation: { id: organisations.id, name: organisations.name, kind: organisations.kind } })
        .from(invitations)
        .innerJoin(organisations, eq(invitations.organisationId, organisations.id))
        .where(eq(invitations.tokenHash, tokenHash));
      return row;
    },

    /** Marks an invitation used; false when someone else used it first. */
    async acceptInvitation(ex: Executor, id: string, at: Date): Promise<boolean> {
      const rows = await ex
        .update(invitations)
        .set({ acceptedAt: at })
        .where(and(eq(invitations.id, id), sql`${invitations.acceptedAt} is null`))
        .returning({ id: invitations.id });
      return rows.length === 1;
    },
  };
}
export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
