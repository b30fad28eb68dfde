import { count, eq, sql } from 'drizzle-orm';
import { notifyJob } from '../../jobs/contracts';
import { appendAudit } from '../../server/infra/audit';
import type { Clock } from '../../server/infra/clock';
import type { Db } from '../../server/infra/database';
import { diskStorage, type FileStorage } from '../../server/infra/storage';
import { loadConfig } from '../../server/config';
import { enqueueJob } from '../../server/infra/outbox';
import { argon2Hasher } from '../../server/infra/password-hasher';
import type { Role, VerificationState } from '../../shared/roles';
import { expertProfiles, memberships, organisations, users } from '../schema';
import { seedChallengesStep, type SeedRefs } from './challenges';
import { seedContractsStep } from './contracts';
import { seedHistoryStep } from './history';
import { seedMatchingStep } from './matching';
import { seedReviewsStep } from './reviews';
import { demoLogins, demoPassword } from './data/accounts';
import { bureau, bureauPeople } from './data/bureau';
import { enterprises } from './data/enterprises';
import { teams } from './data/teams';
import type { SeedPerson } from './data/types';

/**
 * The most recently registered enterprise and two teams are left pending, so the officials'
 * verification queue and their notifications have something real in them on first start.
 */
const pendingEnterprises = 1;
const pendingTeams = 2;

/** The team of the demo team lead printed at start-up. */
const demoTeamKey = teams.find((t) => t.members.some((m) => m.email === demoLogins.find((l) => l.role === 'team_member')?.email))?.key;

/** 扬州大学化学化工学院 → 扬州大学: the institution is the university or academy, not its school. */
function institutionOf(affiliation: string | null): string | null {
  if (!affiliation) return null;
  // A research institute is the employer even inside an academy (中国科学院…研究所).
  const m = affiliation.match(/^(.+?(研究所|研究院))/) ?? affiliation.match(/^(.+?(大学|学院))/);
  return m ? m[1]! : affiliation;
}

/**
 * Seeds the demo city into an empty database; returns false (and does nothing) otherwise.
 * `storage` receives the files the demo's teams attach (the server's, so they can be opened).
 */
export async function seedDemoIfEmpty(db: Db, clock: Clock, storage: FileStorage = diskStorage(loadConfig({}).STORAGE_DIR)): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(organisations);
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await argon2Hasher.hash(demoPassword);
  const now = clock.now();

  await db.transaction(async (tx) => {
    // Re-check inside the transaction under a lock: two processes starting at once seed once.
    await tx.execute(sql`select pg_advisory_xact_lock(7226002)`);
    const [again] = await tx.select({ n: count() }).from(organisations);
    if ((again?.n ?? 0) > 0) return;

    const refs: SeedRefs = { organisationByKey: new Map(), nameByOrganisation: new Map(), firstMemberByOrganisation: new Map(), teamIds: [], teamProfiles: new Map(), demoTeamId: '', officialId: '' };
    const usersOf = new Map<string, { userId: string; name: string; title: string }[]>();
    // Verified organisations and their people have been on the platform since before the two
    // years of history (./history/); the pending ones registered just now.
    const established = new Date(now.getTime() - 30 * 30 * 86_400_000);
    const joinedAt = new Map<string, Date>();
    const addPeople = async (orgId: string, people: readonly (SeedPerson & { role: Role })[]) => {
      const at = joinedAt.get(orgId) ?? established;
      for (const [i, p] of people.entries()) {
        const [u] = await tx
          .insert(users)
          .values({ email: p.email, name: p.name, phone: p.phone ?? null, passwordHash, createdAt: at })
          .onConflictDoNothing({ target: users.email })
          .returning();
        if (u) await tx.insert(memberships).values({ userId: u.id, organisationId: orgId, role: p.role, canManage: i === 0, createdAt: at });
        if (u && i === 0) refs.firstMemberByOrganisation.set(orgId, u.id);
        if (u) usersOf.set(orgId, [...(usersOf.get(orgId) ?? []), { userId: u.id, name: p.name, title: p.title ?? '' }]);
        if (u && p.role === 'official' && !refs.officialId) refs.officialId = u.id;
      }
    };

    const [bureauOrg] = await tx
      .insert(organisations)
      .values({ kind: 'bureau', name: bureau.name, district: bureau.district, description: bureau.description, verification: 'verified', verifiedAt: established, createdAt: established, updatedAt: established })
      .returning();
    await addPeople(bureauOrg!.id, bureauPeople.map((p) => ({ ...p })));
    // Experts' employers, which conflict-of-interest checks compare with bidders' institutions.
    for (const p of bureauPeople.filter((x) => x.role === 'expert')) {
      const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.email, p.email));
      if (u) await tx.insert(expertProfiles).values({ userId: u.id, institution: institutionOf(p.affiliation ?? null), expertise: p.expertise ?? '', updatedAt: now });
    }

    const pending: string[] = [];
    const insertOrg = async (values: typeof organisations.$inferInsert, verification: VerificationState) => {
      const [org] = await tx
        .insert(organisations)
        .values({ ...values, verification, verifiedAt: verification === 'verified' ? established : null, verifiedBy: null, createdAt: verification === 'verified' ? established : now, updatedAt: verification === 'verified' ? established : now })
        .returning();
      if (verification === 'pending') pending.push(org!.id);
      joinedAt.set(org!.id, verification === 'verified' ? established : now);
      refs.nameByOrganisation.set(org!.id, org!.name);
      return org!;
    };

    for (const [i, e] of enterprises.entries()) {
      const org = await insertOrg(
        { kind: 'enterprise', name: e.name, creditCode: e.creditCode, industry: e.industry, district: e.district, description: e.description },
        i >= enterprises.length - pendingEnterprises ? 'pending' : 'verified',
      );
      refs.organisationByKey.set(e.key, org.id);
      await addPeople(org.id, e.members.map((m) => ({ ...m, role: 'enterprise_member' as const })));
    }
    for (const [i, team] of teams.entries()) {
      const org = await insertOrg(
        {
          kind: 'team',
          name: team.name,
          institution: team.institution,
          institutionKind: team.institutionKind,
          district: team.district,
          researchFields: [...team.researchFields],
          description: team.description,
        },
        i >= teams.length - pendingTeams ? 'pending' : 'verified',
      );
      refs.organisationByKey.set(team.key, org.id);
      if (org.verification === 'verified') refs.teamIds.push(org.id);
      if (team.key === demoTeamKey) refs.demoTeamId = org.id;
      await addPeople(org.id, team.members.map((m) => ({ ...m, role: 'team_member' as const })));
      refs.teamProfiles.set(org.id, { id: org.id, name: team.name, fields: team.researchFields, members: usersOf.get(org.id) ?? [] });
    }

    const challengeCount = await seedChallengesStep(tx, refs, now);
    await seedReviewsStep(tx, refs, now);
    await seedContractsStep(tx, refs, now, storage);
    await seedHistoryStep(tx, refs, now);
    await seedMatchingStep(tx, refs, now);
    await appendAudit(tx, { at: now, actorId: null, action: 'seed.demo', entityType: 'system', entityId: 'demo', after: { enterprises: enterprises.length, teams: teams.length, people: bureauPeople.length, challenges: challengeCount } });
    for (const orgId of pending) {
      await enqueueJob(tx, notifyJob({
        kind: 'organisation_registered',
        audience: { type: 'role', role: 'official' },
        refs: { organisationId: orgId },
        extra: {},
        link: `/officials/verification/${orgId}`,
        cause: `organisation.registered.${orgId}`,
      }));
    }
  });
  return true;
}
