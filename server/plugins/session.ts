import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import type { AccountsService, SessionGrant } from '../modules/accounts/service';

export const sessionCookie = 'jb_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    sessionToken: string | null;
  }
  interface FastifyReply {
    startSession(grant: SessionGrant): void;
    endSession(): void;
  }
}

/**
 * Server-side sessions: the cookie holds a random token; the database holds its hash, the
 * user and a per-session CSRF token. Cookie-authenticated writes must echo that CSRF token in
 * the x-csrf-token header (synchronizer-token pattern): a cross-site form cannot read it.
 * Anonymous writes (log-in, registration, password reset) carry no ambient authority; they
 * accept only JSON, which a cross-site form cannot send without a CORS preflight, granted only
 * to the origins in CORS_ORIGINS (none by default; see plugins/cors.ts).
 *
 * Cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site subrequests),
 * Path=/, Secure whenever the site is served over https (config.cookieSecure). Its value is a
 * token the server made: a log-in or registration always issues a new one and ends the session
 * the browser held, so a cookie planted before log-in (session fixation) never gains a user.
 */
export const sessionPlugin = fp(async (app: FastifyInstance, opts: { accounts: AccountsService; config: Config }) => {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: opts.config.cookieSecure };

  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionToken', null);
  app.decorateReply('startSession', function (this: FastifyReply, grant: SessionGrant) {
    this.setCookie(sessionCookie, grant.token, { ...cookieOptions, expires: grant.expiresAt });
  });
  app.decorateReply('endSession', function (this: FastifyReply) {
    this.clearCookie(sessionCookie, cookieOptions);
  });

  app.addHook('onRequest', async (request, reply) => {
    request.ctx = { actor: null, reqId: String(request.id) };
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookie];
    if (!token) return;
    const session = await opts.accounts.resolveSession(token);
    if (!session) {
      reply.endSession();
      return;
    }
    request.sessionToken = token;
    request.ctx = { actor: session.user, reqId: String(request.id) };
    (request as { csrfToken?: string }).csrfToken = session.csrfToken;
    if (!safeMethods.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError(403, 'CSRF_TOKEN_INVALID', 'missing or wrong x-csrf-token header; reload the page');
    }
  });
});

export function csrfTokenOf(request: object): string | null {
  return (request as { csrfToken?: string }).csrfToken ?? null;
}
