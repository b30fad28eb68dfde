import { z } from 'zod';
import { institutionKind, organisationKind, role, verificationState } from '../roles';
import { email } from './auth';
import { text } from './common';

export const organisationSummary = z.object({
  id: z.uuid(),
  kind: organisationKind,
  name: z.string(),
  verification: verificationState,
  district: z.string().nullable(),
  industry: z.string().nullable(),
  institution: z.string().nullable(),
  institutionKind: institutionKind.nullable(),
  researchFields: z.array(z.string()),
  createdAt: z.string(),
});
export type OrganisationSummary = z.infer<typeof organisationSummary>;

/** The credit code is shown only to the organisation's own members and to officials. */
export const organisationDetail = organisationSummary.extend({
  creditCode: z.string().nullable(),
  description: z.string(),
  rejectionReason: z.string().nullable(),
  verifiedAt: z.string().nullable(),
});
export type OrganisationDetail = z.infer<typeof organisationDetail>;

export const organisationListQuery = z.object({
  verification: verificationState.optional(),
  kind: organisationKind.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const organisationList = z.object({
  items: z.array(organisationSummary),
  total: z.number().int(),
});

export const verificationBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('verify') }),
  z.object({ decision: z.literal('reject'), reason: text(500) }),
]);

export const member = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role,
  canManage: z.boolean(),
});
export const memberList = z.object({ items: z.array(member) });

export const invitationBody = z.object({ email, role });
export const invitationCreated = z.object({
  id: z.uuid(),
  email: z.string(),
  role,
  expiresAt: z.string(),
  /** Shown once to the inviter so it can be passed on even when mail is not configured. */
  link: z.string(),
});
