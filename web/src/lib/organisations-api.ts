import type { z } from 'zod';
import {
  invitationBody,
  invitationCreated,
  memberList,
  organisationDetail,
  organisationList,
  type organisationListQuery,
  verificationBody,
} from '../../../shared/contracts/organisations';
import { request } from './api';

export type OrganisationListQuery = Partial<z.output<typeof organisationListQuery>>;
export type VerificationDecision = z.input<typeof verificationBody>;
export type InvitationBody = z.input<typeof invitationBody>;
export type Member = z.output<typeof memberList>['items'][number];
export type InvitationCreated = z.output<typeof invitationCreated>;

const path = (id: string, rest = '') => `/api/organisations/${encodeURIComponent(id)}${rest}`;

export const organisationsApi = {
  list: (query: OrganisationListQuery) => request('GET', '/api/organisations', { query, response: organisationList }),
  get: (id: string) => request('GET', path(id), { response: organisationDetail }),
  decide: (id: string, body: VerificationDecision) =>
    request('POST', path(id, '/verification'), { body, response: organisationDetail }),
  resubmit: (id: string) => request('POST', path(id, '/resubmit'), { response: organisationDetail }),
  members: (id: string) => request('GET', path(id, '/members'), { response: memberList }),
  invite: (id: string, body: InvitationBody) =>
    request('POST', path(id, '/invitations'), { body, response: invitationCreated }),
};
