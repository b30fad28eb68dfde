import { z } from 'zod';
import { creditCodeMessages, creditCodeProblem } from '../credit-code';
import { passwordMessages, passwordProblem } from '../password-policy';
import { institutionKind, locale, organisationKind, role, verificationState } from '../roles';
import { industryCodes } from '../taxonomy/industries';
import { text } from './common';

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const password = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: passwordMessages[problem] });
});

export const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: creditCodeMessages[problem] });
  });

/** Mainland mobile numbers (11 digits starting with 1) or landlines like 0514-87654321. */
export const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, 'phone must be an 11-digit mobile number or a landline such as 0514-87654321');

export const person = z.object({
  name: text(50),
  email,
  phone: phone.optional(),
  password,
  /** The language the person registered in; notifications and e-mails use it. */
  locale: locale.default('zh-CN'),
});

const newEnterprise = z.object({
  kind: z.literal('enterprise'),
  name: text(100),
  creditCode,
  industry: z.enum(industryCodes),
  district: text(50),
});

const newTeam = z.object({
  kind: z.literal('team'),
  name: text(100),
  institution: text(100),
  institutionKind,
  district: text(50),
  researchFields: z.array(text(30)).min(1).max(10),
  description: z.string().trim().max(2000).default(''),
});

export const newOrganisation = z.discriminatedUnion('kind', [newEnterprise, newTeam]);

export const registerBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('organisation'), person, organisation: newOrganisation }),
  z.object({ mode: z.literal('invitation'), person, invitationToken: z.string().min(20).max(200) }),
]);
export type RegisterBody = z.infer<typeof registerBody>;

export const loginBody = z.object({ email, password: z.string().min(1).max(256) });

export const membership = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  organisationKind,
  verification: verificationState,
  role,
  canManage: z.boolean(),
});
export type Membership = z.infer<typeof membership>;

export const currentUser = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  locale,
  roles: z.array(role),
  memberships: z.array(membership),
});
export type CurrentUser = z.infer<typeof currentUser>;

/** `user` is null for an anonymous visitor; csrfToken must be sent as x-csrf-token on writes. */
export const meResponse = z.object({
  user: currentUser.nullable(),
  csrfToken: z.string().nullable(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const localeBody = z.object({ locale });

export const invitationPreview = z.object({
  organisationName: z.string(),
  organisationKind,
  role,
  email: z.string(),
  expiresAt: z.string(),
});
