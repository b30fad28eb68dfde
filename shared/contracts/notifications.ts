import { z } from 'zod';
import { notificationKind } from '../notification-kinds';

export const notification = z.object({
  id: z.uuid(),
  kind: notificationKind,
  params: z.record(z.string(), z.string()),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notification>;

export const notificationList = z.object({
  items: z.array(notification),
  unread: z.number().int(),
});

export const mail = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  transport: z.enum(['store', 'smtp']),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export const mailList = z.object({ items: z.array(mail), total: z.number().int() });
export const mailListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
