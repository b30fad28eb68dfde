import { jobIds } from '../../../jobs/contracts';
import type { Locale } from '../../../shared/roles';
import type { Config } from '../../config';
import type { Ctx } from '../../context';
import { ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import type { Db, Tx } from '../../infra/database';
import { enqueueJob } from '../../infra/outbox';
import type { PasswordHasher } from '../../infra/password-hasher';
import { newToken, sha256 } from '../../infra/tokens';
import type { NotificationsRepository } from '../notifications/repository';
import type { PasswordResetRepository } from './password-reset-repository';
import type { AccountsRepository, UserRow } from './repository';

export interface PasswordResetDeps {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  accounts: AccountsRepository;
  resets: PasswordResetRepository;
  notifications: Pick<NotificationsRepository, 'insertMail'>;
  config: Pick<Config, 'publicUrl' | 'SMTP_URL'>;
}

const minute = 60_000;
/** A reset link works for an hour: long enough to find the mail, short enough that an old mailbox is no key. */
export const resetTokenMinutes = 60;
/** One mail a minute per account at most: the per-IP rate limit alone would let many IPs flood one inbox. */
const resendAfterMs = minute;

const mailText: Record<Locale, { subject: string; body: (link: string) => string; doneSubject: string; doneBody: string }> = {
  'zh-CN': {
    subject: '重置您的揭榜挂帅平台密码',
    body: (link) => `我们收到了重置您账号密码的请求。请在 ${resetTokenMinutes} 分钟内打开以下链接设置新密码（链接只能使用一次）：\n${link}\n\n如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。`,
    doneSubject: '您的揭榜挂帅平台密码已重置',
    doneBody: '您的账号密码刚刚通过邮件链接重置，所有已登录的设备均已退出。如果这不是您本人的操作，请立即联系科技局。',
  },
  en: {
    subject: 'Reset your Jiebang password',
    body: (link) => `We received a request to reset the password of your account. Open this link within ${resetTokenMinutes} minutes to set a new password (it works once):\n${link}\n\nIf you did not ask for this, ignore this mail; your password stays as it is.`,
    doneSubject: 'Your Jiebang password was reset',
    doneBody: 'The password of your account was just reset through an e-mailed link, and every device was logged out. If this was not you, contact the bureau at once.',
  },
};

/**
 * Password reset by e-mail. The request answers the same for any address, so it does not tell
 * who has an account; the link carries a 256-bit token whose hash alone is stored; using it
 * sets the password, ends every session of the user (whoever knew the old password is out)
 * and lifts a lockout (the mailbox proved who this is).
 */
export function createPasswordResetService(d: PasswordResetDeps) {
  /**
   * Stores a mail and schedules its delivery: what notifications' queueMail does. The job
   * payload is the mail's id only; the address and the link stay in the mails table.
   */
  async function queueMail(tx: Tx, user: UserRow, subject: string, body: string, dedupeKey: string) {
    const transport = d.config.SMTP_URL ? 'smtp' : 'store';
    const row = await d.notifications.insertMail(tx, { userId: user.id, to: user.email, subject, body, dedupeKey, transport, createdAt: d.clock.now() });
    if (row) await enqueueJob(tx, { queue: 'mail', name: 'send', jobId: jobIds.mail(row.id), payload: { mailId: row.id } });
  }

  async function request(email: string, ctx: Ctx): Promise<void> {
    const user = await d.accounts.findUserByEmail(d.db, email);
    if (!user) return;
    await d.db.transaction(async (tx) => {
      // Serialise requests for one account so the resend check below cannot be raced.
      await d.accounts.lockUser(tx, user.id);
      const now = d.clock.now();
      const latest = await d.resets.latestForUser(tx, user.id);
      if (latest && now.getTime() - latest.createdAt.getTime() < resendAfterMs) return;
      await d.resets.retireUnused(tx, user.id, now);
      const token = newToken();
      const row = await d.resets.insert(tx, { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + resetTokenMinutes * minute), createdAt: now });
      // The token travels in the #fragment: browsers never send it to the server, so it
      // cannot end up in access logs, proxies or a Referer header.
      const link = `${d.config.publicUrl}/password-reset/new#token=${token}`;
      const text = mailText[user.locale];
      await queueMail(tx, user, text.subject, text.body(link), `password_reset.${row.id}`);
      await appendAudit(tx, { at: now, actorId: null, reqId: ctx.reqId, action: 'user.password_reset_requested', entityType: 'user', entityId: user.id, after: { resetId: row.id, expiresAt: row.expiresAt } });
    });
  }

  async function reset(token: string, password: string, ctx: Ctx): Promise<void> {
    const invalid = () => ValidationError.field('token', 'this reset link is unknown, used or expired; ask for a new one');
    const found = await d.resets.findByTokenHash(d.db, sha256(token));
    if (!found || found.usedAt || found.expiresAt <= d.clock.now()) throw invalid();
    const passwordHash = await d.hasher.hash(password);
    await d.db.transaction(async (tx) => {
      const now = d.clock.now();
      if (found.expiresAt <= now || !(await d.resets.markUsed(tx, found.id, now))) throw invalid();
      const user = await d.accounts.findUserById(tx, found.userId);
      if (!user) throw invalid();
      await d.accounts.updateUser(tx, user.id, { passwordHash, failedLogins: 0, lockedUntil: null });
      await d.resets.retireUnused(tx, user.id, now);
      const sessionsEnded = await d.resets.deleteSessionsOfUser(tx, user.id);
      await appendAudit(tx, { at: now, actorId: user.id, reqId: ctx.reqId, action: 'user.password_reset', entityType: 'user', entityId: user.id, after: { resetId: found.id, sessionsEnded } });
      const text = mailText[user.locale];
      await queueMail(tx, user, text.doneSubject, text.doneBody, `password_reset.done.${found.id}`);
    });
  }

  return { request, reset };
}
export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
