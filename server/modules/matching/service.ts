import { notifyJob, rankChallengeJob, rerankTeamJob, type RankChallengePayload, type RerankTeamPayload } from '../../../jobs/contracts';
import { buildBm25Index, type Bm25Index } from '../../../shared/matching/bm25';
import { matchingConfig } from '../../../shared/matching/config';
import { rankTeams, type RankedTeam, type TeamFacts } from '../../../shared/matching/rank';
import { chinaDate } from '../../../shared/calendar';
import type { introductionBody } from '../../../shared/contracts/matching';
import { industryOfChain } from '../../../shared/taxonomy/industry-chains';
import type { z } from 'zod';
import type { Ctx } from '../../context';
import { requireActor, requireRole } from '../../context';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import type { Db, Executor } from '../../infra/database';
import { enqueueJob } from '../../infra/outbox';
import type { ChallengesRepository } from '../challenges/repository';
import { isOfficial } from '../challenges/views';
import { challengeTerms, teamTokens } from './documents';
import type { CorpusTeam, MatchingRepository } from './repository';

export interface MatchingDeps {
  db: Db;
  clock: Clock;
  matching: MatchingRepository;
  challenges: ChallengesRepository;
}

interface Corpus {
  signature: string;
  loadedAt: number;
  teams: (CorpusTeam & TeamFacts)[];
  index: Bm25Index;
}

/** Track records (contracts, grades, milestones) change slowly; the cached corpus is reloaded at least this often. */
const corpusMaxAgeMs = 60_000;

/**
 * 匹配: ranks teams for challenges and challenges for teams. The ranker (shared/matching) is
 * pure; this service feeds it the corpus of verified teams, cached per process and reloaded
 * when a profile, a verification or a credit record changes, stores each challenge's top 50,
 * invites the top 10 once per team, and records officials' introductions (撮合).
 */
