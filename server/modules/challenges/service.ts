import { z } from 'zod';
import type { ClientConfig } from 'pg';
import type { answerBody, ChallengeDraft, decisionBody, PublicListQuery, questionBody, termsChangeBody } from '../../../shared/contracts/challenges';
import { challengeDetail, deadlineProblems, fundingProblems, missingForSubmission, publicChallengeList } from '../../../shared/contracts/challenges';
import { challengeLifecycle, publicStates, type ChallengeState } from '../../../shared/lifecycles/challenge';
import { isChainOf } from '../../../shared/taxonomy/industry-chains';
import { deadlineJob, notifyJob, rankChallengeJob } from '../../../jobs/contracts';
import type { Actor, Ctx } from '../../context';
import { requireActor, requireRole, systemCtx } from '../../context';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import type { Db, Executor, Tx } from '../../infra/database';
import { enqueueJob } from '../../infra/outbox';
import { guardTransition } from '../../lifecycle-guard';
import { documentTokens, queryGroups, toTsQuery } from '../search/segment';
import { databasePublicReads, uncachedPublicReads, type PublicReads } from './public-reads';
import type { ChallengeRow, ChallengesRepository } from './repository';
import { canSeeChallenge, canSeeDescription, draftOf, isOfficial, isPublisherSide, isStaff, orgIdsOf, relatedOf, toDetail, toSummary } from './views';

export interface ChallengesDeps {
  db: Db;
  clock: Clock;
  challenges: ChallengesRepository;
  /**
   * What anonymous readers get, cached (public-reads.ts). Unless given: kept exact by the
   * database's notifications, on a connection of its own opened at the first anonymous read.
   */
  publicReads?: PublicReads & { close(): Promise<void> };
}

const anonymous: Ctx = { actor: null, reqId: null };

/** A response body as the route's schema would serialise it (whitelisting fields), once. */
const responseBytes = <S extends z.ZodType>(schema: S, value: z.output<S>) => Buffer.from(JSON.stringify(z.encode(schema, value)));

/**
 * The pool's connection settings, for a connection of the service's own; none when the
 * service runs on a transaction (the demo seed), which then reads without the cache.
 */
const connectionOf = (db: Db) => (db as unknown as { $client?: { options?: ClientConfig } }).$client?.options;

