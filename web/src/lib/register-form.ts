import type { Locale } from '../../../shared/roles';
import { splitTags } from './tags';

/** What the registration form holds: strings exactly as typed, so nothing is lost on an error. */
export interface PersonValues {
  name: string;
  email: string;
  phone: string;
  password: string;
}

export interface EnterpriseValues {
  name: string;
  creditCode: string;
  industry: string;
  district: string;
}

export interface TeamValues {
  name: string;
  institution: string;
  institutionKind: string;
  district: string;
  researchFields: string;
  description: string;
}

export type OrganisationChoice = 'enterprise' | 'team';

export const emptyPerson = (): PersonValues => ({ name: '', email: '', phone: '', password: '' });
export const emptyEnterprise = (): EnterpriseValues => ({ name: '', creditCode: '', industry: '', district: '' });
export const emptyTeam = (): TeamValues => ({
  name: '',
  institution: '',
  institutionKind: '',
  district: '',
  researchFields: '',
  description: '',
});

export const personPaths = ['person.name', 'person.email', 'person.phone', 'person.password'] as const;
export const enterprisePaths = [
  'organisation.name',
  'organisation.creditCode',
  'organisation.industry',
  'organisation.district',
] as const;
export const teamPaths = [
  'organisation.name',
  'organisation.institution',
  'organisation.institutionKind',
  'organisation.district',
  'organisation.researchFields',
  'organisation.description',
] as const;

function person(values: PersonValues, locale: Locale | undefined) {
  // An empty optional phone is "not given", not an invalid number.
  return { ...values, phone: values.phone.trim() || undefined, ...(locale ? { locale } : {}) };
}

function organisation(kind: OrganisationChoice, enterprise: EnterpriseValues, team: TeamValues) {
  if (kind === 'enterprise') return { kind, ...enterprise };
  return { kind, ...team, researchFields: splitTags(team.researchFields) };
}

/**
 * The candidate body for POST /api/auth/register, before validation with the shared
 * `registerBody` schema (which reports anything missing or malformed per field path).
 */
export function registerCandidate(
  invitationToken: string | null,
  kind: OrganisationChoice,
  values: { person: PersonValues; enterprise: EnterpriseValues; team: TeamValues },
  locale?: Locale,
): unknown {
  if (invitationToken) return { mode: 'invitation', person: person(values.person, locale), invitationToken };
  return {
    mode: 'organisation',
    person: person(values.person, locale),
    organisation: organisation(kind, values.enterprise, values.team),
  };
}
