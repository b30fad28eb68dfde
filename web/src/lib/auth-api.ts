import type { z } from 'zod';
import { invitationPreview, loginBody, meResponse, type RegisterBody } from '../../../shared/contracts/auth';
import { okBody } from '../../../shared/contracts/common';
import type { Locale } from '../../../shared/roles';
import { request } from './api';

export type LoginBody = z.input<typeof loginBody>;
export type InvitationPreview = z.output<typeof invitationPreview>;

export const authApi = {
  me: () => request('GET', '/api/auth/me', { response: meResponse }),
  login: (body: LoginBody) => request('POST', '/api/auth/login', { body, response: meResponse }),
  register: (body: RegisterBody) => request('POST', '/api/auth/register', { body, response: meResponse }),
  logout: () => request('POST', '/api/auth/logout', { response: okBody }),
  setLocale: (locale: Locale) => request('PUT', '/api/auth/me/locale', { body: { locale }, response: okBody }),
  invitation: (token: string) =>
    request('GET', `/api/invitations/${encodeURIComponent(token)}`, { response: invitationPreview }),
};
