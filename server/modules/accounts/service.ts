import type { CurrentUser, Membership, RegisterBody } from '../../../shared/contracts/auth';
import type { Locale } from '../../../shared/roles';
import { notifyJob } from '../../../jobs/contracts';
import type { Config } from '../../config';
import type { Ctx } from '../../context';
import { requireActor } from '../../context';
import { AppError, Conflict, NotFound, ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import { uniqueViolation, type Db, type Executor } from '../../infra/database';
import { enqueueJob } from '../../infra/outbox';
import type { PasswordHasher } from '../../infra/password-hasher';
import { newToken, sha256 } from '../../infra/tokens';
import type { NotificationsRepository } from '../notifications/repository';
import type { OrganisationsRepository } from '../organisations/repository';
import { createPasswordResetService } from './password-reset';
import { createPasswordResetRepository } from './password-reset-repository';
import type { AccountsRepository, UserRow } from './repository';

export interface AccountsDeps {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  accounts: AccountsRepository;
  organisations: OrganisationsRepository;
  /** Where password reset mails are stored for delivery (the mails table and the mail queue). */
  notifications: Pick<NotificationsRepository, 'insertMail'>;
  config: Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_MAX_DAYS' | 'LOCKOUT_THRESHOLD' | 'LOCKOUT_MINUTES' | 'publicUrl' | 'SMTP_URL'>;
}

export interface SessionGrant {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: CurrentUser;
}

const minute = 60_000;

export function createAccountsService(d: AccountsDeps) {
  // Verifying against a real hash when the e-mail is unknown keeps log-in time the same,
  // so response times do not reveal which addresses have accounts.
  const dummyHash = d.hasher.hash('not-a-real-password-0');
  const passwordReset = createPasswordResetService({ ...d, resets: createPasswordResetRepository() });

  async function currentUser(ex: Executor, user: UserRow): Promise<CurrentUser> {
    return currentUserOf(user, await d.accounts.membershipsOf(ex, user.id));
  }

  function currentUserOf(user: UserRow, memberships: Membership[]): CurrentUser {
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      locale: user.locale,
      roles: [...new Set(memberships.map((m) => m.role))],
      memberships,
    };
  }

  async function openSession(ex: Executor, user: UserRow): Promise<SessionGrant> {
    const token = newToken();
    const csrfToken = newToken();
    const now = d.clock.now();
    const expiresAt = new Date(now.getTime() + d.config.SESSION_MAX_DAYS * 24 * 60 * minute);
    await d.accounts.insertSession(ex, { id: sha256(token), userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
    return { token, csrfToken, expiresAt, user: await currentUser(ex, user) };
  }

  /** `previousToken`: the session the browser held, ended so a registration also rotates the session. */
  async function register(body: RegisterBody, ctx: Ctx, previousToken?: string | null): Promise<SessionGrant> {
    const passwordHash = await d.hasher.hash(body.person.password);
    const now = d.clock.now();
    try {
      return await d.db.transaction(async (tx) => {
        if (await d.accounts.findUserByEmail(tx, body.person.email)) {
          throw new Conflict('this e-mail is already registered', [{ path: 'person.email', message: 'already registered; log in instead' }]);
        }
        const user = await d.accounts.insertUser(tx, {
          email: body.person.email,
          name: body.person.name,
          phone: body.person.phone ?? null,
          locale: body.person.locale,
          passwordHash,
          createdAt: now,
        });
        const audit = { at: now, actorId: user.id, reqId: ctx.reqId };
        await appendAudit(tx, { ...audit, action: 'user.registered', entityType: 'user', entityId: user.id, after: { email: user.email, name: user.name } });

        if (body.mode === 'organisation') {
          const o = body.organisation;
          if (o.kind === 'enterprise' && (await d.organisations.findByCreditCode(tx, o.creditCode))) {
            throw new Conflict('an organisation with this credit code is already registered', [
              { path: 'organisation.creditCode', message: 'already registered; ask a member of that organisation to invite you' },
            ]);
          }
          const org = await d.organisations.insert(tx, {
            kind: o.kind,
            name: o.name,
            district: o.district,
            ...(o.kind === 'enterprise'
              ? { creditCode: o.creditCode, industry: o.industry }
              : { institution: o.institution, institutionKind: o.institutionKind, researchFields: o.researchFields, description: o.description }),
            verification: 'pending',
            createdAt: now,
            updatedAt: now,
          });
          const role = o.kind === 'enterprise' ? 'enterprise_member' : 'team_member';
          await d.organisations.insertMembership(tx, { userId: user.id, organisationId: org.id, role, canManage: true, createdAt: now });
          await appendAudit(tx, { ...audit, action: 'organisation.registered', entityType: 'organisation', entityId: org.id, after: org });
          await enqueueJob(tx, notifyJob({
            kind: 'organisation_registered',
            audience: { type: 'role', role: 'official' },
            refs: { organisationId: org.id },
            extra: {},
            link: `/officials/verification/${org.id}`,
            cause: `organisation.registered.${org.id}`,
          }));
        } else {
          const found = await d.accounts.findInvitationByTokenHash(tx, sha256(body.invitationToken));
          if (!found || found.invitation.acceptedAt || found.invitation.expiresAt < now) {
            throw ValidationError.field('invitationToken', 'this invitation is unknown, used or expired; ask for a new one');
          }
          if (found.invitation.email !== body.person.email) {
            throw ValidationError.field('person.email', 'use the e-mail address the invitation was sent to');
          }
          if (!(await d.accounts.acceptInvitation(tx, found.invitation.id, now))) {
            throw ValidationError.field('invitationToken', 'this invitation has just been used');
          }
          const { organisation } = found;
          await d.organisations.insertMembership(tx, { userId: user.id, organisationId: organisation.id, role: found.invitation.role, canManage: false, createdAt: now });
          await appendAudit(tx, {
            ...audit,
            action: 'membership.created',
            entityType: 'organisation',
            entityId: organisation.id,
            after: { userId: user.id, role: found.invitation.role, invitationId: found.invitation.id },
          });
          await enqueueJob(tx, notifyJob({
            kind: 'member_joined',
            audience: { type: 'organisation', organisationId: organisation.id },
            refs: { organisationId: organisation.id, userId: user.id },
            extra: {},
            link: '/organisation',
            cause: `membership.created.${organisation.id}.${user.id}`,
          }));
        }
        if (previousToken) await d.accounts.deleteSession(tx, sha256(previousToken));
        return openSession(tx, user);
      });
    } catch (err) {
      // Two registrations racing for the same e-mail or credit code: the unique index decides.
      const constraint = uniqueViolation(err);
      if (constraint !== null) {
        const path = constraint.includes('credit_code') ? 'organisation.creditCode' : 'person.email';
        throw new Conflict('already registered', [{ path, message: 'already registered' }]);
      }
      throw err;
    }
  }

  async function login(email: string, password: string, ctx: Ctx, previousToken?: string | null): Promise<SessionGrant> {
    const user = await d.accounts.findUserByEmail(d.db, email);
    const now = d.clock.now();
    if (!user) {
      await d.hasher.verify(await dummyHash, password);
      throw new AppError(401, 'INVALID_CREDENTIALS', 'e-mail or password is wrong');
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new AppError(423, 'ACCOUNT_LOCKED', `too many failed log-ins; try again after ${user.lockedUntil.toISOString()}`);
    }
    // The attempt is counted before the (slow) password check, atomically: a burst of parallel
    // guesses gets LOCKOUT_THRESHOLD checks in all, not one each while the first are verified,
    // and none once the lock is set. A success resets the count.
    const attempt = await d.accounts.countLoginAttempt(d.db, user.id, now);
    if (attempt === null || attempt > d.config.LOCKOUT_THRESHOLD) {
      throw new AppError(423, 'ACCOUNT_LOCKED', 'too many failed log-ins for this account; try again later');
    }
    if (!(await d.hasher.verify(user.passwordHash, password))) {
      if (attempt === d.config.LOCKOUT_THRESHOLD) {
        await d.db.transaction(async (tx) => {
          const lockedUntil = new Date(now.getTime() + d.config.LOCKOUT_MINUTES * minute);
          await d.accounts.updateUser(tx, user.id, { failedLogins: 0, lockedUntil });
          await appendAudit(tx, { at: now, actorId: null, reqId: ctx.reqId, action: 'user.locked', entityType: 'user', entityId: user.id, after: { lockedUntil, failures: attempt } });
        });
      }
      throw new AppError(401, 'INVALID_CREDENTIALS', 'e-mail or password is wrong');
    }
    return d.db.transaction(async (tx) => {
      // Rotation: a log-in always gets a fresh session; any session the browser held is ended.
      if (previousToken) await d.accounts.deleteSession(tx, sha256(previousToken));
      await d.accounts.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
      await appendAudit(tx, { at: now, actorId: user.id, reqId: ctx.reqId, action: 'user.logged_in', entityType: 'user', entityId: user.id });
      return openSession(tx, user);
    });
  }

  async function logout(token: string, ctx: Ctx): Promise<void> {
    const actor = requireActor(ctx);
    await d.db.transaction(async (tx) => {
      await d.accounts.deleteSession(tx, sha256(token));
      await appendAudit(tx, { at: d.clock.now(), actorId: actor.id, reqId: ctx.reqId, action: 'user.logged_out', entityType: 'user', entityId: actor.id });
    });
  }

  /** The user behind a cookie token, or null when the session is unknown, idle too long or expired. */
  async function resolveSession(token: string): Promise<{ user: CurrentUser; csrfToken: string } | null> {
    const id = sha256(token);
    const found = await d.accounts.findSessionWithUser(d.db, id);
    if (!found) return null;
    const { session, user, memberships } = found;
    const now = d.clock.now();
    const idleLimit = new Date(session.lastSeenAt.getTime() + d.config.SESSION_IDLE_MINUTES * minute);
    if (session.expiresAt <= now || idleLimit <= now) {
      await d.accounts.deleteSession(d.db, id);
      return null;
    }
    // Touch at most once a minute: enough for idle expiry, without a write per request.
    if (now.getTime() - session.lastSeenAt.getTime() > minute) await d.accounts.touchSession(d.db, id, now);
    return { user: currentUserOf(user, memberships), csrfToken: session.csrfToken };
  }

  async function setLocale(locale: Locale, ctx: Ctx): Promise<void> {
    const actor = requireActor(ctx);
    await d.db.transaction(async (tx) => {
      await d.accounts.updateUser(tx, actor.id, { locale });
      await appendAudit(tx, { at: d.clock.now(), actorId: actor.id, reqId: ctx.reqId, action: 'user.locale_changed', entityType: 'user', entityId: actor.id, before: { locale: actor.locale }, after: { locale } });
    });
  }

  async function previewInvitation(token: string) {
    const found = await d.accounts.findInvitationByTokenHash(d.db, sha256(token));
    if (!found || found.invitation.acceptedAt || found.invitation.expiresAt < d.clock.now()) throw new NotFound('invitation');
    return {
      organisationName: found.organisation.name,
      organisationKind: found.organisation.kind,
      role: found.invitation.role,
      email: found.invitation.email,
      expiresAt: found.invitation.expiresAt.toISOString(),
    };
  }

  return { register, login, logout, resolveSession, setLocale, previewInvitation, requestPasswordReset: passwordReset.request, resetPassword: passwordReset.reset };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
