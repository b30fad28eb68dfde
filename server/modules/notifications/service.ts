import type { Audience, NotifyPayload } from '../../../jobs/contracts';
import { jobIds } from '../../../jobs/contracts';
import { renderNotification } from '../../../shared/notification-kinds';
import type { Ctx } from '../../context';
import { requireActor } from '../../context';
import { NotFound } from '../../errors';
import type { Clock } from '../../infra/clock';
import type { Db, Executor } from '../../infra/database';
import type { Mailer } from '../../infra/mailer';
import { enqueueJob } from '../../infra/outbox';
import type { AccountsRepository } from '../accounts/repository';
import type { OrganisationsRepository } from '../organisations/repository';
import type { NotificationsRepository } from './repository';

export interface NotificationsDeps {
  db: Db;
  clock: Clock;
  mailer: Pick<Mailer, 'transport' | 'deliver'>;
  notifications: NotificationsRepository;
  organisations: OrganisationsRepository;
  accounts: AccountsRepository;
  publicUrl: string;
  challengeTitle(ex: Executor, id: string): Promise<string | undefined>;
}

export function createNotificationsService(d: NotificationsDeps) {
  async function audienceUserIds(ex: Executor, a: Audience): Promise<string[]> {
    if (a.type === 'role') return d.organisations.userIdsWithRole(ex, a.role);
    if (a.type === 'organisation') return d.organisations.userIdsOf(ex, a.organisationId);
    return [a.userId];
  }

  async function displayParams(ex: Executor, p: NotifyPayload): Promise<Record<string, string>> {
    const params: Record<string, string> = { ...p.extra };
    if (p.refs.organisationId) params.organisation = (await d.organisations.findById(ex, p.refs.organisationId))?.name ?? '';
    if (p.refs.userId) params.member = (await d.accounts.findUserById(ex, p.refs.userId))?.name ?? '';
    if (p.refs.challengeId) params.challenge = (await d.challengeTitle(ex, p.refs.challengeId)) ?? '';
    return params;
  }

  /** Stores a mail and schedules its delivery, in the caller's transaction. */
  async function queueMail(tx: Executor, m: { userId: string | null; to: string; subject: string; body: string; dedupeKey: string }) {
    const row = await d.notifications.insertMail(tx, { ...m, transport: d.mailer.transport, createdAt: d.clock.now() });
    if (row) await enqueueJob(tx, { queue: 'mail', name: 'send', jobId: jobIds.mail(row.id), payload: { mailId: row.id } });
  }

  /**
   * The notify job's work. Idempotent: notifications are keyed by cause and user, and mails
   * are only queued for notifications this run created, so a retried job adds nothing.
   */
  async function deliver(p: NotifyPayload): Promise<number> {
    return d.db.transaction(async (tx) => {
      const userIds = await audienceUserIds(tx, p.audience);
      const params = await displayParams(tx, p);
      const now = d.clock.now();
      const created = await d.notifications.insertMany(
        tx,
        userIds.map((userId) => ({ userId, kind: p.kind, params, link: p.link, dedupeKey: `${p.cause}.${userId}`, createdAt: now })),
      );
      const recipients = new Map((await d.notifications.recipients(tx, created.map((n) => n.userId))).map((r) => [r.id, r]));
      for (const n of created) {
        const r = recipients.get(n.userId);
        if (!r) continue;
        const text = renderNotification(n.kind, params, r.locale);
        const link = n.link ? `\n\n${d.publicUrl}${n.link}` : '';
        await queueMail(tx, { userId: r.id, to: r.email, subject: text.title, body: `${text.body}${link}`, dedupeKey: `notification.${n.id}` });
      }
      return created.length;
    });
  }

  /** The mail job's work: hand a stored mail to the transport once. */
  async function sendMail(mailId: string): Promise<'sent' | 'already_sent' | 'missing'> {
    const mail = await d.notifications.findMail(d.db, mailId);
    if (!mail) return 'missing';
    if (mail.sentAt) return 'already_sent';
    try {
      await d.mailer.deliver({ id: mail.id, to: mail.to, subject: mail.subject, body: mail.body });
    } catch (err) {
      await d.notifications.markMailFailed(d.db, mail.id, (err as Error).message);
      throw err;
    }
    await d.notifications.markMailSent(d.db, mail.id, d.clock.now());
    return 'sent';
  }

  async function list(ctx: Ctx) {
    const actor = requireActor(ctx);
    const { items, unread } = await d.notifications.listForUser(d.db, actor.id, 50);
    return {
      unread,
      items: items.map((n) => ({
        id: n.id,
        kind: n.kind,
        params: n.params,
        link: n.link,
        readAt: n.readAt?.toISOString() ?? null,
        createdAt: n.createdAt.toISOString(),
      })),
    };
  }

  async function markRead(id: string | null, ctx: Ctx): Promise<void> {
    const actor = requireActor(ctx);
    if (id && !(await d.notifications.exists(d.db, actor.id, id))) throw new NotFound('notification');
    await d.notifications.markRead(d.db, actor.id, id, d.clock.now());
  }

  /** Officials and admins see every stored mail (the bureau's outgoing mailbox); others their own. */
  async function listMails(q: { limit: number; offset: number }, ctx: Ctx) {
    const actor = requireActor(ctx);
    // Everyone reads their own mail only: other people's mail names sealed bids and receipts.
    const { items, total } = await d.notifications.listMails(d.db, { ...q, userId: actor.id });
    return {
      total,
      items: items.map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        body: m.body,
        transport: m.transport,
        sentAt: m.sentAt?.toISOString() ?? null,
        createdAt: m.createdAt.toISOString(),
      })),
    };
  }

  return { deliver, sendMail, queueMail, list, markRead, listMails };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