export function createChallengesService(d: ChallengesDeps) {
  const connection = connectionOf(d.db);
  const publicReads = d.publicReads ?? (connection ? databasePublicReads(connection) : uncachedPublicReads());
  const related = (ex: Executor, id: string) => d.challenges.related(ex, id);

  async function detail(ex: Executor, c: ChallengeRow, actor: Actor | null) {
    return toDetail(actor, c, await d.challenges.detailParts(ex, c.id), d.clock.now());
  }

  /** Loads a challenge the actor may see; others get 404, so hidden challenges do not exist for them. */
  async function visible(ex: Executor, id: string, actor: Actor | null, opts: { forUpdate?: boolean } = {}) {
    const c = await d.challenges.findById(ex, id, opts);
    if (!c) throw new NotFound('challenge');
    const r = await related(ex, id);
    if (!canSeeChallenge(actor, c, r)) throw new NotFound('challenge');
    return { c, r };
  }

  function requirePublisherMember(actor: Actor, c: ChallengeRow) {
    if (!actor.memberships.some((m) => m.organisationId === c.publisherId && m.role === 'enterprise_member')) {
      throw new Forbidden('only members of the publishing enterprise may do this');
    }
  }

  function audit(tx: Tx, ctx: Ctx, action: string, id: string, before: unknown, after: unknown) {
    return appendAudit(tx, { at: d.clock.now(), actorId: ctx.actor?.id ?? null, reqId: ctx.reqId, action: `challenge.${action}`, entityType: 'challenge', entityId: id, before, after });
  }

  function notifyPublisher(tx: Tx, c: ChallengeRow, kind: Parameters<typeof notifyJob>[0]['kind'], cause: string, extra: Record<string, string> = {}) {
    return enqueueJob(tx, notifyJob({ kind, audience: { type: 'organisation', organisationId: c.publisherId }, refs: { challengeId: c.id, organisationId: c.publisherId }, extra, link: `/challenges/${c.id}`, cause }));
  }

  /** Columns from an edit: only fields present in the patch; null clears one. */
  function columnsOf(p: ChallengeDraft): Partial<ChallengeRow> {
    const v: Partial<ChallengeRow> = {};
    const set = <K extends keyof ChallengeRow>(key: K, value: ChallengeRow[K] | undefined) => {
      if (value !== undefined) v[key] = value;
    };
    // Text columns are NOT NULL: clearing them stores ''.
    set('title', p.title === null ? '' : p.title);
    set('summary', p.summary === null ? '' : p.summary);
    set('description', p.description === null ? '' : p.description);
    set('descriptionVisibility', p.descriptionVisibility);
    set('industry', p.industry);
    set('industryChain', p.industryChain);
    set('indicators', p.indicators);
    set('bountyYuan', p.bountyYuan);
    set('enterpriseFundsYuan', p.enterpriseFundsYuan);
    set('subsidyYuan', p.subsidyYuan);
    set('deliveryMonths', p.deliveryMonths);
    set('deadline', p.deadline === undefined ? undefined : p.deadline === null ? null : new Date(p.deadline));
    set('ipTerms', p.ipTerms);
    if (p.requirements !== undefined) {
      v.requirementsText = p.requirements.text;
      v.allowedInstitutionKinds = p.requirements.institutionKinds;
      v.allowedRegions = p.requirements.regions;
    }
    if (p.contact !== undefined) {
      v.contactName = p.contact?.name ?? null;
      v.contactPhone = p.contact?.phone ?? null;
      v.contactEmail = p.contact?.email ?? null;
    }
    set('directed', p.directed);
    set('allowsHorseRace', p.allowsHorseRace);
    return v;
  }

  async function applyRelations(tx: Tx, c: ChallengeRow, p: ChallengeDraft, ctx: Ctx) {
    if (p.jointPublisherIds !== undefined) {
      const ids = [...new Set(p.jointPublisherIds)].filter((id) => id !== c.publisherId);
      const ok = await d.challenges.verifiedOrganisations(tx, ids, 'enterprise');
      if (ok.length !== ids.length) throw ValidationError.field('jointPublisherIds', 'joint publishers must be verified enterprises');
      const added = await d.challenges.setJointPublishers(tx, c.id, ids);
      for (const orgId of added) {
        await enqueueJob(tx, notifyJob({ kind: 'joint_publisher_invited', audience: { type: 'organisation', organisationId: orgId }, refs: { challengeId: c.id, organisationId: c.publisherId }, extra: {}, link: `/challenges/${c.id}`, cause: `challenge.joint.${c.id}.${orgId}` }));
      }
    }
    if (p.invitedTeamIds !== undefined) {
      const ids = [...new Set(p.invitedTeamIds)];
      const ok = await d.challenges.verifiedOrganisations(tx, ids, 'team');
      if (ok.length !== ids.length) throw ValidationError.field('invitedTeamIds', 'invited teams must be verified teams');
      await d.challenges.setInvitedTeams(tx, c.id, ids);
    }
    void ctx;
  }

  /** The chain must belong to the industry; a new industry drops a stored chain that no longer fits. */
  function checkChain(p: ChallengeDraft, current?: ChallengeRow): ChallengeDraft {
    const industry = p.industry === undefined ? current?.industry : p.industry;
    if (p.industryChain && industry && !isChainOf(industry as never, p.industryChain)) throw ValidationError.field('industryChain', `not a chain of ${industry}`);
    if (p.industryChain === undefined && p.industry !== undefined && current?.industryChain && !(industry && isChainOf(industry as never, current.industryChain))) {
      return { ...p, industryChain: null };
    }
    return p;
  }

  async function create(p: ChallengeDraft, ctx: Ctx) {
    const actor = requireRole(ctx, 'enterprise_member');
    const publisher = actor.memberships.find((m) => m.role === 'enterprise_member');
    if (!publisher) throw new Forbidden('only enterprise members draft challenges');
    p = checkChain(p);
    return d.db.transaction(async (tx) => {
      const now = d.clock.now();
      const c = await d.challenges.insert(tx, { ...columnsOf(p), publisherId: publisher.organisationId, createdBy: actor.id, status: 'draft', createdAt: now, updatedAt: now });
      await applyRelations(tx, c, p, ctx);
      await audit(tx, ctx, 'created', c.id, null, p);
      return detail(tx, c, actor);
    });
  }

  async function update(id: string, p: ChallengeDraft, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { c } = await visible(tx, id, actor, { forUpdate: true });
      guardTransition(challengeLifecycle, c.status, 'edit', actor.roles);
      requirePublisherMember(actor, c);
      p = checkChain(p, c);
      const cols = columnsOf(p);
      const before = Object.fromEntries(Object.keys(cols).map((k) => [k, c[k as keyof ChallengeRow]]));
      const updated = Object.keys(cols).length ? await d.challenges.update(tx, id, { ...cols, updatedAt: d.clock.now() }) : c;
      await applyRelations(tx, updated, p, ctx);
      await audit(tx, ctx, 'edited', id, before, p);
      return detail(tx, updated, actor);
    });
  }

  async function submit(id: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { c, r } = await visible(tx, id, actor, { forUpdate: true });
      const t = guardTransition(challengeLifecycle, c.status, 'submit', actor.roles);
      requirePublisherMember(actor, c);
      const publisher = actor.memberships.find((m) => m.organisationId === c.publisherId);
      if (publisher?.verification !== 'verified') throw new Conflict('your enterprise must be verified by the bureau before it can submit challenges');
      const draft = draftOf(c, r);
      const now = d.clock.now();
      const fields = [
        ...missingForSubmission(draft).map((path) => ({ path, message: 'required before submission' })),
        ...fundingProblems(draft),
        ...deadlineProblems(draft, now),
      ];
      const joint = await d.challenges.jointPublishers(tx, id);
      const unconfirmed = joint.filter((j) => !j.confirmedAt).map((j) => j.name);
      if (unconfirmed.length) fields.push({ path: 'jointPublisherIds', message: `waiting for confirmation from ${unconfirmed.join('、')}` });
      if (fields.length) throw new ValidationError(fields);
      const updated = await d.challenges.update(tx, id, { status: t.to, submittedAt: now, updatedAt: now });
      await audit(tx, ctx, 'submit', id, { status: c.status }, { status: t.to });
      await enqueueJob(tx, notifyJob({ kind: 'challenge_submitted', audience: { type: 'role', role: 'official' }, refs: { challengeId: id, organisationId: c.publisherId }, extra: {}, link: `/challenges/${id}`, cause: `challenge.submit.${id}.${now.getTime()}` }));
      return detail(tx, updated, actor);
    });
  }

  async function withdraw(id: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { c } = await visible(tx, id, actor, { forUpdate: true });
      const t = guardTransition(challengeLifecycle, c.status, 'withdraw', actor.roles);
      requirePublisherMember(actor, c);
      const updated = await d.challenges.update(tx, id, { status: t.to, updatedAt: d.clock.now() });
      await audit(tx, ctx, 'withdraw', id, { status: c.status }, { status: t.to });
      return detail(tx, updated, actor);
    });
  }

  async function decide(id: string, body: z.infer<typeof decisionBody>, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { c } = await visible(tx, id, actor, { forUpdate: true });
      const t = guardTransition(challengeLifecycle, c.status, body.decision, actor.roles);
      const now = d.clock.now();
      const updated = await d.challenges.update(tx, id, {
        status: t.to,
        updatedAt: now,
        ...(body.decision === 'reject' ? { rejectionReason: body.reason } : {}),
        ...(body.decision === 'rework' ? { reworkComments: body.comments } : {}),
      });
      await audit(tx, ctx, body.decision, id, { status: c.status }, { status: t.to, ...(body.decision === 'approve' ? {} : body) });
      const kind = body.decision === 'approve' ? 'challenge_approved' : body.decision === 'reject' ? 'challenge_rejected' : 'challenge_rework';
      const extra: Record<string, string> = body.decision === 'reject' ? { reason: body.reason } : body.decision === 'rework' ? { comments: body.comments } : {};
      await notifyPublisher(tx, c, kind, `challenge.${body.decision}.${id}.${now.getTime()}`, extra);
      return detail(tx, updated, actor);
    });
  }

  async function changeTerms(id: string, body: z.infer<typeof termsChangeBody>, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { c } = await visible(tx, id, actor, { forUpdate: true });
      guardTransition(challengeLifecycle, c.status, 'change_terms', actor.roles);
      if (!isStaff(actor)) requirePublisherMember(actor, c);
      const now = d.clock.now();
      if (!c.deadline || c.deadline <= now) throw new Conflict('the deadline has passed; terms can no longer change');
      if (body.deadline && new Date(body.deadline) <= now) throw ValidationError.field('deadline', 'the new deadline must be in the future');
      const changes = columnsOf({ indicators: body.indicators, bountyYuan: body.bountyYuan, deadline: body.deadline, requirements: body.requirements });
      if (body.bountyYuan !== undefined && c.enterpriseFundsYuan != null && c.subsidyYuan != null && body.bountyYuan < c.enterpriseFundsYuan + c.subsidyYuan) {
        throw ValidationError.field('bountyYuan', 'the bounty cannot drop below the funds already committed and the subsidy requested');
      }
      if (Object.keys(changes).length === 0) throw ValidationError.field('indicators', 'name at least one term to change: indicators, bountyYuan, deadline or requirements');
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, c[k as keyof ChallengeRow]]));
      const revision = c.revision + 1;
      const updated = await d.challenges.update(tx, id, { ...changes, revision, updatedAt: now });
      await d.challenges.insertTermChange(tx, { challengeId: id, revision, reason: body.reason, before, after: changes, changedBy: actor.id, createdAt: now });
      await d.challenges.setSearchTokens(tx, id, searchTokens(updated, await d.challenges.publisherName(tx, c.publisherId)));
      const teams = await d.challenges.flagBidsForReconfirmation(tx, id, now);
      for (const teamId of teams) {
        await enqueueJob(tx, notifyJob({ kind: 'challenge_terms_changed', audience: { type: 'organisation', organisationId: teamId }, refs: { challengeId: id }, extra: { reason: body.reason }, link: `/challenges/${id}`, cause: `challenge.terms.${id}.r${revision}.${teamId}` }));
      }
      if (changes.deadline) await enqueueJob(tx, deadlineJob(id, changes.deadline));
      // New terms (requirements, indicators) can change who fits: rank this revision.
      await enqueueJob(tx, rankChallengeJob(id, revision));
      await audit(tx, ctx, 'change_terms', id, before, { ...changes, revision, reason: body.reason, bidsFlagged: teams.length });
      return detail(tx, updated, actor);
    });
  }

  async function confirmJointPublisher(id: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { c, r } = await visible(tx, id, actor, { forUpdate: true });
      const org = actor.memberships.find((m) => r.jointPublisherIds.includes(m.organisationId) && m.role === 'enterprise_member');
      if (!org) throw new Forbidden('only members of an invited joint publisher may confirm');
      if (!(await d.challenges.confirmJointPublisher(tx, id, org.organisationId, actor.id, d.clock.now()))) throw new Conflict('already confirmed');
      await audit(tx, ctx, 'joint_publisher_confirmed', id, null, { organisationId: org.organisationId });
      return detail(tx, c, actor);
    });
  }

  async function ask(id: string, body: z.infer<typeof questionBody>, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { c, r } = await visible(tx, id, actor);
      const team = actor.memberships.find((m) => m.organisationKind === 'team' && m.verification === 'verified');
      if (!team || isPublisherSide(actor, c, r)) throw new Forbidden('questions come from members of verified teams');
      if (c.status !== 'published' || !c.deadline || c.deadline <= d.clock.now()) throw new Conflict('questions are taken while the challenge is open');
      const q = await d.challenges.insertQuestion(tx, { challengeId: id, askedByOrganisationId: team.organisationId, askedBy: actor.id, question: body.question, createdAt: d.clock.now() });
      await audit(tx, ctx, 'question_asked', id, null, { questionId: q.id });
      await notifyPublisher(tx, c, 'question_asked', `challenge.question.${q.id}`);
      return detail(tx, c, actor);
    });
  }

  async function answer(id: string, questionId: string, body: z.infer<typeof answerBody>, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { c, r } = await visible(tx, id, actor);
      if (!isOfficial(actor) && !isPublisherSide(actor, c, r)) throw new Forbidden('the publisher or an official answers questions');
      const q = await d.challenges.findQuestion(tx, id, questionId, { forUpdate: true });
      if (!q) throw new NotFound('question');
      if (q.answer !== null) throw new Conflict('this question is already answered');
      await d.challenges.answerQuestion(tx, questionId, body.answer, actor.id, d.clock.now());
      await audit(tx, ctx, 'question_answered', id, null, { questionId });
      await enqueueJob(tx, notifyJob({ kind: 'question_answered', audience: { type: 'organisation', organisationId: q.askedByOrganisationId }, refs: { challengeId: id }, extra: {}, link: `/challenges/${id}`, cause: `challenge.answer.${questionId}` }));
      return detail(tx, c, actor);
    });
  }

  /**
   * The deadline job. Idempotent and stale-safe: a challenge that is no longer published, or
   * whose deadline has moved later, is left alone.
   */
  async function closeAtDeadline(id: string): Promise<ChallengeState | 'skipped'> {
    return d.db.transaction(async (tx) => {
      const c = await d.challenges.findById(tx, id, { forUpdate: true });
      const now = d.clock.now();
      if (!c || c.status !== 'published' || !c.deadline || c.deadline > now) return 'skipped';
      const teams = await d.challenges.submittedBidTeams(tx, id);
      const bidCount = teams.length;
      const t = guardTransition(challengeLifecycle, c.status, bidCount > 0 ? 'close' : 'mark_unfilled', 'system');
      await d.challenges.update(tx, id, { status: t.to, closedAt: now, updatedAt: now });
      await audit(tx, systemCtx, t.event, id, { status: c.status }, { status: t.to, bids: bidCount });
      await notifyPublisher(tx, c, t.to === 'closed' ? 'challenge_closed' : 'challenge_unfilled', `challenge.${t.event}.${id}`, { bids: String(bidCount) });
      for (const teamId of teams) {
        await enqueueJob(tx, notifyJob({ kind: 'bid_deadline_passed', audience: { type: 'organisation', organisationId: teamId }, refs: { challengeId: id }, extra: {}, link: '/bids', cause: `challenge.deadline.${id}.${teamId}` }));
      }
      return t.to;
    });
  }

  /** A challenge as the viewer may see it; one statement reads it with everything its page shows. */
  async function get(id: string, ctx: Ctx) {
    const found = await d.challenges.findForDetail(d.db, id);
    if (!found || !canSeeChallenge(ctx.actor, found.challenge, relatedOf(found.parts))) throw new NotFound('challenge');
    return toDetail(ctx.actor, found.challenge, found.parts, d.clock.now());
  }

  async function listPublic(q: PublicListQuery, ctx: Ctx) {
    const tsQuery = q.q ? toTsQuery(distinctGroups(queryGroups(q.q))) : null;
    if (q.q && !tsQuery) return { items: [], total: 0, totalCapped: false };
    const sort = q.sort === 'relevance' && !tsQuery ? 'published' : q.sort;
    const { items, total, totalCapped } = await d.challenges.listPublic(d.db, { ...q, sort }, { organisationIds: orgIdsOf(ctx.actor), staff: isStaff(ctx.actor) }, tsQuery, publicStates);
    return { total, totalCapped, items: items.map((r) => toSummary(r.challenge, r.publisherName, r.batchTitle)) };
  }

  /** The public list or search as every anonymous reader gets it: the response's JSON, cached. */
  async function listPublicJson(q: PublicListQuery): Promise<Buffer> {
    return publicReads.list(JSON.stringify(q), async () => responseBytes(publicChallengeList, await listPublic(q, anonymous)));
  }

  /**
   * A challenge's page as every anonymous reader gets it: the response's JSON, cached under the
   * id as PostgreSQL writes it (lower case), which is how its notifications name it.
   */
  async function getPublicJson(id: string): Promise<Buffer> {
    return publicReads.page(id.toLowerCase(), async () => responseBytes(challengeDetail, await get(id, anonymous)));
  }

  async function listMine(status: ChallengeState | undefined, ctx: Ctx) {
    const actor = requireRole(ctx, 'enterprise_member');
    const orgs = actor.memberships.filter((m) => m.role === 'enterprise_member').map((m) => m.organisationId);
    const rows = await d.challenges.listFiltered(d.db, d.challenges.ofPublisher(orgs, status));
    return { total: rows.length, items: rows.map((r) => toSummary(r.challenge, r.publisherName, r.batchTitle)) };
  }

  async function listForVetting(status: 'submitted' | 'approved', ctx: Ctx) {
    requireRole(ctx, 'official', 'admin');
    const rows = await d.challenges.listFiltered(d.db, d.challenges.inState(status), 500);
    return { total: rows.length, items: rows.map((r) => toSummary(r.challenge, r.publisherName, r.batchTitle)) };
  }

  async function directory(kind: 'enterprise' | 'team', q: string, limit: number, ctx: Ctx) {
    requireActor(ctx);
    return { items: await d.challenges.directory(d.db, kind, q, limit) };
  }

  /** The port the attachments module uses: editing while drafting, viewing like the description. */
  const access = {
    async canEdit(id: string, ctx: Ctx) {
      const c = await d.challenges.findById(d.db, id);
      if (!c || !ctx.actor) return false;
      return (c.status === 'draft' || c.status === 'rework') && ctx.actor.memberships.some((m) => m.organisationId === c.publisherId);
    },
    async canView(id: string, ctx: Ctx) {
      const c = await d.challenges.findById(d.db, id);
      if (!c) return false;
      return canSeeDescription(ctx.actor, c, await related(d.db, id));
    },
    /** May the actor know the challenge exists (a draft is its publisher's and officials' only)? */
    async canSee(id: string, ctx: Ctx) {
      const c = await d.challenges.findById(d.db, id);
      if (!c) return false;
      return canSeeChallenge(ctx.actor, c, await related(d.db, id));
    },
    async exists(id: string) {
      return (await d.challenges.findById(d.db, id)) !== undefined;
    },
  };

  return {
    create,
    update,
    submit,
    withdraw,
    decide,
    changeTerms,
    confirmJointPublisher,
    ask,
    answer,
    closeAtDeadline,
    get,
    getPublicJson,
    listPublic,
    listPublicJson,
    listMine,
    listForVetting,
    directory,
    access,
    detail,
    visible,
    /** Closes the public reads' connection (the app's onClose). */
    closePublicReads: () => publicReads.close(),
  };
}
export type ChallengesService = ReturnType<typeof createChallengesService>;

/**
 * A two-character term is one jieba word and one bigram, the same token: `'检测' | '检测'`
 * matches the same rows as `'检测'`, but the planner counts it twice, expects half again as
 * many matches and reads every row instead of the search index.
 */
function distinctGroups(groups: string[][]): string[][] {
  const seen = new Set<string>();
  return groups.filter((g) => {
    const key = [...g].sort().join('\u0000');
    return !seen.has(key) && !!seen.add(key);
  });
}

/** Public text only: a restricted description must not be findable through search. */
export function searchTokens(c: ChallengeRow, publisherName: string): string[] {
  const text = [c.title, c.summary, c.descriptionVisibility === 'public' ? c.description : '', ...c.indicators.map((i) => i.name), c.requirementsText, publisherName].join('\n');
  return documentTokens(text);
}
