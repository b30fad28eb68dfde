import type { z } from 'zod';
import type { TeamProfile, teamProfileBody } from '../../../shared/contracts/matching';
import { industryChains } from '../../../shared/taxonomy/industry-chains';
import { industries } from '../../../shared/taxonomy/industries';
import type { Locale } from '../../../shared/roles';
import type { MessageKey } from '../i18n';

export type TeamProfileBody = z.input<typeof teamProfileBody>;
export type ResultKind = TeamProfile['results'][number]['kind'];
export const resultKinds: readonly ResultKind[] = ['paper', 'patent', 'product'];

/** The limits of shared/contracts/matching.ts, for counters and disabled "add" buttons. */
export const profileLimits = {
  fieldsMin: 1,
  fieldsMax: 6,
  keywordsMin: 1,
  keywordsMax: 15,
  keywordLength: 30,
  description: 3000,
  region: 60,
  capacityMax: 50,
  people: 50,
  personName: 40,
  personTitle: 40,
  personExpertise: 200,
  results: 100,
  resultTitle: 200,
  yearMin: 1950,
} as const;

/** The latest year a result may carry (next year's, for a paper already accepted). */
export const yearMax = (now: Date) => now.getFullYear() + 1;

/**
 * What the profile editor holds: numbers as typed, so "abc" in the year is shown back with an
 * error instead of vanishing. `key` keeps rows apart while they are added and removed.
 */
export interface PersonValues {
  key: number;
  name: string;
  title: string;
  expertise: string;
}

export interface ResultValues {
  key: number;
  kind: ResultKind;
  title: string;
  year: string;
}

export interface TeamProfileValues {
  fields: string[];
  keywords: string[];
  description: string;
  region: string;
  capacity: string;
  people: PersonValues[];
  results: ResultValues[];
}

let nextKey = 1;
export const emptyPerson = (): PersonValues => ({ key: nextKey++, name: '', title: '', expertise: '' });
export const emptyResult = (): ResultValues => ({ key: nextKey++, kind: 'paper', title: '', year: '' });

export function valuesFromProfile(p: TeamProfile): TeamProfileValues {
  return {
    fields: [...p.fields],
    keywords: [...p.keywords],
    description: p.description,
    region: p.region,
    capacity: String(p.capacity),
    people: p.people.map((x) => ({ key: nextKey++, name: x.name, title: x.title, expertise: x.expertise })),
    results: p.results.map((x) => ({ key: nextKey++, kind: x.kind, title: x.title, year: String(x.year) })),
  };
}

/** Digits as a number (full-width digits from a Chinese IME too); blank is missing, anything else NaN. */
export function parseWhole(text: string): number | undefined {
  const value = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  if (value === '') return undefined;
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

/**
 * The body to validate with teamProfileBody before sending: numbers are unchecked until then
 * (undefined when blank, NaN when not digits). Rows keep their places, even blank ones, so an
 * error's path (`people.1.name`) names the row on screen.
 */
export function bodyFromValues(v: TeamProfileValues): TeamProfileBody {
  return {
    fields: [...v.fields],
    keywords: [...v.keywords],
    description: v.description,
    region: v.region,
    capacity: parseWhole(v.capacity) as number,
    people: v.people.map(({ name, title, expertise }) => ({ name, title, expertise })),
    results: v.results.map(({ kind, title, year }) => ({ kind, title, year: parseWhole(year) as number })),
  };
}

/**
 * The form paths that show errors; a path below one of them (`keywords.3`) shows at it. The
 * first match wins, so each row's inputs come before the list that holds them.
 */
export function profilePaths(v: TeamProfileValues): string[] {
  return [
    'fields',
    'keywords',
    'description',
    'region',
    'capacity',
    ...v.people.flatMap((_, i) => ['name', 'title', 'expertise'].map((p) => `people.${i}.${p}`)),
    'people',
    ...v.results.flatMap((_, i) => ['kind', 'title', 'year'].map((p) => `results.${i}.${p}`)),
    'results',
  ];
}

export interface Described {
  key: MessageKey;
  params?: Record<string, string | number>;
}

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
}

/**
 * The message for an issue of the profile schema where the generic one would be vague
 * ("please check this field" for too few keywords); null leaves the generic message.
 */
export function profileIssueMessage(issue: IssueLike, now: Date): Described | null {
  const [head, , leaf] = issue.path.map(String);
  const length = issue.path.length;
  if (head === 'fields' && length === 1) return { key: 'teamProfile.error.fieldsCount', params: { min: profileLimits.fieldsMin, max: profileLimits.fieldsMax } };
  if (head === 'fields') return { key: 'teamProfile.error.fieldUnknown' };
  if (head === 'keywords' && length === 1) return { key: 'teamProfile.error.keywordsCount', params: { min: profileLimits.keywordsMin, max: profileLimits.keywordsMax } };
  if (head === 'capacity') return { key: 'teamProfile.error.capacity', params: { max: profileLimits.capacityMax } };
  if (head === 'people' && length === 1) return { key: 'teamProfile.error.tooManyRows', params: { max: profileLimits.people } };
  if (head === 'results' && length === 1) return { key: 'teamProfile.error.tooManyRows', params: { max: profileLimits.results } };
  if (head === 'results' && leaf === 'year') return { key: 'teamProfile.error.year', params: { min: profileLimits.yearMin, max: yearMax(now) } };
  return null;
}

export interface FieldGroup {
  industry: string;
  label: string;
  chains: { code: string; label: string }[];
}

/** The field picker's groups: every industry with its chain segments, labelled in `locale`. */
export function fieldGroups(locale: Locale): FieldGroup[] {
  const label = (x: { zh: string; en: string }) => (locale === 'zh-CN' ? x.zh : x.en);
  return industries.map((i) => ({ industry: i.code, label: label(i), chains: industryChains[i.code].map((c) => ({ code: c.code, label: label(c) })) }));
}

/** How many more contracts the team says it can take on now. */
export const spareCapacity = (capacity: number, activeContracts: number) => Math.max(0, capacity - activeContracts);
