import type { z } from 'zod';
import { notifyJob, outcomePromptJob, type MilestoneReminderPayload, type OutcomePromptPayload } from '../../../jobs/contracts';
import { addMonths, chinaDate, chinaInstant } from '../../../shared/calendar';
import { bidContent } from '../../../shared/contracts/bids';
import type { acceptanceBody, brokerBody, ContractView, fundingBody, outcomeBody, registrationBody, terminationBody } from '../../../shared/contracts/contracts';
import { fundingRuleProblems, proposedSplit, type FundingRule, type LeadKind } from '../../../shared/funding-rules';
import { allowedEvents } from '../../../shared/lifecycle';
import { contractLifecycle } from '../../../shared/lifecycles/contract';
import type { Config } from '../../config';
import type { Actor, Ctx } from '../../context';
import { requireActor, systemCtx } from '../../context';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import type { Db, Executor, Tx } from '../../infra/database';
import { enqueueJob } from '../../infra/outbox';
import { guardTransition } from '../../lifecycle-guard';
import type { BidsRepository } from '../bids/repository';
import type { ChallengesRepository } from '../challenges/repository';
import { isOfficial, orgIdsOf } from '../challenges/views';
import type { OrganisationsRepository } from '../organisations/repository';
import { acceptanceCriteria, tranches } from './drafting';
import { createMilestoneActions } from './milestones';
import type { ContractRow, ContractsRepository, MilestoneRow } from './repository';
import { milestoneSchedule } from './schedule';
import { contractView } from './views';

export interface ContractsDeps {
  db: Db;
  clock: Clock;
  contracts: ContractsRepository;
  bids: BidsRepository;
  challenges: ChallengesRepository;
  organisations: OrganisationsRepository;
  config: Pick<Config, 'FUNDING_MAX_SUBSIDY_PERCENT' | 'FUNDING_ENTERPRISE_LEAD_MULTIPLE' | 'FUNDING_ACADEMIC_LEAD_MULTIPLE' | 'CREDIT_BAR_YEARS'>;
  /** The recorded introduction (撮合) of this team to this challenge, which makes its introducer the deal's broker. */
  introductionOf?: (ex: Executor, challengeId: string, teamId: string) => Promise<{ brokerName: string; brokerUserId: string; introducedOn: string } | null>;
}

