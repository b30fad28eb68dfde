import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, okBody } from '../../../shared/contracts/common';
import { mailList, mailListQuery, notificationList } from '../../../shared/contracts/notifications';
import type { NotificationsService } from './service';

export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (app, { notifications }) => {
  const tags = ['notifications'];

  app.get('/api/notifications', { schema: { tags, summary: 'My latest notifications and unread count', response: { 200: notificationList } } }, async (request) =>
    notifications.list(request.ctx),
  );

  app.post('/api/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read', response: { 200: okBody } } }, async (request) => {
    await notifications.markRead(null, request.ctx);
    return { ok: true as const };
  });

  app.post('/api/notifications/:id/read', { schema: { tags, summary: 'Mark one notification read', params: idParams, response: { 200: okBody } } }, async (request) => {
    await notifications.markRead(request.params.id, request.ctx);
    return { ok: true as const };
  });

  app.get('/api/mails', { schema: { tags, summary: 'Stored outgoing mail (officials: all; others: their own)', querystring: mailListQuery, response: { 200: mailList } } }, async (request) =>
    notifications.listMails(request.query, request.ctx),
  );
};
