import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { challengeInvitedTeams, challengeJointPublishers, challengeMatches, challenges, creditRecords, introductions, matchInvitations, organisations, teamPeople, teamProfiles, teamResults } from '../../../db/schema';
import type { MatchExplanation } from '../../../shared/matching/explanation';
import type { Grade } from '../../../shared/matching/rank';
import type { InstitutionKind } from '../../../shared/roles';
import type { Executor } from '../../infra/database';

export interface CorpusTeam {
  id: string;
  name: string;
  institution: string | null;
  institutionKind: InstitutionKind | null;
  fields: string[];
  capacity: number;
  tokens: string[];
  activeContracts: number;
  deals: number;
  grades: Grade[];
  milestonesOnTime: number;
  milestonesLate: number;
  barredUntil: Date | null;
  memberUserIds: string[];
}

export function createMatchingRepository() {
  return {
    /** Changes when a team's text, fields, capacity or verification change, or a credit record is added. */
    async corpusSignature(ex: Executor): Promise<string> {
      const r = await ex.execute<{ sig: string }>(sql`
        select concat_ws('|',
          (select count(*) from team_profiles), (select max(updated_at) from team_profiles),
          (select count(*) from organisations where kind = 'team' and verification = 'verified'),
          (select max(updated_at) from organisations where kind = 'team'),
          (select count(*) from credit_records)) as sig`);
      return r.rows[0]!.sig;
    },

    /** Verified teams whose tokens are not computed yet (new, imported or migrated), with their text. */
    async teamsWithoutTokens(ex: Executor) {
      const rows = await ex
        .select({ id: organisations.id, name: organisations.name, keywords: organisations.researchFields, description: organisations.description, tokens: teamProfiles.tokens })
        .from(organisations)
        .leftJoin(teamProfiles, eq(teamProfiles.organisationId, organisations.id))
        .where(and(eq(organisations.kind, 'team'), eq(organisations.verification, 'verified'), sql`coalesce(${teamProfiles.tokens}, '') = ''`));
      return this.withPeopleAndResults(ex, rows);
    },

    async teamText(ex: Executor, id: string) {
      const rows = await ex.select({ id: organisations.id, name: organisations.name, keywords: organisations.researchFields, description: organisations.description }).from(organisations).where(eq(organisations.id, id));
      return (await this.withPeopleAndResults(ex, rows))[0] ?? null;
    },

    async withPeopleAndResults<T extends { id: string }>(ex: Executor, rows: T[]) {
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      const people = await ex.select().from(teamPeople).where(inArray(teamPeople.organisationId, ids)).orderBy(asc(teamPeople.position));
      const results = await ex.select().from(teamResults).where(inArray(teamResults.organisationId, ids)).orderBy(asc(teamResults.position));
      return rows.map((r) => ({ ...r, people: people.filter((p) => p.organisationId === r.id), results: results.filter((x) => x.organisationId === r.id) }));
    },

    /** The team's profile version, creating an empty profile for a team that has none yet. */
    async ensureProfile(ex: Executor, id: string, now: Date): Promise<number> {
      await ex.insert(teamProfiles).values({ organisationId: id, updatedAt: now }).onConflictDoNothing();
      return (await this.profileVersion(ex, id))!;
    },

    async profileVersion(ex: Executor, id: string): Promise<number | null> {
      const [row] = await ex.select({ version: teamProfiles.version }).from(teamProfiles).where(eq(teamProfiles.organisationId, id));
      return row?.version ?? null;
    },

    async saveTokens(ex: Executor, id: string, tokens: string, now: Date) {
      await ex
        .insert(teamProfiles)
        .values({ organisationId: id, tokens, updatedAt: now })
        .onConflictDoUpdate({ target: teamProfiles.organisationId, set: { tokens, updatedAt: now } });
    },

    /** Every verified team with what the ranker needs: text tokens, fields, capacity, track record, credit bar. */
    async corpus(ex: Executor, now: Date): Promise<CorpusTeam[]> {
      const teams = await ex.execute<{ id: string; name: string; institution: string | null; institution_kind: InstitutionKind | null; fields: string[] | null; capacity: number | null; tokens: string | null }>(sql`
        select o.id, o.name, o.institution, o.institution_kind, p.fields, p.capacity, p.tokens
        from organisations o left join team_profiles p on p.organisation_id = o.id
        where o.kind = 'team' and o.verification = 'verified'
        order by o.created_at, o.id`);
      const record = await ex.execute<{ team_id: string; active: number; deals: number; grades: Grade[] | null }>(sql`
        select team_id,
          count(*) filter (where status in ('drafted', 'signed'))::int as active,
          count(*) filter (where signed_at is not null)::int as deals,
          array_agg(grade) filter (where grade is not null) as grades
        from contracts group by team_id`);
      const milestones = await ex.execute<{ team_id: string; on_time: number; late: number }>(sql`
        select c.team_id,
          count(*) filter (where m.status = 'confirmed' and m.overdue_since is null)::int as on_time,
          count(*) filter (where m.overdue_since is not null)::int as late
        from milestones m join contracts c on c.id = m.contract_id group by c.team_id`);
      const barred = await ex
        .select({ id: creditRecords.organisationId, until: sql<Date>`max(${creditRecords.barredUntil})` })
        .from(creditRecords)
        .where(gt(creditRecords.barredUntil, now))
        .groupBy(creditRecords.organisationId);
      const members = await ex.execute<{ organisation_id: string; user_ids: string[] }>(sql`
        select m.organisation_id, array_agg(m.user_id) as user_ids from memberships m join organisations o on o.id = m.organisation_id
        where o.kind = 'team' group by m.organisation_id`);
      const rec = new Map(record.rows.map((r) => [r.team_id, r]));
      const ms = new Map(milestones.rows.map((r) => [r.team_id, r]));
      const bar = new Map(barred.map((b) => [b.id, new Date(b.until)]));
      const mem = new Map(members.rows.map((m) => [m.organisation_id, m.user_ids]));
      return teams.rows.map((t) => ({
        id: t.id,
        name: t.name,
        institution: t.institution,
        institutionKind: t.institution_kind,
        fields: t.fields ?? [],
        capacity: t.capacity ?? 3,
        tokens: t.tokens ? t.tokens.split(' ') : [],
        activeContracts: rec.get(t.id)?.active ?? 0,
        deals: rec.get(t.id)?.deals ?? 0,
        grades: rec.get(t.id)?.grades ?? [],
        milestonesOnTime: ms.get(t.id)?.on_time ?? 0,
        milestonesLate: ms.get(t.id)?.late ?? 0,
        barredUntil: bar.get(t.id) ?? null,
        memberUserIds: mem.get(t.id) ?? [],
      }));
    },

    async challenge(ex: Executor, id: string) {
      const [c] = await ex.select().from(challenges).where(eq(challenges.id, id));
      return c ?? null;
    },

    /** The publisher side: the publisher and joint publishers, their names and their members. */
    async publisherSide(ex: Executor, challengeId: string, publisherId: string) {
      const joint = await ex.select({ id: challengeJointPublishers.organisationId }).from(challengeJointPublishers).where(eq(challengeJointPublishers.challengeId, challengeId));
      const ids = [publisherId, ...joint.map((j) => j.id)];
      const orgs = await ex.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
      const users = await ex.execute<{ user_id: string }>(sql`select user_id from memberships where organisation_id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
      return { ids, names: orgs.map((o) => o.name), userIds: users.rows.map((u) => u.user_id) };
    },

    async invitedTeams(ex: Executor, challengeId: string): Promise<string[]> {
      return (await ex.select({ id: challengeInvitedTeams.organisationId }).from(challengeInvitedTeams).where(eq(challengeInvitedTeams.challengeId, challengeId))).map((r) => r.id);
    },

    async replaceMatches(ex: Executor, challengeId: string, revision: number, rows: { teamId: string; score: number; explanation: MatchExplanation }[], now: Date) {
      await ex.delete(challengeMatches).where(eq(challengeMatches.challengeId, challengeId));
      if (rows.length === 0) return;
      await ex.insert(challengeMatches).values(rows.map((r, i) => ({ challengeId, teamId: r.teamId, revision, rank: i + 1, score: r.score, explanation: r.explanation, rankedAt: now })));
    },

    /** Claims the invitation of each team not invited before; returns those claimed now. */
    async claimInvitations(ex: Executor, challengeId: string, teams: { teamId: string; rank: number }[], now: Date): Promise<string[]> {
      if (teams.length === 0) return [];
      const rows = await ex
        .insert(matchInvitations)
        .values(teams.map((t) => ({ challengeId, teamId: t.teamId, rank: t.rank, createdAt: now })))
        .onConflictDoNothing()
        .returning({ teamId: matchInvitations.teamId });
      return rows.map((r) => r.teamId);
    },

    async matchesFor(ex: Executor, challengeId: string) {
      return ex
        .select({ match: challengeMatches, name: organisations.name, institution: organisations.institution, district: organisations.district, invited: sql<boolean>`exists (select 1 from match_invitations i where i.challenge_id = ${challengeMatches.challengeId} and i.team_id = ${challengeMatches.teamId})` })
        .from(challengeMatches)
        .innerJoin(organisations, eq(organisations.id, challengeMatches.teamId))
        .where(eq(challengeMatches.challengeId, challengeId))
        .orderBy(asc(challengeMatches.rank));
    },

    /** A team's recommended challenges: those it is ranked for that are published and still open, best first. */
    async recommendationsFor(ex: Executor, teamId: string, now: Date, limit: number) {
      // Driven by the team's matches, best first (challenge_matches_team_idx), each challenge
      // looked up by key and kept if still open, stopping at `limit`. As a plain join the
      // planner under-estimated open challenges and hashed all of them (tests/bench/RESULTS.md).
      const open = ex
        .select({ title: challenges.title, summary: challenges.summary, deadline: challenges.deadline, industry: challenges.industry, bountyYuan: challenges.bountyYuan, publisherId: challenges.publisherId })
        .from(challenges)
        .where(and(eq(challenges.id, challengeMatches.challengeId), eq(challenges.status, 'published'), eq(challenges.directed, false), gt(challenges.deadline, now)))
        // One row per id anyway; the LIMIT keeps the subquery from being flattened into a join the planner would reorder.
        .limit(1)
        .as('open');
      return ex
        .select({ match: challengeMatches, title: open.title, summary: open.summary, deadline: open.deadline, industry: open.industry, publisherName: organisations.name, bountyYuan: open.bountyYuan })
        .from(challengeMatches)
        .innerJoinLateral(open, sql`true`)
        .innerJoin(organisations, eq(organisations.id, open.publisherId))
        .where(eq(challengeMatches.teamId, teamId))
        .orderBy(desc(challengeMatches.score))
        .limit(limit);
    },

    /** Published, open challenges (for re-ranking after a profile change). */
    async openChallenges(ex: Executor, now: Date) {
      return ex.select({ id: challenges.id, revision: challenges.revision }).from(challenges).where(and(eq(challenges.status, 'published'), gt(challenges.deadline, now)));
    },

    async introductionsFor(ex: Executor, challengeId: string) {
      return ex.select({ intro: introductions, teamName: organisations.name }).from(introductions).innerJoin(organisations, eq(organisations.id, introductions.teamId)).where(eq(introductions.challengeId, challengeId)).orderBy(asc(introductions.createdAt));
    },

    async insertIntroduction(ex: Executor, values: typeof introductions.$inferInsert) {
      const [row] = await ex.insert(introductions).values(values).onConflictDoNothing().returning();
      return row ?? null;
    },

    async introductionOf(ex: Executor, challengeId: string, teamId: string) {
      const [row] = await ex.select().from(introductions).where(and(eq(introductions.challengeId, challengeId), eq(introductions.teamId, teamId)));
      return row ?? null;
    },
  };
}
export type MatchingRepository = ReturnType<typeof createMatchingRepository>;
