import { createHash } from 'node:crypto';
import { z } from 'zod';
import { bidContent, bidProblems, maxBidAttachments, type BidAttachment, type BidContent, type BidView, type eligibilityBody } from '../../../shared/contracts/bids';
import { notifyJob } from '../../../jobs/contracts';
import { enqueueJob } from '../../infra/outbox';
import { allowedEvents } from '../../../shared/lifecycle';
import { bidLifecycle, type BidEvent } from '../../../shared/lifecycles/bid';
import type { Actor, Ctx } from '../../context';
import { requireActor, requireRole } from '../../context';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import { canonicalJson } from '../../infra/canonical-json';
import type { Clock } from '../../infra/clock';
import { uniqueViolation, type Db, type Executor, type Tx } from '../../infra/database';
import { guardTransition } from '../../lifecycle-guard';
import type { ChallengeRow, ChallengesRepository } from '../challenges/repository';
import { canSeeChallenge, isOfficial, isPublisherSide, orgIdsOf } from '../challenges/views';
import type { BidRow, BidsRepository } from './repository';

export interface BidsDeps {
  db: Db;
  clock: Clock;
  bids: BidsRepository;
  challenges: ChallengesRepository;
  /** Whether this user is an expert assigned (and not recused) to review this bid. */
  isAssignedExpert(ex: Executor, bidId: string, userId: string): Promise<boolean>;
}

/** The receipt: SHA-256 over the canonical JSON of the submitted content. */
export const bidDigest = (content: z.input<typeof bidContent>) => createHash('sha256').update(canonicalJson(bidContent.parse(content))).digest('hex');

type Reader = 'team' | 'partner' | 'reviewer';

const toBidAttachment = (r: { id: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string }): BidAttachment => ({
  id: r.id,
  fileName: r.fileName,
  mimeType: r.mimeType,
  sizeBytes: r.sizeBytes,
  sha256: r.sha256,
});

/** States a bid can be in once submitted; after the deadline reviewers read bids in these. */
const afterSubmission: readonly BidRow['status'][] = ['submitted', 'eligible', 'ineligible'];