export function createMatchingService(d: MatchingDeps) {
  let cached: Corpus | null = null;
  let loading: Promise<Corpus> | null = null;

  /** Tokens are computed once per profile text; teams without them (new, imported, migrated) get them here. */
  async function fillMissingTokens(ex: Executor) {
    for (const t of await d.matching.teamsWithoutTokens(ex)) {
      const tokens = teamTokens(t).join(' ');
      await d.matching.saveTokens(ex, t.id, tokens || ' ', d.clock.now());
    }
  }

  async function load(): Promise<Corpus> {
    await fillMissingTokens(d.db);
    const signature = await d.matching.corpusSignature(d.db);
    const rows = await d.matching.corpus(d.db, d.clock.now());
    const teams = rows.map((t) => ({ ...t, track: { deals: t.deals, grades: t.grades, milestonesOnTime: t.milestonesOnTime, milestonesLate: t.milestonesLate } }));
    return { signature, loadedAt: Date.now(), teams, index: buildBm25Index(teams.map((t) => t.tokens.filter((x) => x.trim())), matchingConfig.bm25) };
  }

  async function corpus(): Promise<Corpus> {
    if (cached && Date.now() - cached.loadedAt < corpusMaxAgeMs && (await d.matching.corpusSignature(d.db)) === cached.signature) return cached;
    // One load at a time: concurrent jobs share it.
    loading ??= load().finally(() => (loading = null));
    cached = await loading;
    return cached;
  }

  type ChallengeRow = NonNullable<Awaited<ReturnType<MatchingRepository['challenge']>>>;

  /** Eligible: verified (the corpus), not barred by a credit record, not of the publisher side, of an allowed institution kind. */
  async function rank(c: ChallengeRow, limit: number = matchingConfig.keep): Promise<{ ranked: RankedTeam[]; corpus: Corpus }> {
    const cp = await corpus();
    const side = await d.matching.publisherSide(d.db, c.id, c.publisherId);
    const now = d.clock.now();
    const eligible = (t: CorpusTeam) => {
      if (t.barredUntil && t.barredUntil > now) return false;
      if (t.institution && side.names.includes(t.institution)) return false;
      if (t.memberUserIds.some((u) => side.userIds.includes(u))) return false;
      if (c.allowedInstitutionKinds.length && (!t.institutionKind || !c.allowedInstitutionKinds.includes(t.institutionKind))) return false;
      return true;
    };
    const q = { terms: challengeTerms({ title: c.title, summary: c.summary, description: c.description, indicators: c.indicators }), industry: c.industry, chain: c.industryChain };
    return { ranked: rankTeams(q, cp.index, cp.teams, { config: matchingConfig, eligible, industryOf: industryOfChain, limit }), corpus: cp };
  }

  /**
   * The job: ranks a published challenge's revision and stores its top 50. While bidding is open
   * on a public challenge, its top 10 are invited, each team once per challenge whatever
   * retries or re-rankings happen (the invitation row is the claim, in the same transaction).
   */
  async function rankChallenge(p: RankChallengePayload): Promise<'ranked' | 'skipped'> {
    const c = await d.matching.challenge(d.db, p.challengeId);
    if (!c || c.revision !== p.revision || c.status !== 'published') return 'skipped';
    const { ranked } = await rank(c);
    const now = d.clock.now();
    await d.db.transaction(async (tx) => {
      // Serialise with another ranking of the same challenge; the later revision wins.
      const locked = await d.challenges.findById(tx, c.id, { forUpdate: true });
      if (!locked || locked.revision !== p.revision) return;
      await d.matching.replaceMatches(tx, c.id, p.revision, ranked.map((r) => ({ teamId: r.id, score: r.score, explanation: r.explanation })), now);
      if (c.directed || !c.deadline || c.deadline <= now) return;
      const top = ranked.slice(0, matchingConfig.invite);
      const invited = await d.matching.claimInvitations(tx, c.id, top.map((r, i) => ({ teamId: r.id, rank: i + 1 })), now);
      for (const teamId of invited) {
        const terms = top.find((r) => r.id === teamId)!.explanation.matchedTerms.slice(0, 4).join('、');
        await enqueueJob(tx, notifyJob({ kind: 'match_invitation', audience: { type: 'organisation', organisationId: teamId }, refs: { challengeId: c.id }, extra: { terms, deadline: chinaDate(c.deadline) }, link: `/challenges/${c.id}`, cause: `match.invite.${c.id}.${teamId}` }));
      }
      await appendAudit(tx, { at: now, actorId: null, reqId: null, action: 'challenge.ranked', entityType: 'challenge', entityId: c.id, before: null, after: { revision: p.revision, matches: ranked.length, invited } });
    });
    return 'ranked';
  }

  /** A profile changed: every open challenge is ranked again (one job each, so they spread over the workers). */
  async function rerankTeam(p: RerankTeamPayload): Promise<number | 'skipped'> {
    // A later edit queued its own job; this one's view of the profile is stale.
    if ((await d.matching.profileVersion(d.db, p.teamId)) !== p.version) return 'skipped';
    const open = await d.matching.openChallenges(d.db, d.clock.now());
    await d.db.transaction(async (tx) => {
      for (const c of open) await enqueueJob(tx, rankChallengeJob(c.id, c.revision, `t${p.teamId}.v${p.version}`));
    });
    return open.length;
  }

  /** A newly verified team joins the corpus: the open challenges are ranked again for it. */
  async function teamVerified(tx: Executor, teamId: string) {
    const version = await d.matching.ensureProfile(tx, teamId, d.clock.now());
    await enqueueJob(tx, rerankTeamJob(teamId, version));
  }

  /** Officials: a challenge's ranked teams with their explanations, and the introductions made. */
  async function matches(challengeId: string, ctx: Ctx) {
    requireRole(ctx, 'official');
    const c = await d.matching.challenge(d.db, challengeId);
    if (!c) throw new NotFound('challenge');
    const rows = await d.matching.matchesFor(d.db, challengeId);
    const intros = await d.matching.introductionsFor(d.db, challengeId);
    return {
      challengeId,
      revision: rows[0]?.match.revision ?? null,
      currentRevision: c.revision,
      rankedAt: rows[0]?.match.rankedAt.toISOString() ?? null,
      items: rows.map((r) => ({
        teamId: r.match.teamId,
        teamName: r.name,
        institution: r.institution,
        district: r.district,
        rank: r.match.rank,
        score: Math.round(r.match.score * 1000) / 1000,
        invited: r.invited,
        introduced: intros.some((i) => i.intro.teamId === r.match.teamId),
        explanation: r.match.explanation,
      })),
      introductions: intros.map((i) => ({ id: i.intro.id, teamId: i.intro.teamId, teamName: i.teamName, brokerName: i.intro.brokerName, introducedOn: i.intro.introducedOn, note: i.intro.note })),
    };
  }

  /**
   * For a draft (or a directed challenge) its publisher is writing: whom the ranking suggests
   * inviting, computed now from the current text and not stored. Officials may look too.
   */
  async function suggestions(challengeId: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    const c = await d.matching.challenge(d.db, challengeId);
    if (!c) throw new NotFound('challenge');
    const side = await d.matching.publisherSide(d.db, c.id, c.publisherId);
    const mine = actor.memberships.some((m) => side.ids.includes(m.organisationId));
    if (!mine && !isOfficial(actor)) throw new NotFound('challenge');
    const { ranked, corpus: cp } = await rank(c, 20);
    const byId = new Map(cp.teams.map((t) => [t.id, t]));
    return {
      items: ranked.map((r, i) => ({
        teamId: r.id,
        teamName: byId.get(r.id)?.name ?? '',
        institution: byId.get(r.id)?.institution ?? null,
        rank: i + 1,
        score: Math.round(r.score * 1000) / 1000,
        explanation: r.explanation,
      })),
    };
  }

  /** A team's recommended challenges: open, public, best first, with why. */
  async function recommendations(ctx: Ctx) {
    const actor = requireActor(ctx);
    const teamIds = actor.memberships.filter((m) => m.organisationKind === 'team').map((m) => m.organisationId);
    if (teamIds.length === 0) throw new Forbidden('recommendations are for research teams');
    const now = d.clock.now();
    const rows = (await Promise.all(teamIds.map((id) => d.matching.recommendationsFor(d.db, id, now, 30)))).flat();
    return {
      items: rows
        .sort((a, b) => b.match.score - a.match.score)
        .map((r) => ({
          challengeId: r.match.challengeId,
          teamId: r.match.teamId,
          title: r.title,
          summary: r.summary,
          publisherName: r.publisherName,
          industry: r.industry,
          deadline: r.deadline?.toISOString() ?? null,
          bountyYuan: r.bountyYuan,
          score: Math.round(r.match.score * 1000) / 1000,
          matchedTerms: r.match.explanation.matchedTerms,
          fieldMatch: r.match.explanation.fieldMatch,
        })),
    };
  }

  /** 撮合: an official records introducing a team to a challenge's publisher; credited as broker if it leads to a deal. */
  async function introduce(challengeId: string, body: z.infer<typeof introductionBody>, ctx: Ctx) {
    const actor = requireRole(ctx, 'official');
    const c = await d.matching.challenge(d.db, challengeId);
    if (!c) throw new NotFound('challenge');
    if (!['published', 'closed'].includes(c.status)) throw new Conflict('teams are introduced to published challenges');
    const now = d.clock.now();
    const introducedOn = body.introducedOn ?? chinaDate(now);
    if (introducedOn > chinaDate(now)) throw ValidationError.field('introducedOn', 'the introduction date cannot be in the future');
    return d.db.transaction(async (tx) => {
      const team = (await d.matching.corpus(tx, now)).find((t) => t.id === body.teamId);
      if (!team) throw ValidationError.field('teamId', 'choose a verified research team');
      const row = await d.matching.insertIntroduction(tx, { challengeId, teamId: body.teamId, brokerUserId: actor.id, brokerName: actor.name, introducedOn, note: body.note, createdAt: now });
      if (!row) throw new Conflict('this team was already introduced to this challenge');
      await appendAudit(tx, { at: now, actorId: actor.id, reqId: ctx.reqId, action: 'challenge.introduced', entityType: 'challenge', entityId: challengeId, before: null, after: { teamId: body.teamId, introducedOn, note: body.note } });
      // Ids only in the job: the worker names the official and the team at delivery; the note stays on the record.
      for (const organisationId of [c.publisherId, body.teamId]) {
        await enqueueJob(tx, notifyJob({ kind: 'match_introduction', audience: { type: 'organisation', organisationId }, refs: { challengeId, organisationId: body.teamId, userId: actor.id }, extra: {}, link: `/challenges/${challengeId}`, cause: `match.intro.${row.id}.${organisationId}` }));
      }
      return { id: row.id, teamId: row.teamId, teamName: team.name, brokerName: row.brokerName, introducedOn: row.introducedOn, note: row.note };
    });
  }

  return { rankChallenge, rerankTeam, teamVerified, matches, suggestions, recommendations, introduce, rank, corpus };
}
export type MatchingService = ReturnType<typeof createMatchingService>;
