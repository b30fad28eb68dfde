import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { invitationPreview, localeBody, loginBody, meResponse, registerBody } from '../../../shared/contracts/auth';
import { okBody } from '../../../shared/contracts/common';
import { passwordResetBody, passwordResetRequestBody } from '../../../shared/contracts/password-reset';
import { z } from 'zod';
import type { Config } from '../../config';
import { csrfTokenOf } from '../../plugins/session';
import type { AccountsService } from './service';

export const accountsRoutes: FastifyPluginAsyncZod<{ accounts: AccountsService; config: Config }> = async (app, { accounts, config }) => {
  const tags = ['accounts'];

  app.get('/api/auth/me', { schema: { tags, summary: 'The current user (null when anonymous) and the CSRF token', response: { 200: meResponse } } }, async (request) => ({
    user: request.ctx.actor,
    csrfToken: csrfTokenOf(request),
  }));

  app.post(
    '/api/auth/register',
    {
      schema: { tags, summary: 'Register a person with a new organisation, or join one by invitation', body: registerBody, response: { 201: meResponse } },
      config: { rateLimit: { max: config.REGISTER_RATE_PER_HOUR, timeWindow: '1 hour' } },
    },
    async (request, reply) => {
      const grant = await accounts.register(request.body, request.ctx, request.cookies.jb_session);
      reply.startSession(grant);
      return reply.code(201).send({ user: grant.user, csrfToken: grant.csrfToken });
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: 'Log in; always starts a fresh session', body: loginBody, response: { 200: meResponse } },
      config: { rateLimit: { max: config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const grant = await accounts.login(request.body.email, request.body.password, request.ctx, request.cookies.jb_session);
      reply.startSession(grant);
      return { user: grant.user, csrfToken: grant.csrfToken };
    },
  );

  const resetLimit = { rateLimit: { max: config.PASSWORD_RESET_RATE_PER_HOUR, timeWindow: '1 hour' } };

  app.post(
    '/api/auth/password-reset/request',
    {
      schema: { tags, summary: 'Mail a password reset link; the same answer whether or not the address has an account', body: passwordResetRequestBody, response: { 200: okBody } },
      config: resetLimit,
    },
    async (request) => {
      await accounts.requestPasswordReset(request.body.email, request.ctx);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      schema: { tags, summary: 'Set a new password with the token from a reset link; ends every session of the user', body: passwordResetBody, response: { 200: okBody } },
      config: resetLimit,
    },
    async (request, reply) => {
      await accounts.resetPassword(request.body.token, request.body.password, request.ctx);
      reply.endSession();
      return { ok: true as const };
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: 'End the current session', response: { 200: okBody } } }, async (request, reply) => {
    if (request.sessionToken) await accounts.logout(request.sessionToken, request.ctx);
    reply.endSession();
    return { ok: true as const };
  });

  app.put('/api/auth/me/locale', { schema: { tags, summary: 'Remember the interface language', body: localeBody, response: { 200: okBody } } }, async (request) => {
    await accounts.setLocale(request.body.locale, request.ctx);
    return { ok: true as const };
  });

  app.get(
    '/api/invitations/:token',
    { schema: { tags, summary: 'What an invitation link is for', params: z.object({ token: z.string().min(20).max(200) }), response: { 200: invitationPreview } } },
    async (request) => accounts.previewInvitation(request.params.token),
  );
};
