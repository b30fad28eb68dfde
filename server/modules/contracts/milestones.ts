import type { z } from 'zod';
import { milestoneReminderJob, notifyJob, type MilestoneReminderPayload } from '../../../jobs/contracts';
import { addMonths, chinaDate, daysBetween } from '../../../shared/calendar';
import type { ContractView, evidenceBody, extensionDecisionBody, extensionRequestBody } from '../../../shared/contracts/contracts';
import { allowedEvents } from '../../../shared/lifecycle';
import { milestoneLifecycle, settledMilestoneStates, type MilestoneEvent } from '../../../shared/lifecycles/milestone';
import type { Actor, Ctx } from '../../context';
import { requireActor, requireRole, systemCtx } from '../../context';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../errors';
import type { Clock } from '../../infra/clock';
import { pgErrorCode, type Db, type Executor, type Tx } from '../../infra/database';
import { enqueueJob } from '../../infra/outbox';
import { guardTransition } from '../../lifecycle-guard';
import { isOfficial } from '../challenges/views';
import type { StoredFile } from '../attachments/service';
import type { ContractRow, ContractsRepository, MilestoneRow } from './repository';
import { milestoneSchedule, reminderRunAt } from './schedule';

type Parties = Awaited<ReturnType<ContractsRepository['parties']>>;

export interface MilestoneDeps {
  db: Db;
  clock: Clock;
  contracts: ContractsRepository;
  access(ex: Executor, id: string, actor: Actor, opts?: { forUpdate?: boolean }): Promise<{ c: ContractRow; parties: Parties }>;
  view(ex: Executor, c: ContractRow, actor: Actor): Promise<ContractView>;
  audit(tx: Tx, ctx: Ctx, action: string, id: string, before: unknown, after: unknown): Promise<unknown>;
}

/** Who a viewer is on a contract: the team that delivers, the publisher side that accepts, or neither. */
function sideOf(actor: Actor, parties: { organisationId: string; role: string }[]): 'team' | 'publisher' | null {
  const mine = (roles: string[]) => parties.some((p) => roles.includes(p.role) && actor.memberships.some((m) => m.organisationId === p.organisationId));
  if (mine(['lead'])) return 'team';
  if (mine(['publisher'])) return 'publisher';
  return null;
}