/** 签约 → 节点考核 → 验收 | 终止 (DOMAIN.md steps 7–10). */
export function createContractsService(d: ContractsDeps) {
  const rule: FundingRule = {
    maxSubsidyPercent: d.config.FUNDING_MAX_SUBSIDY_PERCENT,
    enterpriseLeadMultiple: d.config.FUNDING_ENTERPRISE_LEAD_MULTIPLE,
    academicLeadMultiple: d.config.FUNDING_ACADEMIC_LEAD_MULTIPLE,
  };

  function audit(tx: Tx, ctx: Ctx, action: string, id: string, before: unknown, after: unknown) {
    return appendAudit(tx, { at: d.clock.now(), actorId: ctx.actor?.id ?? null, reqId: ctx.reqId, action: `contract.${action}`, entityType: 'contract', entityId: id, before, after });
  }

  async function leadKind(ex: Executor, teamId: string): Promise<LeadKind> {
    return (await d.organisations.findById(ex, teamId))?.institutionKind === 'company' ? 'enterprise' : 'academic';
  }

  /** Tells every party's members (and, for the bureau party, the officials). */
  async function notifyParties(tx: Tx, c: ContractRow, kind: Parameters<typeof notifyJob>[0]['kind'], cause: string, extra: Record<string, string> = {}) {
    for (const p of await d.contracts.parties(tx, c.id)) {
      const audience = p.party.role === 'bureau' ? ({ type: 'role', role: 'official' } as const) : ({ type: 'organisation', organisationId: p.party.organisationId } as const);
      await enqueueJob(tx, notifyJob({ kind, audience, refs: { challengeId: c.challengeId }, extra, link: `/contracts/${c.id}`, cause: `${cause}.${p.party.organisationId}` }));
    }
  }

  /**
   * When an award becomes final: one contract per winning bid, drafted from the latest
   * submitted version (amount = quoted price, its milestone plan, the indicators as acceptance
   * criteria) with a funding split the rule allows. Called in the award's transaction.
   */
  async function draftForAward(tx: Tx, award: { id: string; challengeId: string; winnerBidIds: string[] }) {
    if ((await d.contracts.forAward(tx, award.id)).length) return;
    const challenge = (await d.challenges.findById(tx, award.challengeId))!;
    const related = await d.challenges.related(tx, challenge.id);
    const bureau = (await d.organisations.ofKind(tx, 'bureau'))[0];
    for (const bidId of award.winnerBidIds) {
      const bid = (await d.bids.findById(tx, bidId))!;
      const [latest] = await d.bids.versions(tx, bidId);
      const content = bidContent.parse(latest?.content ?? bid.draft ?? {});
      const amountYuan = content.quotedPriceYuan ?? challenge.bountyYuan ?? 0;
      const lead = await leadKind(tx, bid.teamId);
      const split = proposedSplit(amountYuan, challenge, lead, rule);
      const teamName = (await d.organisations.findById(tx, bid.teamId))?.name ?? '';
      const now = d.clock.now();
      const intro = await d.introductionOf?.(tx, challenge.id, bid.teamId);
      const c = await d.contracts.insert(tx, {
        ...(intro ? { brokerName: intro.brokerName, brokerUserId: intro.brokerUserId, brokerIntroducedOn: intro.introducedOn } : {}),
        awardId: award.id,
        bidId,
        challengeId: challenge.id,
        publisherId: challenge.publisherId,
        teamId: bid.teamId,
        title: award.winnerBidIds.length > 1 ? `${challenge.title}（${teamName}）` : challenge.title,
        amountYuan,
        enterpriseFundsYuan: split.enterpriseFundsYuan,
        subsidyYuan: split.subsidyYuan,
        criteria: acceptanceCriteria(challenge.indicators, content),
        createdAt: now,
        updatedAt: now,
      });
      const partners = (await d.bids.partners(tx, bidId)).filter((p) => p.confirmedAt);
      await d.contracts.insertParties(tx, [
        { contractId: c.id, organisationId: challenge.publisherId, role: 'publisher' },
        ...related.jointPublisherIds.map((organisationId) => ({ contractId: c.id, organisationId, role: 'publisher' as const })),
        { contractId: c.id, organisationId: bid.teamId, role: 'lead' },
        ...partners.map((p) => ({ contractId: c.id, organisationId: p.organisationId, role: 'partner' as const })),
        // The bureau is a party when it pays a subsidy (三方合同).
        ...(bureau && split.subsidyYuan > 0 ? [{ contractId: c.id, organisationId: bureau.id, role: 'bureau' as const }] : []),
      ]);
      const amounts = tranches(amountYuan, 0, content.milestones.map((m) => m.sharePercent));
      await d.contracts.insertMilestones(
        tx,
        content.milestones.map((m, i) => ({ contractId: c.id, position: i + 1, title: m.title, deliverable: m.deliverable, dueMonth: m.dueMonth, trancheYuan: amounts[i]!, updatedAt: now })),
      );
      await audit(tx, systemCtx, 'drafted', c.id, null, { awardId: award.id, bidId, ...split });
      await notifyParties(tx, c, 'contract_drafted', `contract.drafted.${c.id}`);
    }
  }

  /** Whether the actor may see a contract: a member of a party, or an official. */
  async function access(ex: Executor, id: string, actor: Actor, opts: { forUpdate?: boolean } = {}) {
    const c = await d.contracts.find(ex, id, opts);
    if (!c) throw new NotFound('contract');
    const parties = await d.contracts.parties(ex, id);
    const mine = orgIdsOf(actor);
    // The bureau is a party through its officials only: its experts and admins are members of
    // the bureau organisation but have no business with contracts.
    if (!isOfficial(actor) && !parties.some((p) => p.party.role !== 'bureau' && mine.includes(p.party.organisationId))) throw new NotFound('contract');
    return { c, parties };
  }

  /**
   * The party an actor would sign for: an unsigned one whose organisation they manage (an
   * authorised member); officials sign for the bureau (one bureau per deployment).
   */
  function signsFor(actor: Actor, parties: Awaited<ReturnType<ContractsRepository['parties']>>) {
    return parties.find(
      (p) =>
        !p.party.signedAt &&
        (p.party.role === 'bureau' ? isOfficial(actor) : actor.memberships.some((m) => m.organisationId === p.party.organisationId && m.canManage)),
    );
  }

  async function view(ex: Executor, c: ContractRow, actor: Actor): Promise<ContractView> {
    const parties = await d.contracts.parties(ex, c.id);
    const signer = c.status === 'drafted' ? signsFor(actor, parties) : undefined;
    const events = (milestones: MilestoneRow[]) =>
      allowedEvents(contractLifecycle, c.status, actor.roles).filter((e) => {
        if (e === 'sign') return !!signer;
        if (e === 'edit_funding') return parties.every((p) => !p.party.signedAt);
        if (e === 'accept') return milestones.every((m) => m.status === 'confirmed');
        return e !== 'take_effect';
      });
    return contractView(ex, d.contracts, c, actor, {
      leadKind: await leadKind(ex, c.teamId),
      rule,
      signsFor: signer?.name ?? null,
      events,
      milestoneEvents: milestoneActions.eventsFor,
    });
  }

  async function get(id: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    const { c } = await access(d.db, id, actor);
    return view(d.db, c, actor);
  }

  async function list(status: ContractRow['status'] | undefined, ctx: Ctx) {
    const actor = requireActor(ctx);
    const rows = await d.contracts.list(d.db, { organisationIds: isOfficial(actor) ? 'all' : orgIdsOf(actor), status });
    const items = [];
    for (const r of rows) {
      const parties = r.contract.status === 'drafted' ? await d.contracts.parties(d.db, r.contract.id) : [];
      items.push({
        id: r.contract.id,
        title: r.contract.title,
        status: r.contract.status,
        publisherName: r.publisherName,
        teamName: r.teamName,
        amountYuan: r.contract.amountYuan,
        paidYuan: r.contract.paidYuan,
        signedAt: r.contract.signedAt?.toISOString() ?? null,
        nextDueOn: r.nextDueOn,
        overdue: r.overdue,
        awaitingMySignature: !!signsFor(actor, parties),
      });
    }
    return { items };
  }

  /** A change by an official (or a signature): loads, checks the table, runs `change` in one transaction. */
  async function change(id: string, ctx: Ctx, event: Parameters<typeof guardTransition<ContractRow['status'], (typeof contractLifecycle.events)[number]>>[2], run: (tx: Tx, c: ContractRow, actor: Actor) => Promise<ContractRow>) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { c } = await access(tx, id, actor, { forUpdate: true });
      guardTransition(contractLifecycle, c.status, event, actor.roles);
      const updated = await run(tx, c, actor);
      return view(tx, updated, actor);
    });
  }

  async function setFunding(id: string, body: z.infer<typeof fundingBody>, ctx: Ctx) {
    return change(id, ctx, 'edit_funding', async (tx, c) => {
      if ((await d.contracts.parties(tx, id)).some((p) => p.party.signedAt)) throw new Conflict('a party has signed; the funding can no longer change');
      const split = { amountYuan: c.amountYuan, enterpriseFundsYuan: body.enterpriseFundsYuan, subsidyYuan: body.subsidyYuan };
      const problems = fundingRuleProblems(split, await leadKind(tx, c.teamId), rule);
      if (problems.length) throw new ValidationError(problems.map((p) => ({ path: p.path, message: p.message })));
      if (body.firstTrancheYuan > c.amountYuan) throw ValidationError.field('firstTrancheYuan', 'the first tranche and the milestone tranches together exceed the contract amount');
      const ms = await d.contracts.milestones(tx, id);
      const shares = ms.map((m) => m.trancheYuan);
      const total = shares.reduce((a, b) => a + b, 0) || 1;
      const amounts = tranches(c.amountYuan, body.firstTrancheYuan, shares.map((s) => (s * 100) / total));
      for (const [i, m] of ms.entries()) await d.contracts.updateMilestone(tx, m.id, { trancheYuan: amounts[i]! });
      const updated = await d.contracts.update(tx, id, { ...body, updatedAt: d.clock.now() });
      await audit(tx, ctx, 'funding_set', id, { enterpriseFundsYuan: c.enterpriseFundsYuan, subsidyYuan: c.subsidyYuan, firstTrancheYuan: c.firstTrancheYuan }, body);
      return updated;
    });
  }

  /** A party's authorised member signs; the last signature makes the contract take effect. */
  async function sign(id: string, ctx: Ctx) {
    return change(id, ctx, 'sign', async (tx, c, actor) => {
      const party = signsFor(actor, await d.contracts.parties(tx, id));
      if (!party) throw new Forbidden('you do not sign for any party that has yet to sign');
      const now = d.clock.now();
      if (!(await d.contracts.sign(tx, id, party.party.organisationId, actor.id, now))) throw new Conflict('you do not sign for any party that has yet to sign');
      await audit(tx, ctx, 'signed', id, null, { organisationId: party.party.organisationId, role: party.party.role });
      if ((await d.contracts.parties(tx, id)).some((p) => !p.party.signedAt)) return d.contracts.update(tx, id, { updatedAt: now });
      return takeEffect(tx, c, now);
    });
  }

  /** 合同生效: due dates from the signing date, the first tranche paid, the schedule started. */
  async function takeEffect(tx: Tx, c: ContractRow, now: Date) {
    const t = guardTransition(contractLifecycle, c.status, 'take_effect', 'system');
    const signedOn = chinaDate(now);
    for (const m of await d.contracts.milestones(tx, c.id)) {
      const dueOn = addMonths(signedOn, m.dueMonth);
      await d.contracts.updateMilestone(tx, m.id, { dueOn, updatedAt: now });
      for (const job of milestoneSchedule(m.id, dueOn, now)) await enqueueJob(tx, job);
    }
    if (c.firstTrancheYuan > 0) await d.contracts.pay(tx, { contractId: c.id, milestoneId: null, amountYuan: c.firstTrancheYuan, paidOn: signedOn, confirmedBy: null });
    const updated = await d.contracts.update(tx, c.id, { status: t.to, signedAt: now, updatedAt: now });
    await audit(tx, systemCtx, 'took_effect', c.id, { status: c.status }, { status: t.to, signedOn });
    await notifyParties(tx, updated, 'contract_signed', `contract.signed.${c.id}`);
    return updated;
  }

  async function register(id: string, body: z.infer<typeof registrationBody>, ctx: Ctx) {
    return change(id, ctx, 'register', async (tx, c, actor) => {
      const updated = await d.contracts.update(tx, id, { registrationNo: body.registrationNo, registeredOn: body.registeredOn, registeredBy: actor.id, updatedAt: d.clock.now() });
      await audit(tx, ctx, 'registered', id, { registrationNo: c.registrationNo, registeredOn: c.registeredOn }, body);
      return updated;
    });
  }

  async function setBroker(id: string, body: z.infer<typeof brokerBody>, ctx: Ctx) {
    return change(id, ctx, 'set_broker', async (tx, c) => {
      if (body.userId && !(await d.contracts.userExists(tx, body.userId))) throw ValidationError.field('userId', 'no user has this id; leave it empty for a broker without an account');
      const updated = await d.contracts.update(tx, id, { brokerName: body.name, brokerUserId: body.userId, brokerIntroducedOn: body.introducedOn, updatedAt: d.clock.now() });
      await audit(tx, ctx, 'broker_set', id, { name: c.brokerName, userId: c.brokerUserId, introducedOn: c.brokerIntroducedOn }, body);
      return updated;
    });
  }

  /** 验收: every milestone confirmed; the grade and report close the contract; outcome prompts follow. */
  async function accept(id: string, body: z.infer<typeof acceptanceBody>, ctx: Ctx) {
    return change(id, ctx, 'accept', async (tx, c) => {
      const open = (await d.contracts.milestones(tx, id)).filter((m) => m.status !== 'confirmed');
      if (open.length) throw new Conflict('every milestone must be confirmed before acceptance');
      const now = d.clock.now();
      const updated = await d.contracts.update(tx, id, { status: 'completed', grade: body.grade, acceptanceReport: body.report, completedAt: now, updatedAt: now });
      await audit(tx, ctx, 'accepted', id, { status: c.status }, { status: 'completed', grade: body.grade });
      const today = chinaDate(now);
      for (const months of [6, 12] as const) await enqueueJob(tx, outcomePromptJob({ contractId: id, months }, chinaInstant(addMonths(today, months), 9)));
      await notifyParties(tx, updated, 'contract_completed', `contract.completed.${id}`, { grade: gradeLabel[body.grade] });
      return updated;
    });
  }

  /** 终止: excused (容错免责), or a credit penalty that bars the team from bidding for CREDIT_BAR_YEARS. */
  async function terminate(id: string, body: z.infer<typeof terminationBody>, ctx: Ctx) {
    return change(id, ctx, 'terminate', async (tx, c, actor) => {
      const now = d.clock.now();
      if (body.outcome === 'penalised') {
        const until = new Date(now);
        until.setUTCFullYear(until.getUTCFullYear() + d.config.CREDIT_BAR_YEARS);
        await d.contracts.penalise(tx, { organisationId: c.teamId, reason: `合同终止：${c.title}。${body.reason}`, barredUntil: until, createdBy: actor.id, createdAt: now });
      }
      const updated = await d.contracts.update(tx, id, { status: 'terminated', terminatedAt: now, terminationReason: body.reason, terminationOutcome: body.outcome, updatedAt: now });
      await audit(tx, ctx, 'terminated', id, { status: c.status }, { status: 'terminated', ...body });
      await notifyParties(tx, updated, 'contract_terminated', `contract.terminated.${id}`, { reason: body.reason });
      return updated;
    });
  }

  /** The 6- and 12-month job: opens the prompt once and asks the publisher. */
  async function promptOutcome(p: OutcomePromptPayload): Promise<'prompted' | 'skipped'> {
    return d.db.transaction(async (tx) => {
      const c = await d.contracts.find(tx, p.contractId, { forUpdate: true });
      if (!c || c.status !== 'completed') return 'skipped';
      if (!(await d.contracts.openOutcome(tx, c.id, p.months, d.clock.now()))) return 'skipped';
      await audit(tx, systemCtx, 'outcome_prompted', c.id, null, { months: p.months });
      await enqueueJob(
        tx,
        notifyJob({ kind: 'outcome_prompt', audience: { type: 'organisation', organisationId: c.publisherId }, refs: { challengeId: c.challengeId }, extra: { months: String(p.months) }, link: `/contracts/${c.id}`, cause: `contract.outcome.${c.id}.${p.months}` }),
      );
      return 'prompted';
    });
  }

  async function reportOutcome(id: string, months: number, body: z.infer<typeof outcomeBody>, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const { c, parties } = await access(tx, id, actor, { forUpdate: true });
      const publisherSide = parties.filter((p) => p.party.role === 'publisher').map((p) => p.party.organisationId);
      if (!actor.memberships.some((m) => publisherSide.includes(m.organisationId))) throw new Forbidden('the publisher reports how the result is used');
      const row = await d.contracts.answerOutcome(tx, id, months, { ...body, answeredBy: actor.id, answeredAt: d.clock.now() });
      if (!row) throw new Conflict('outcomes are reported 6 and 12 months after completion');
      await audit(tx, ctx, 'outcome_reported', id, null, { months, ...body });
      return view(tx, c, actor);
    });
  }

  const milestoneActions = createMilestoneActions({ ...d, access, view, audit });

  return {
    draftForAward,
    get,
    list,
    setFunding,
    sign,
    register,
    setBroker,
    accept,
    terminate,
    promptOutcome,
    reportOutcome,
    remind: (p: MilestoneReminderPayload) => milestoneActions.remind(p),
    milestones: milestoneActions,
  };
}
export type ContractsService = ReturnType<typeof createContractsService>;

const gradeLabel = { excellent: '优秀 / excellent', good: '良好 / good', pass: '合格 / pass', fail: '不合格 / fail' } as const;
