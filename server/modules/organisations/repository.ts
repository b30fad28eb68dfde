import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { invitations, memberships, organisations, users } from '../../../db/schema';
import type { OrganisationKind, Role, VerificationState } from '../../../shared/roles';
import type { Executor } from '../../infra/database';

export type OrganisationRow = typeof organisations.$inferSelect;

export function createOrganisationsRepository() {
  return {
    async insert(ex: Executor, values: typeof organisations.$inferInsert): Promise<OrganisationRow> {
      const [row] = await ex.insert(organisations).values(values).returning();
      return row!;
    },

    async findById(ex: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<OrganisationRow | undefined> {
      const q = ex.select().from(organisations).where(eq(organisations.id, id));
      const [row] = opts.forUpdate ? await q.for('update') : await q;
      return row;
    },

    async findByCreditCode(ex: Executor, creditCode: string): Promise<OrganisationRow | undefined> {
      const [row] = await ex.select().from(organisations).where(eq(organisations.creditCode, creditCode));
      return row;
    },

    async list(ex: Executor, f: { verification?: VerificationState; kind?: OrganisationKind; limit: number; offset: number }) {
      const conds: SQL[] = [];
      if (f.verification) conds.push(eq(organisations.verification, f.verification));
      if (f.kind) conds.push(eq(organisations.kind, f.kind));
      const where = conds.length ? and(...conds) : undefined;
      const [items, [total]] = await Promise.all([
        ex.select().from(organisations).where(where).orderBy(desc(organisations.createdAt)).limit(f.limit).offset(f.offset),
        ex.select({ n: count() }).from(organisations).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },

    async update(ex: Executor, id: string, values: Partial<typeof organisations.$inferInsert>): Promise<OrganisationRow> {
      const [row] = await ex.update(organisations).set(values).where(eq(organisations.id, id)).returning();
      return row!;
    },

    async insertMembership(ex: Executor, values: typeof memberships.$inferInsert): Promise<void> {
      await ex.insert(memberships).values(values);
    },

    async members(ex: Executor, organisationId: string) {
      return ex
        .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, canManage: memberships.canManage })
        .from(memberships)
        .innerJoin(users, eq(memberships.userId, users.id))
        .where(eq(memberships.organisationId, organisationId))
        .orderBy(memberships.createdAt);
    },

    async isMember(ex: Executor, organisationId: string, userId: string): Promise<boolean> {
      const [row] = await ex
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
      return row !== undefined;
    },

    async insertInvitation(ex: Executor, values: typeof invitations.$inferInsert) {
      const [row] = await ex.insert(invitations).values(values).returning();
      return row!;
    },

    /** Organisations of a kind, oldest first (the bureau: there is one per deployment). */
    async ofKind(ex: Executor, kind: OrganisationRow['kind']): Promise<OrganisationRow[]> {
      return ex.select().from(organisations).where(eq(organisations.kind, kind)).orderBy(organisations.createdAt);
    },

    async userIdsWithRole(ex: Executor, role: Role): Promise<string[]> {
      const rows = await ex.selectDistinct({ id: memberships.userId }).from(memberships).where(eq(memberships.role, role));
      return rows.map((r) => r.id);
    },

    async userIdsOf(ex: Executor, organisationId: string): Promise<string[]> {
      const rows = await ex.selectDistinct({ id: memberships.userId }).from(memberships).where(eq(memberships.organisationId, organisationId));
      return rows.map((r) => r.id);
    },
  };
}
export type OrganisationsRepository = ReturnType<typeof createOrganisationsRepository>;