/** 节点考核: evidence, review, confirmation into the ledger, extensions, and the due-date schedule. */
export function createMilestoneActions(d: MilestoneDeps) {
  /** What the viewer may do with a milestone now: the table narrowed by their side and the data. */
  function eventsFor(actor: Actor, c: ContractRow, parties: { organisationId: string; role: string }[], m: MilestoneRow): string[] {
    if (c.status !== 'signed') return [];
    const side = sideOf(actor, parties);
    return allowedEvents(milestoneLifecycle, m.status, actor.roles).filter((e) => {
      if (e === 'submit' || e === 'request_extension') return side === 'team' && (e === 'submit' || (!m.originalDueOn && !m.extensionRequestedOn));
      if (e === 'return' || e === 'approve') return side === 'publisher';
      if (e === 'extend' || e === 'decline_extension') return isOfficial(actor) && !!m.extensionRequestedOn;
      return isOfficial(actor);
    });
  }

  const notify = (tx: Tx, c: ContractRow, kind: Parameters<typeof notifyJob>[0]['kind'], audience: Parameters<typeof notifyJob>[0]['audience'], cause: string, extra: Record<string, string>) =>
    enqueueJob(tx, notifyJob({ kind, audience, refs: { challengeId: c.challengeId }, extra, link: `/contracts/${c.id}`, cause }));
  const officials = { type: 'role', role: 'official' } as const;
  const org = (organisationId: string) => ({ type: 'organisation', organisationId }) as const;

  /** Loads a milestone for a change the lifecycle table allows this actor, on a signed contract. */
  async function change(id: string, ctx: Ctx, event: MilestoneEvent, run: (tx: Tx, m: MilestoneRow, c: ContractRow, actor: Actor) => Promise<void>) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const m = await d.contracts.milestone(tx, id, { forUpdate: true });
      if (!m) throw new NotFound('milestone');
      const { c, parties } = await d.access(tx, m.contractId, actor);
      guardTransition(milestoneLifecycle, m.status, event, actor.roles);
      if (c.status !== 'signed') throw new Conflict('the contract must be signed first');
      if (!eventsFor(actor, c, parties.map((p) => ({ organisationId: p.party.organisationId, role: p.party.role })), m).includes(event)) {
        throw new Forbidden(event === 'submit' || event === 'request_extension' ? 'the contracted team does this' : event === 'return' || event === 'approve' ? 'the publisher reviews the evidence' : 'an official does this');
      }
      await run(tx, m, c, actor);
      return d.view(tx, (await d.contracts.find(tx, c.id))!, actor);
    });
  }

  async function submitEvidence(id: string, body: z.infer<typeof evidenceBody>, ctx: Ctx) {
    return change(id, ctx, 'submit', async (tx, m, c, actor) => {
      const files = await d.contracts.files(tx, id, body.fileIds);
      if (files.length !== new Set(body.fileIds).size) throw ValidationError.field('fileIds', 'attach files uploaded for this milestone');
      const now = d.clock.now();
      await d.contracts.insertEvidence(tx, {
        milestoneId: id,
        text: body.text,
        attachments: files.map((f) => ({ id: f.id, fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, sha256: f.sha256 })),
        submittedBy: actor.id,
        submittedAt: now,
      });
      await d.contracts.updateMilestone(tx, id, { status: 'submitted', updatedAt: now });
      await d.audit(tx, ctx, 'milestone_submitted', c.id, { milestoneId: id, status: m.status }, { status: 'submitted', files: files.map((f) => f.sha256) });
      await notify(tx, c, 'milestone_submitted', org(c.publisherId), `milestone.submitted.${id}.${now.getTime()}`, { milestone: m.title });
    });
  }

  async function returnEvidence(id: string, comments: string, ctx: Ctx) {
    return change(id, ctx, 'return', async (tx, m, c) => {
      const now = d.clock.now();
      await d.contracts.updateMilestone(tx, id, { status: 'returned', reviewComment: comments, updatedAt: now });
      await d.audit(tx, ctx, 'milestone_returned', c.id, { milestoneId: id, status: m.status }, { status: 'returned', comments });
      await notify(tx, c, 'milestone_returned', org(c.teamId), `milestone.returned.${id}.${now.getTime()}`, { milestone: m.title, comments });
    });
  }

  async function approve(id: string, ctx: Ctx) {
    return change(id, ctx, 'approve', async (tx, m, c) => {
      await d.contracts.updateMilestone(tx, id, { status: 'approved', updatedAt: d.clock.now() });
      await d.audit(tx, ctx, 'milestone_approved', c.id, { milestoneId: id, status: m.status }, { status: 'approved' });
      await notify(tx, c, 'milestone_approved', officials, `milestone.approved.${id}`, { milestone: m.title });
    });
  }

  /** Confirmation pays the tranche into the ledger; the database refuses to overpay the contract. */
  async function confirm(id: string, ctx: Ctx) {
    try {
      return await change(id, ctx, 'confirm', async (tx, m, c, actor) => {
        const now = d.clock.now();
        await d.contracts.updateMilestone(tx, id, { status: 'confirmed', overdueSince: null, updatedAt: now });
        if (m.trancheYuan > 0) await d.contracts.pay(tx, { contractId: c.id, milestoneId: id, amountYuan: m.trancheYuan, paidOn: chinaDate(now), confirmedBy: actor.id });
        await d.audit(tx, ctx, 'milestone_confirmed', c.id, { milestoneId: id, status: m.status }, { status: 'confirmed', paidYuan: m.trancheYuan });
        await notify(tx, c, 'milestone_paid', org(c.teamId), `milestone.paid.${id}.team`, { milestone: m.title, amount: String(m.trancheYuan) });
        await notify(tx, c, 'milestone_paid', org(c.publisherId), `milestone.paid.${id}.publisher`, { milestone: m.title, amount: String(m.trancheYuan) });
      });
    } catch (err) {
      // 23514: the contracts CHECK (paid within the amount); 23505: this milestone was paid already.
      const code = pgErrorCode(err);
      if (code === '23514') throw new Conflict('paying this tranche would exceed the contract amount');
      if (code === '23505') throw new Conflict('this milestone was confirmed a moment ago');
      throw err;
    }
  }

  async function requestExtension(id: string, body: z.infer<typeof extensionRequestBody>, ctx: Ctx) {
    return change(id, ctx, 'request_extension', async (tx, m, c, actor) => {
      if (m.originalDueOn) throw new Conflict('this milestone was already extended once');
      if (m.extensionRequestedOn) throw new Conflict('an extension request is already open');
      if (!m.dueOn || body.newDueOn <= m.dueOn) throw ValidationError.field('newDueOn', 'the new due date must be later than the current one');
      if (body.newDueOn > addMonths(m.dueOn, 12)) throw ValidationError.field('newDueOn', 'an extension is at most 12 months past the original due date');
      await d.contracts.updateMilestone(tx, id, { extensionRequestedOn: body.newDueOn, extensionRequestReason: body.reason, extensionRequestedBy: actor.id, extensionDeclinedReason: null, updatedAt: d.clock.now() });
      await d.audit(tx, ctx, 'extension_requested', c.id, { milestoneId: id, dueOn: m.dueOn }, body);
      await notify(tx, c, 'extension_requested', officials, `milestone.extension.${id}`, { milestone: m.title, due: body.newDueOn });
    });
  }

  /** An official approves the one extension (the schedule starts again for the new date) or declines it. */
  async function decideExtension(id: string, body: z.infer<typeof extensionDecisionBody>, ctx: Ctx) {
    return change(id, ctx, body.decision === 'approve' ? 'extend' : 'decline_extension', async (tx, m, c, actor) => {
      const now = d.clock.now();
      if (!m.extensionRequestedOn) throw new Conflict('no extension request is open');
      if (body.decision === 'approve') {
        const dueOn = m.extensionRequestedOn;
        await d.contracts.updateMilestone(tx, id, {
          originalDueOn: m.dueOn,
          dueOn,
          extensionReason: m.extensionRequestReason,
          extendedBy: actor.id,
          extendedAt: now,
          extensionRequestedOn: null,
          extensionRequestReason: null,
          overdueSince: null,
          updatedAt: now,
        });
        for (const job of milestoneSchedule(id, dueOn, now)) await enqueueJob(tx, job);
        await d.audit(tx, ctx, 'extended', c.id, { milestoneId: id, dueOn: m.dueOn }, { dueOn, reason: m.extensionRequestReason });
      } else {
        await d.contracts.updateMilestone(tx, id, { extensionRequestedOn: null, extensionRequestReason: null, extensionDeclinedReason: body.reason, updatedAt: now });
        await d.audit(tx, ctx, 'extension_declined', c.id, { milestoneId: id }, { reason: body.reason });
      }
      const decision = body.decision === 'approve' ? '已批准 / approved' : '未批准 / declined';
      await notify(tx, c, 'extension_decided', org(c.teamId), `milestone.extension.decided.${id}`, { milestone: m.title, decision });
    });
  }

  /**
   * The schedule job. Idempotent and stale-safe: it claims its (milestone, kind, due date)
   * before notifying, in one transaction, so a second run or a run after a crash sends
   * nothing twice; a job for an old due date (after an extension), a settled milestone or a
   * contract no longer running does nothing.
   */
  async function remind(p: MilestoneReminderPayload): Promise<'sent' | 'skipped'> {
    return d.db.transaction(async (tx) => {
      const m = await d.contracts.milestone(tx, p.milestoneId, { forUpdate: true });
      if (!m || m.dueOn !== p.dueOn || settledMilestoneStates.includes(m.status)) return 'skipped';
      const c = (await d.contracts.find(tx, m.contractId))!;
      if (c.status !== 'signed') return 'skipped';
      const now = d.clock.now();
      const key = p.kind === 'escalate' ? `escalate-${p.week}` : p.kind;
      if (!(await d.contracts.claimReminder(tx, m.id, key, p.dueOn, now))) return 'skipped';
      const extra = { milestone: m.title, due: p.dueOn };
      if (p.kind === 'remind-14' || p.kind === 'remind-3') {
        await notify(tx, c, 'milestone_reminder', org(c.teamId), `milestone.${key}.${m.id}.${p.dueOn}`, { ...extra, days: String(Math.max(0, daysBetween(chinaDate(now), p.dueOn))) });
        return 'sent';
      }
      if (p.kind === 'due') {
        await d.contracts.updateMilestone(tx, m.id, { overdueSince: p.dueOn, updatedAt: now });
        await d.audit(tx, systemCtx, 'milestone_overdue', c.id, { milestoneId: m.id }, { overdueSince: p.dueOn });
        await notify(tx, c, 'milestone_overdue', org(c.publisherId), `milestone.due.${m.id}.${p.dueOn}.publisher`, extra);
        await notify(tx, c, 'milestone_overdue', officials, `milestone.due.${m.id}.${p.dueOn}.officials`, extra);
      } else {
        const weeks = String(p.week);
        await notify(tx, c, 'milestone_escalation', officials, `milestone.${key}.${m.id}.${p.dueOn}.officials`, { ...extra, weeks });
        await notify(tx, c, 'milestone_escalation', org(c.publisherId), `milestone.${key}.${m.id}.${p.dueOn}.publisher`, { ...extra, weeks });
      }
      // Weekly while overdue: the next escalation is scheduled by this one.
      const week = p.kind === 'due' ? 1 : p.week + 1;
      await enqueueJob(tx, milestoneReminderJob({ milestoneId: m.id, kind: 'escalate', dueOn: p.dueOn, week }, reminderRunAt(p.dueOn, 'escalate', week)));
      return 'sent';
    });
  }

  /** Evidence files: the team uploads while it may submit; parties and officials may read them. */
  const files = {
    async assertCanAttach(milestoneId: string, ctx: Ctx) {
      const actor = requireActor(ctx);
      const m = await d.contracts.milestone(d.db, milestoneId);
      if (!m) throw new NotFound('milestone');
      const { c, parties } = await d.access(d.db, m.contractId, actor);
      if (!eventsFor(actor, c, parties.map((p) => ({ organisationId: p.party.organisationId, role: p.party.role })), m).includes('submit')) throw new Forbidden('the contracted team does this');
    },
    async record(milestoneId: string, file: StoredFile, ctx: Ctx) {
      const actor = requireActor(ctx);
      return d.db.transaction(async (tx) => {
        const m = (await d.contracts.milestone(tx, milestoneId, { forUpdate: true }))!;
        const row = await d.contracts.insertFile(tx, { milestoneId, ...file, uploadedBy: actor.id, createdAt: d.clock.now() });
        await d.audit(tx, ctx, 'milestone_file_added', m.contractId, null, { milestoneId, fileId: row.id, fileName: row.fileName, sha256: row.sha256 });
        return { id: row.id, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256: row.sha256 };
      });
    },
    async find(milestoneId: string, fileId: string, ctx: Ctx) {
      const actor = requireActor(ctx);
      const m = await d.contracts.milestone(d.db, milestoneId);
      if (!m) throw new NotFound('milestone');
      await d.access(d.db, m.contractId, actor);
      const row = await d.contracts.file(d.db, milestoneId, fileId);
      if (!row) throw new NotFound('file');
      return row;
    },
  };

  async function board(ctx: Ctx) {
    requireRole(ctx, 'official');
    const rows = await d.contracts.board(d.db);
    return {
      items: rows.map((r) => ({
        milestoneId: r.milestone.id,
        contractId: r.milestone.contractId,
        contractTitle: r.contractTitle,
        teamName: r.teamName,
        publisherName: r.publisherName,
        title: r.milestone.title,
        dueOn: r.milestone.dueOn,
        status: r.milestone.status,
        overdueSince: r.milestone.overdueSince,
        trancheYuan: r.milestone.trancheYuan,
      })),
    };
  }

  return { eventsFor, submitEvidence, returnEvidence, approve, confirm, requestExtension, decideExtension, remind, files, board };
}