export function createBidsService(d: BidsDeps) {
  const related = (ex: Executor, challengeId: string) => d.challenges.related(ex, challengeId);

  const isOpen = (c: ChallengeRow, now = d.clock.now()) => c.status === 'published' && !!c.deadline && c.deadline > now;

  /**
   * Sealed bids: before the deadline only the bidding team (and the partners it named) may
   * read a bid; after it, the publisher side, officials and the experts assigned to it read
   * the submitted version. Anyone else is told the bid does not exist.
   */
  async function access(ex: Executor, bid: BidRow, actor: Actor | null): Promise<{ reader: Reader; challenge: ChallengeRow }> {
    const challenge = (await d.challenges.findById(ex, bid.challengeId))!;
    const orgs = orgIdsOf(actor);
    if (orgs.includes(bid.teamId)) return { reader: 'team', challenge };
    const partners = await d.bids.partners(ex, bid.id);
    if (partners.some((p) => orgs.includes(p.organisationId))) return { reader: 'partner', challenge };
    const deadlinePassed = !!challenge.deadline && challenge.deadline <= d.clock.now();
    if (deadlinePassed && afterSubmission.includes(bid.status)) {
      if (isOfficial(actor) || isPublisherSide(actor, challenge, await related(ex, challenge.id))) return { reader: 'reviewer', challenge };
      if (actor?.roles.includes('expert') && (await d.isAssignedExpert(ex, bid.id, actor.id))) return { reader: 'reviewer', challenge };
    }
    throw new NotFound('bid');
  }

  async function view(ex: Executor, bid: BidRow, actor: Actor | null): Promise<BidView> {
    const { reader, challenge } = await access(ex, bid, actor);
    // One query at a time: `ex` may be a transaction, whose one connection runs one query at a time.
    const versions = await d.bids.versions(ex, bid.id);
    const partners = await d.bids.partners(ex, bid.id);
    const teamName = await d.bids.organisationName(ex, bid.teamId);
    const working = await workingCopy(ex, bid);
    const content = reader === 'reviewer' ? bidContent.parse(versions[0]?.content ?? working) : working;
    const terms = { indicatorCount: challenge.indicators.length, bountyYuan: challenge.bountyYuan ?? 0, deliveryMonths: challenge.deliveryMonths };
    const events = reader === 'team' && isOpen(challenge) ? allowedEvents(bidLifecycle, bid.status, actor?.roles ?? []).filter((e) => e !== 'reconfirm' || bid.needsReconfirmation) : [];
    return {
      id: bid.id,
      challengeId: bid.challengeId,
      challengeTitle: challenge.title,
      teamId: bid.teamId,
      teamName,
      status: bid.status,
      content,
      partners: partners.map((p) => ({ organisationId: p.organisationId, name: p.name, confirmedAt: p.confirmedAt?.toISOString() ?? null })),
      receipts: reader === 'reviewer' ? versions.slice(0, 1).map(receipt) : versions.map(receipt),
      needsReconfirmation: bid.needsReconfirmation,
      challengeDeadline: challenge.deadline?.toISOString() ?? null,
      eligibilityReason: bid.eligibilityReason,
      eligibilityCheckedAt: bid.eligibilityCheckedAt?.toISOString() ?? null,
      problems: reader === 'team' ? bidProblems(working, terms) : [],
      events,
      updatedAt: bid.updatedAt.toISOString(),
    };
  }

  /** The team's working copy: the saved draft with the files uploaded and not removed. */
  async function workingCopy(ex: Executor, bid: BidRow): Promise<BidContent> {
    const files = await d.bids.attachments(ex, bid.id);
    return { ...bidContent.parse(bid.draft ?? {}), attachments: files.map(toBidAttachment) };
  }

  const receipt = (v: { version: number; sha256: string; submittedAt: Date }) => ({ version: v.version, sha256: v.sha256, submittedAt: v.submittedAt.toISOString() });

  function audit(tx: Tx, ctx: Ctx, action: string, id: string, before: unknown, after: unknown) {
    return appendAudit(tx, { at: d.clock.now(), actorId: ctx.actor?.id ?? null, reqId: ctx.reqId, action: `bid.${action}`, entityType: 'bid', entityId: id, before, after });
  }

  /** Loads a bid for a change by its own team, before the deadline, as the table allows. */
  /**
   * Locks the bid and its challenge and checks the team may change it now. `now` is read once,
   * after the locks, and is both the instant checked against the deadline and the one the
   * change is stamped with, so a bid let in is never stamped at or after the deadline; the
   * check is on the locked row (the deadline job may have closed it meanwhile).
   */
  async function forTeamChange(tx: Tx, id: string, actor: Actor, event: BidEvent) {
    const bid = await d.bids.findById(tx, id, { forUpdate: true });
    if (!bid) throw new NotFound('bid');
    const { reader } = await access(tx, bid, actor);
    if (reader !== 'team') throw new Forbidden('only the bidding team changes its bid');
    const t = guardTransition(bidLifecycle, bid.status, event, actor.roles);
    // Lock the challenge row too: a bid and the deadline job cannot interleave.
    const challenge = (await d.challenges.findById(tx, bid.challengeId, { forUpdate: true }))!;
    const now = d.clock.now();
    if (!isOpen(challenge, now)) throw new Conflict('the application deadline has passed');
    return { bid, challenge, t, now };
  }

  async function assertMayBid(ex: Executor, teamId: string) {
    const until = await d.bids.barredUntil(ex, teamId, d.clock.now());
    if (until) throw new Forbidden(`your team is barred from bidding until ${until.toISOString().slice(0, 10)} by a credit record`);
  }

  async function start(challengeId: string, ctx: Ctx) {
    const actor = requireRole(ctx, 'team_member');
    const team = actor.memberships.find((m) => m.organisationKind === 'team' && m.verification === 'verified');
    if (!team) throw new Forbidden('only members of a verified team may bid');
    try {
      return await d.db.transaction(async (tx) => {
        const challenge = await d.challenges.findById(tx, challengeId);
        if (!challenge || !canSeeChallenge(actor, challenge, await related(tx, challengeId))) throw new NotFound('challenge');
        if (!isOpen(challenge)) throw new Conflict('this challenge is not open for bids');
        await assertMayBid(tx, team.organisationId);
        const now = d.clock.now();
        const bid = await d.bids.insert(tx, { challengeId, teamId: team.organisationId, status: 'draft', draft: bidContent.parse({}), challengeRevision: challenge.revision, createdBy: actor.id, createdAt: now, updatedAt: now });
        await audit(tx, ctx, 'started', bid.id, null, { challengeId, teamId: team.organisationId });
        return view(tx, bid, actor);
      });
    } catch (err) {
      if (uniqueViolation(err) !== null) throw new Conflict('your team already has an active bid on this challenge');
      throw err;
    }
  }

  async function get(id: string, ctx: Ctx) {
    const bid = await d.bids.findById(d.db, id);
    if (!bid) throw new NotFound('bid');
    return view(d.db, bid, ctx.actor);
  }

  async function saveDraft(id: string, content: BidContent, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { bid } = await forTeamChange(tx, id, actor, 'edit');
      const partnerIds = [...new Set(content.partnerIds)].filter((p) => p !== bid.teamId);
      const verified = await d.bids.verifiedOrganisationIds(tx, partnerIds);
      if (verified.length !== partnerIds.length) throw ValidationError.field('partnerIds', 'partners must be verified organisations');
      for (const orgId of await d.bids.setPartners(tx, id, partnerIds)) {
        await enqueueJob(tx, notifyJob({ kind: 'bid_partner_invited', audience: { type: 'organisation', organisationId: orgId }, refs: { challengeId: bid.challengeId, organisationId: bid.teamId }, extra: {}, link: `/bids/${id}`, cause: `bid.partner.${id}.${orgId}` }));
      }
      // Files come from their own rows (uploads), never from what the client sends.
      const updated = await d.bids.update(tx, id, { draft: { ...content, partnerIds, attachments: [] }, updatedAt: d.clock.now() });
      await audit(tx, ctx, 'draft_saved', id, null, { sha256: bidDigest(content) });
      return view(tx, updated, actor);
    });
  }

  async function submit(id: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      // Chosen on the locked row: of two submissions of one draft at once, the second is a revision (not a 409).
      const first = await d.bids.findById(tx, id, { forUpdate: true });
      const event = first?.status === 'submitted' ? 'revise' : 'submit';
      const { bid, challenge, t, now } = await forTeamChange(tx, id, actor, event);
      await assertMayBid(tx, bid.teamId);
      const content = await workingCopy(tx, bid);
      const problems = bidProblems(content, { indicatorCount: challenge.indicators.length, bountyYuan: challenge.bountyYuan ?? 0, deliveryMonths: challenge.deliveryMonths });
      const unconfirmed = (await d.bids.partners(tx, id)).filter((p) => !p.confirmedAt).map((p) => p.name);
      if (unconfirmed.length) problems.push({ path: 'partnerIds', message: `waiting for ${unconfirmed.join('、')} to confirm participation` });
      if (problems.length) throw new ValidationError(problems);
      const version = (bid.latestVersion ?? 0) + 1;
      const sha256 = bidDigest(content);
      await d.bids.insertVersion(tx, { bidId: id, version, content, sha256, challengeRevision: challenge.revision, submittedBy: actor.id, submittedAt: now });
      const updated = await d.bids.update(tx, id, { status: t.to, latestVersion: version, submittedAt: now, challengeRevision: challenge.revision, needsReconfirmation: false, updatedAt: now });
      await enqueueJob(
        tx,
        notifyJob({ kind: 'bid_submitted', audience: { type: 'organisation', organisationId: bid.teamId }, refs: { challengeId: bid.challengeId }, extra: { version: String(version), sha256 }, link: `/bids/${id}`, cause: `bid.submitted.${id}.${version}` }),
      );
      const result = await view(tx, updated, actor);
      // Last: the audit chain's lock is held from here to commit, and serialises every audited write.
      await audit(tx, ctx, event, id, { status: bid.status, version: bid.latestVersion }, { status: t.to, version, sha256 });
      return result;
    });
  }

  async function reconfirm(id: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { bid, challenge } = await forTeamChange(tx, id, actor, 'reconfirm');
      if (!bid.needsReconfirmation) throw new Conflict('nothing to re-confirm: the terms have not changed since this bid was submitted');
      const now = d.clock.now();
      const updated = await d.bids.update(tx, id, { needsReconfirmation: false, reconfirmedAt: now, challengeRevision: challenge.revision, updatedAt: now });
      await audit(tx, ctx, 'reconfirm', id, { challengeRevision: bid.challengeRevision }, { challengeRevision: challenge.revision });
      return view(tx, updated, actor);
    });
  }

  async function withdraw(id: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { bid, t } = await forTeamChange(tx, id, actor, 'withdraw');
      const now = d.clock.now();
      const updated = await d.bids.update(tx, id, { status: t.to, withdrawnAt: now, updatedAt: now });
      await audit(tx, ctx, 'withdraw', id, { status: bid.status }, { status: t.to });
      return view(tx, updated, actor);
    });
  }

  async function confirmPartner(id: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const bid = await d.bids.findById(tx, id, { forUpdate: true });
      if (!bid) throw new NotFound('bid');
      const { reader } = await access(tx, bid, actor);
      if (reader !== 'partner') throw new Forbidden('only a named partner confirms its participation');
      const partners = await d.bids.partners(tx, id);
      const mine = partners.find((p) => orgIdsOf(actor).includes(p.organisationId));
      if (!mine || !(await d.bids.confirmPartner(tx, id, mine.organisationId, actor.id, d.clock.now()))) throw new Conflict('already confirmed');
      await audit(tx, ctx, 'partner_confirmed', id, null, { organisationId: mine.organisationId });
      return view(tx, bid, actor);
    });
  }

  /**
   * Files on a bid (the attachments module stores the bytes and asks here). The team adds and
   * removes files while it may edit; readers see what `access()` lets them: the team and its
   * partners any file of the bid, reviewers only the files of the latest submitted version.
   */
  const files = {
    /** Throws unless the actor may attach a file now; checked before the upload is stored. */
    async assertCanAttach(bidId: string, ctx: Ctx): Promise<void> {
      const actor = requireActor(ctx);
      await d.db.transaction(async (tx) => {
        await forTeamChange(tx, bidId, actor, 'edit');
      });
    },

    async record(bidId: string, file: { fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string }, ctx: Ctx): Promise<BidAttachment> {
      const actor = requireActor(ctx);
      return d.db.transaction(async (tx) => {
        await forTeamChange(tx, bidId, actor, 'edit');
        if ((await d.bids.attachments(tx, bidId)).length >= maxBidAttachments) throw ValidationError.field('file', `a bid holds at most ${maxBidAttachments} files`);
        const now = d.clock.now();
        const row = await d.bids.insertAttachment(tx, { bidId, ...file, uploadedBy: actor.id, createdAt: now });
        await d.bids.update(tx, bidId, { updatedAt: now });
        await audit(tx, ctx, 'attachment_added', bidId, null, { attachmentId: row.id, fileName: row.fileName, sha256: row.sha256, sizeBytes: row.sizeBytes });
        return toBidAttachment(row);
      });
    },

    async find(bidId: string, attachmentId: string, ctx: Ctx) {
      const bid = await d.bids.findById(d.db, bidId);
      if (!bid) throw new NotFound('bid');
      const { reader } = await access(d.db, bid, ctx.actor);
      if (reader === 'reviewer') {
        const [latest] = await d.bids.versions(d.db, bidId);
        if (!bidContent.parse(latest?.content ?? {}).attachments.some((a) => a.id === attachmentId)) throw new NotFound('attachment');
      }
      const row = await d.bids.attachment(d.db, bidId, attachmentId);
      if (!row) throw new NotFound('attachment');
      return row;
    },

    /** Removes a file from the working copy; returns the storage key when nothing references it any more. */
    async remove(bidId: string, attachmentId: string, ctx: Ctx): Promise<string | null> {
      const actor = requireActor(ctx);
      return d.db.transaction(async (tx) => {
        await forTeamChange(tx, bidId, actor, 'edit');
        const versions = await d.bids.versions(tx, bidId);
        const named = versions.some((v) => bidContent.parse(v.content).attachments.some((a) => a.id === attachmentId));
        const now = d.clock.now();
        const row = await d.bids.removeAttachment(tx, bidId, attachmentId, now, named);
        if (!row) throw new NotFound('attachment');
        await d.bids.update(tx, bidId, { updatedAt: now });
        await audit(tx, ctx, 'attachment_removed', bidId, { attachmentId, fileName: row.fileName, sha256: row.sha256 }, null);
        return named ? null : row.storageKey;
      });
    },
  };

  async function mine(ctx: Ctx) {
    const actor = requireActor(ctx);
    const rows = await d.bids.listFor(d.db, orgIdsOf(actor));
    return { items: rows.map(summary) };
  }

  const summary = (r: { bid: BidRow; challengeTitle: string; deadline: Date | null; teamName: string }) => ({
    id: r.bid.id,
    challengeId: r.bid.challengeId,
    challengeTitle: r.challengeTitle,
    teamName: r.teamName,
    status: r.bid.status,
    needsReconfirmation: r.bid.needsReconfirmation,
    latestVersion: r.bid.latestVersion,
    submittedAt: r.bid.submittedAt?.toISOString() ?? null,
    challengeDeadline: r.deadline?.toISOString() ?? null,
  });

  async function requirePublisherSideOrOfficial(challengeId: string, actor: Actor) {
    const challenge = await d.challenges.findById(d.db, challengeId);
    if (!challenge) throw new NotFound('challenge');
    if (!isOfficial(actor) && !isPublisherSide(actor, challenge, await related(d.db, challengeId))) throw new Forbidden('only the publisher and officials follow the bids on a challenge');
    return challenge;
  }

  const sealed = (c: ChallengeRow) => !c.deadline || c.deadline > d.clock.now();

  /**
   * Before the deadline officials learn how many bids arrived, nothing else; the publisher
   * side learns even that only at the deadline (it must not tune its terms to the field).
   */
  async function count(challengeId: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    const challenge = await requirePublisherSideOrOfficial(challengeId, actor);
    if (sealed(challenge) && !isOfficial(actor)) throw new Forbidden('the number of bids is shown to the publisher at the deadline');
    return { submitted: await d.bids.countSubmitted(d.db, challengeId), sealed: sealed(challenge) };
  }

  async function listForChallenge(challengeId: string, ctx: Ctx) {
    const challenge = await requirePublisherSideOrOfficial(challengeId, requireActor(ctx));
    if (sealed(challenge)) throw new Conflict('bids stay sealed until the application deadline');
    return { items: (await d.bids.submittedFor(d.db, challengeId)).map(summary) };
  }

  async function verifyReceipt(id: string, sha256: string, ctx: Ctx) {
    const bid = await d.bids.findById(d.db, id);
    if (!bid) throw new NotFound('bid');
    await access(d.db, bid, ctx.actor);
    const match = (await d.bids.versions(d.db, id)).find((v) => v.sha256 === sha256);
    return { matches: !!match, version: match?.version ?? null, submittedAt: match?.submittedAt.toISOString() ?? null };
  }

  /**
   * 形式审查: after the deadline an official marks each submitted bid eligible, or ineligible
   * with a reason. A bid still waiting for re-confirmation after a change of terms cannot be
   * eligible. The team is told either way.
   */
  async function decideEligibility(id: string, body: z.infer<typeof eligibilityBody>, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const bid = await d.bids.findById(tx, id, { forUpdate: true });
      if (!bid) throw new NotFound('bid');
      const { challenge } = await access(tx, bid, actor);
      const t = guardTransition(bidLifecycle, bid.status, body.decision === 'eligible' ? 'mark_eligible' : 'mark_ineligible', actor.roles);
      if (!challenge.deadline || challenge.deadline > d.clock.now()) throw new Conflict('the eligibility check comes after the application deadline');
      if (body.decision === 'eligible' && bid.needsReconfirmation) {
        throw ValidationError.field('decision', 'this bid was not re-confirmed after the change of terms, so it is ineligible');
      }
      const now = d.clock.now();
      const reason = body.decision === 'ineligible' ? body.reason : null;
      const updated = await d.bids.update(tx, id, { status: t.to, eligibilityReason: reason, eligibilityCheckedAt: now, eligibilityCheckedBy: actor.id, updatedAt: now });
      await audit(tx, ctx, t.event, id, { status: bid.status }, { status: t.to, reason });
      await enqueueJob(tx, notifyJob({
        kind: t.to === 'eligible' ? 'bid_eligible' : 'bid_ineligible',
        audience: { type: 'organisation', organisationId: bid.teamId },
        refs: { challengeId: bid.challengeId },
        extra: reason ? { reason } : {},
        link: `/bids/${id}`,
        cause: `bid.eligibility.${id}`,
      }));
      return view(tx, updated, actor);
    });
  }

  return { files, start, get, saveDraft, submit, reconfirm, withdraw, confirmPartner, mine, count, listForChallenge, verifyReceipt, decideEligibility };
}
export type BidsService = ReturnType<typeof createBidsService>;
