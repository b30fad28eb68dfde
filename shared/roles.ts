import { z } from 'zod';

/** The kinds of organisation on the platform (GLOSSARY: enterprise, team, and the bureau). */
export const organisationKinds = ['enterprise', 'team', 'bureau'] as const;
export const organisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof organisationKind>;

/** What a team's host institution is; used by later co-funding rules (university-led vs enterprise-led). */
export const institutionKinds = ['university', 'institute', 'company'] as const;
export const institutionKind = z.enum(institutionKinds);
export type InstitutionKind = z.infer<typeof institutionKind>;

export const roles = ['enterprise_member', 'team_member', 'official', 'expert', 'admin'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** Which roles a membership in each kind of organisation may carry. */
export const rolesByOrganisationKind: Record<OrganisationKind, readonly Role[]> = {
  enterprise: ['enterprise_member'],
  team: ['team_member'],
  bureau: ['official', 'expert', 'admin'],
};

export const verificationStates = ['pending', 'verified', 'rejected'] as const;
export const verificationState = z.enum(verificationStates);
export type VerificationState = z.infer<typeof verificationState>;

export const locales = ['zh-CN', 'en'] as const;
export const locale = z.enum(locales);
export type Locale = z.infer<typeof locale>;
