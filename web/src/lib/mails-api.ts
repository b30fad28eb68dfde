import type { z } from 'zod';
import { mailList, type mailListQuery } from '../../../shared/contracts/notifications';
import { request } from './api';

export type MailListQuery = Partial<z.output<typeof mailListQuery>>;
export type Mail = z.output<typeof mailList>['items'][number];

export const mailsApi = {
  list: (query: MailListQuery) => request('GET', '/api/mails', { query, response: mailList }),
};
