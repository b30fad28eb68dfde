import { okBody } from '../../../shared/contracts/common';
import { notificationList } from '../../../shared/contracts/notifications';
import { request } from './api';

export const notificationsApi = {
  list: () => request('GET', '/api/notifications', { response: notificationList }),
  markRead: (id: string) =>
    request('POST', `/api/notifications/${encodeURIComponent(id)}/read`, { response: okBody }),
  markAllRead: () => request('POST', '/api/notifications/read-all', { response: okBody }),
};
