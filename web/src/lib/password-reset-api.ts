import type { z } from 'zod';
import { okBody } from '../../../shared/contracts/common';
import { passwordResetBody, passwordResetRequestBody } from '../../../shared/contracts/password-reset';
import { request } from './api';

export type PasswordResetRequestBody = z.input<typeof passwordResetRequestBody>;
export type PasswordResetBody = z.input<typeof passwordResetBody>;

export const passwordResetApi = {
  request: (body: PasswordResetRequestBody) => request('POST', '/api/auth/password-reset/request', { body, response: okBody }),
  complete: (body: PasswordResetBody) => request('POST', '/api/auth/password-reset/complete', { body, response: okBody }),
};

/**
 * The token of a reset link (…/password-reset/new#token=…). It travels in the fragment so the
 * server, its logs and any Referer never see it; the page reads it once and then takes it out
 * of the address bar and the history.
 */
export function resetTokenFrom(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}
