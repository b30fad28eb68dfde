import { z } from 'zod';
import type { invitationBody, organisationListQuery, verificationBody } from '../../../shared/contracts/organisations';
import { notifyJob } from '../../../jobs/contracts';
import { organisationVerificationLifecycle } from '../../../shared/lifecycles/organisation-verification';
import { rolesByOrganisationKind } from '../../../shared/roles';
import type { Config } from '../../config';
import type { Actor, Ctx } from '../../context';
import { requireActor, requireRole } from '../../context';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import type { Db, Tx } from '../../infra/database';
import { enqueueJob } from '../../infra/outbox';
import { newToken, sha256 } from '../../infra/tokens';
import { guardTransition } from '../../lifecycle-guard';
import type { NotificationsService } from '../notifications/service';
import type { OrganisationRow, OrganisationsRepository } from './repository';

export interface OrganisationsDeps {
  db: Db;
  clock: Clock;
  organisations: OrganisationsRepository;
  notifications: Pick<NotificationsService, 'queueMail'>;
  config: Pick<Config, 'INVITATION_DAYS' | 'publicUrl'>;
  /** A research team was verified: matching ranks the open challenges for it. */
  onTeamVerified?: (tx: Tx, organisationId: string) => Promise<void>;
}

const isStaff = (a: Actor) => a.roles.includes('official') || a.roles.includes('admin');
const membershipIn = (a: Actor, orgId: string) => a.memberships.find((m) => m.organisationId === orgId);

export function toSummary(o: OrganisationRow) {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    verification: o.verification,
    district: o.district,
    industry: o.industry,
    institution: o.institution,
    institutionKind: o.institutionKind,
    researchFields: o.researchFields,
    createdAt: o.createdAt.toISOString(),
  };
}

export function toDetail(o: OrganisationRow) {
  return {
    ...toSummary(o),
    creditCode: o.creditCode,
    description: o.description,
    rejectionReason: o.rejectionReason,
    verifiedAt: o.verifiedAt?.toISOString() ?? null,
  };
}

export function createOrganisationsService(d: OrganisationsDeps) {
  async function list(q: z.infer<typeof organisationListQuery>, ctx: Ctx) {
    requireRole(ctx, 'official', 'admin');
    const { items, total } = await d.organisations.list(d.db, q);
    return { items: items.map(toSummary), total };
  }

  async function get(id: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    const org = await d.organisations.findById(d.db, id);
    if (!org) throw new NotFound('organisation');
    if (!isStaff(actor) && !membershipIn(actor, id)) throw new Forbidden('only members and officials see an organisation’s record');
    return toDetail(org);
  }

  async function decide(id: string, body: z.infer<typeof verificationBody>, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const org = await d.organisations.findById(tx, id, { forUpdate: true });
      if (!org) throw new NotFound('organisation');
      const t = guardTransition(organisationVerificationLifecycle, org.verification, body.decision, actor.roles);
      const now = d.clock.now();
      const updated = await d.organisations.update(tx, id, {
        verification: t.to,
        verifiedAt: t.to === 'verified' ? now : null,
        verifiedBy: actor.id,
        rejectionReason: body.decision === 'reject' ? body.reason : null,
        updatedAt: now,
      });
      await appendAudit(tx, {
        at: now,
        actorId: actor.id,
        reqId: ctx.reqId,
        action: `organisation.${body.decision}`,
        entityType: 'organisation',
        entityId: id,
        before: { verification: org.verification },
        after: { verification: updated.verification, rejectionReason: updated.rejectionReason },
      });
      if (t.to === 'verified' && org.kind === 'team') await d.onTeamVerified?.(tx, id);
      // Each decision is its own cause (a rejected org may be resubmitted and decided again).
      const decisionNo = now.getTime();
      await enqueueJob(tx, notifyJob({
        kind: body.decision === 'verify' ? 'organisation_verified' : 'organisation_rejected',
        audience: { type: 'organisation', organisationId: id },
        refs: { organisationId: id },
        extra: body.decision === 'reject' ? { reason: body.reason } : {},
        link: '/organisation',
        cause: `organisation.${body.decision}.${id}.${decisionNo}`,
      }));
      return toDetail(updated);
    });
  }

  async function resubmit(id: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    const m = membershipIn(actor, id);
    if (!m?.canManage) throw new Forbidden('only a managing member may resubmit the organisation');
    return d.db.transaction(async (tx) => {
      const org = await d.organisations.findById(tx, id, { forUpdate: true });
      if (!org) throw new NotFound('organisation');
      const t = guardTransition(organisationVerificationLifecycle, org.verification, 'resubmit', actor.roles);
      const now = d.clock.now();
      const updated = await d.organisations.update(tx, id, { verification: t.to, updatedAt: now });
      await appendAudit(tx, { at: now, actorId: actor.id, reqId: ctx.reqId, action: 'organisation.resubmit', entityType: 'organisation', entityId: id, before: { verification: org.verification }, after: { verification: t.to } });
      return toDetail(updated);
    });
  }

  async function members(id: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    if (!isStaff(actor) && !membershipIn(actor, id)) throw new Forbidden('only members and officials see the member list');
    return { items: await d.organisations.members(d.db, id) };
  }

  async function invite(id: string, body: z.infer<typeof invitationBody>, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const org = await d.organisations.findById(tx, id);
      if (!org) throw new NotFound('organisation');
      const mayInvite = membershipIn(actor, id)?.canManage || (org.kind === 'bureau' && actor.roles.includes('admin'));
      if (!mayInvite) throw new Forbidden('only a managing member may invite');
      if (!rolesByOrganisationKind[org.kind].includes(body.role)) {
        throw ValidationError.field('role', `a ${org.kind} can only have ${rolesByOrganisationKind[org.kind].join(', ')} members`);
      }
      const existing = await d.organisations.members(tx, id);
      if (existing.some((m) => m.email === body.email)) throw new Conflict('already a member', [{ path: 'email', message: 'already a member' }]);
      const token = newToken();
      const now = d.clock.now();
      const expiresAt = new Date(now.getTime() + d.config.INVITATION_DAYS * 86_400_000);
      const inv = await d.organisations.insertInvitation(tx, {
        organisationId: id,
        email: body.email,
        role: body.role,
        tokenHash: sha256(token),
        invitedBy: actor.id,
        expiresAt,
        createdAt: now,
      });
      await appendAudit(tx, { at: now, actorId: actor.id, reqId: ctx.reqId, action: 'invitation.created', entityType: 'organisation', entityId: id, after: { invitationId: inv.id, email: body.email, role: body.role } });
      const link = `${d.config.publicUrl}/register?invitation=${token}`;
      // The invitee has no account yet, so no locale: the mail is bilingual.
      await d.notifications.queueMail(tx, {
        userId: null,
        to: body.email,
        subject: `邀请加入 ${org.name} / Invitation to join ${org.name}`,
        body: `${actor.name} 邀请您加入“${org.name}”。请在 ${d.config.INVITATION_DAYS} 天内打开以下链接完成注册：\n${link}\n\n${actor.name} invites you to join ${org.name}. Open this link within ${d.config.INVITATION_DAYS} days to register:\n${link}`,
        dedupeKey: `invitation.${inv.id}`,
      });
      return { id: inv.id, email: inv.email, role: inv.role, expiresAt: expiresAt.toISOString(), link };
    });
  }

  return { list, get, decide, resubmit, members, invite };
}
export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
