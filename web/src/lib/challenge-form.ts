import type { z } from 'zod';
import {
  challengeDraft,
  contact as contactSchema,
  deadlineProblems, fundingProblems,
  indicator as indicatorSchema,
  missingForSubmission,
  requirements as requirementsSchema,
  type ChallengeDetail,
  type ChallengeDraft,
  type Indicator,
} from '../../../shared/contracts/challenges';
import { industryChains } from '../../../shared/taxonomy/industry-chains';
import { industryCodes, type IndustryCode } from '../../../shared/taxonomy/industries';
import { fromDateTimeLocal, toDateTimeLocal } from './deadline';
import { parseWan, wanInput, type WanProblem } from './money';

/** One row of the indicators list as typed; `key` keeps rows apart while they are added and removed. */
export interface IndicatorValues {
  key: number;
  name: string;
  targetValue: string;
  unit: string;
  verification: string;
}

export interface PickedOrganisation {
  id: string;
  name: string;
}

/**
 * What the editor holds: text exactly as typed (money in 万元, the deadline as the
 * datetime-local value), so a value the server or a check refuses is never lost.
 */
export interface ChallengeValues {
  title: string;
  summary: string;
  description: string;
  descriptionVisibility: string;
  industry: string;
  industryChain: string;
  indicators: IndicatorValues[];
  bountyWan: string;
  enterpriseFundsWan: string;
  subsidyWan: string;
  deliveryMonths: string;
  deadline: string;
  ipTerms: string;
  requirements: { text: string; institutionKinds: string[]; regions: string[] };
  contact: { name: string; phone: string; email: string };
  jointPublishers: PickedOrganisation[];
  directed: boolean;
  invitedTeams: PickedOrganisation[];
  /** 赛马制: two or three teams may be awarded. */
  allowsHorseRace: boolean;
}

let nextKey = 1;
export const emptyIndicator = (): IndicatorValues => ({ key: nextKey++, name: '', targetValue: '', unit: '', verification: '' });

export const emptyChallengeValues = (): ChallengeValues => ({
  title: '',
  summary: '',
  description: '',
  descriptionVisibility: '',
  industry: '',
  industryChain: '',
  indicators: [emptyIndicator()],
  bountyWan: '',
  enterpriseFundsWan: '',
  subsidyWan: '',
  deliveryMonths: '',
  deadline: '',
  ipTerms: '',
  requirements: { text: '', institutionKinds: [], regions: [] },
  contact: { name: '', phone: '', email: '' },
  jointPublishers: [],
  directed: false,
  invitedTeams: [],
  allowsHorseRace: false,
});

export function indicatorValues(rows: readonly Indicator[]): IndicatorValues[] {
  return rows.map((row) => ({ key: nextKey++, name: row.name, targetValue: row.targetValue, unit: row.unit, verification: row.verification }));
}

/** The editor's values for a saved challenge. */
export function valuesFromDetail(detail: ChallengeDetail): ChallengeValues {
  return {
    title: detail.title,
    summary: detail.summary,
    description: detail.description ?? '',
    descriptionVisibility: detail.descriptionVisibility ?? '',
    industry: detail.industry ?? '',
    industryChain: detail.industryChain ?? '',
    indicators: detail.indicators.length ? indicatorValues(detail.indicators) : [emptyIndicator()],
    bountyWan: wanInput(detail.bountyYuan),
    enterpriseFundsWan: wanInput(detail.enterpriseFundsYuan),
    subsidyWan: wanInput(detail.subsidyYuan),
    deliveryMonths: detail.deliveryMonths === null ? '' : String(detail.deliveryMonths),
    deadline: toDateTimeLocal(detail.deadline),
    ipTerms: detail.ipTerms ?? '',
    requirements: {
      text: detail.requirements.text,
      institutionKinds: [...detail.requirements.institutionKinds],
      regions: [...detail.requirements.regions],
    },
    contact: detail.contact ? { ...detail.contact } : { name: '', phone: '', email: '' },
    jointPublishers: detail.jointPublishers.map((p) => ({ id: p.organisationId, name: p.name })),
    directed: detail.directed,
    invitedTeams: detail.invitedTeams.map((p) => ({ id: p.organisationId, name: p.name })),
    allowsHorseRace: detail.allowsHorseRace,
  };
}

/** The contract keeps money in yuan; the editor's inputs hold 万元. */
const moneyPaths = { bountyYuan: 'bountyWan', enterpriseFundsYuan: 'enterpriseFundsWan', subsidyYuan: 'subsidyWan' } as const;

/** The input a contract field path is shown at: bountyYuan → bountyWan; others unchanged. */
export function displayPath(path: string): string {
  for (const [yuan, wan] of Object.entries(moneyPaths)) {
    if (path === yuan || path.startsWith(`${yuan}.`)) return wan + path.slice(yuan.length);
  }
  return path;
}

/** The contract field path an input stands for: bountyWan → bountyYuan. */
export function contractPath(path: string): string {
  for (const [yuan, wan] of Object.entries(moneyPaths)) if (path === wan) return yuan;
  return path;
}

/**
 * A value the editor cannot save as typed. `blank` problems are fields left empty in a group
 * that needs them all (an indicator row, the contact): they block submission but are not
 * worth an error while the user is still filling the group in.
 */
export type FieldProblem =
  | { path: string; kind: 'issue'; issue: z.core.$ZodIssue; value: unknown; blank: boolean }
  | { path: string; kind: 'money'; problem: WanProblem; blank: false }
  | { path: string; kind: 'months' | 'deadline'; blank: false };

export interface DraftReading {
  /** What can be saved now: only fields whose value is valid as a whole. */
  draft: ChallengeDraft;
  /** The complete, valid indicator rows (the draft leaves `indicators` out while any row is unfinished). */
  indicators: Indicator[];
  problems: FieldProblem[];
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function issuesAt(prefix: string, issues: readonly z.core.$ZodIssue[], input: unknown): FieldProblem[] {
  return issues.map((issue) => {
    let value: unknown = input;
    for (const key of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    return { path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'), kind: 'issue', issue, value, blank: blank(value) };
  });
}

/** A single field checked with the contract's rule for it. */
function field<K extends keyof ChallengeDraft>(key: K, value: unknown, problems: FieldProblem[]): ChallengeDraft[K] | undefined {
  const parsed = challengeDraft.shape[key].safeParse(value);
  if (parsed.success) return parsed.data as ChallengeDraft[K];
  problems.push(...issuesAt(key, parsed.error.issues, value));
  return undefined;
}

/**
 * Reads the editor's values into what may be saved. Autosave sends only valid fields, so one
 * half-typed e-mail never blocks saving the rest; a group (indicators, contact, requirements)
 * is saved whole or not at all, so the server never keeps half of a row.
 */
export function readDraft(values: ChallengeValues): DraftReading {
  const problems: FieldProblem[] = [];
  const draft: ChallengeDraft = {};

  // A blank input clears the field on the server (null); leaving a field out keeps it.
  draft.title = values.title.trim() ? field('title', values.title, problems) : null;
  // Free text may be emptied, and an empty string clears it on the server.
  draft.summary = field('summary', values.summary, problems);
  draft.description = field('description', values.description, problems);
  draft.descriptionVisibility = values.descriptionVisibility ? field('descriptionVisibility', values.descriptionVisibility, problems) : null;
  draft.industry = values.industry ? field('industry', values.industry, problems) : null;
  const chains = (industryCodes as readonly string[]).includes(values.industry) ? industryChains[values.industry as IndustryCode] : [];
  // A segment from another field (the industry just changed) is not a choice for this one.
  draft.industryChain = values.industryChain && chains.some((c) => c.code === values.industryChain) ? values.industryChain : null;

  const rows: Indicator[] = [];
  let rowsComplete = true;
  values.indicators.forEach((row, i) => {
    const input = { name: row.name, targetValue: row.targetValue, unit: row.unit, verification: row.verification };
    if (Object.values(input).every(blank)) return;
    const parsed = indicatorSchema.safeParse(input);
    if (parsed.success) rows.push(parsed.data);
    else {
      rowsComplete = false;
      problems.push(...issuesAt(`indicators.${i}`, parsed.error.issues, input));
    }
  });
  if (rowsComplete) draft.indicators = field('indicators', rows, problems);

  for (const [yuanKey, wanKey] of Object.entries(moneyPaths) as [keyof typeof moneyPaths, (typeof moneyPaths)[keyof typeof moneyPaths]][]) {
    const parsed = parseWan(values[wanKey]);
    if (parsed === null) {
      draft[yuanKey] = null;
      continue;
    }
    if (parsed.ok) draft[yuanKey] = parsed.yuan;
    else problems.push({ path: wanKey, kind: 'money', problem: parsed.problem, blank: false });
  }

  const months = values.deliveryMonths.trim();
  if (months) {
    const n = /^\d+$/.test(months) ? Number(months) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= 36) draft.deliveryMonths = n;
    else problems.push({ path: 'deliveryMonths', kind: 'months', blank: false });
  } else draft.deliveryMonths = null;

  if (values.deadline.trim()) {
    const iso = fromDateTimeLocal(values.deadline);
    if (iso) draft.deadline = iso;
    else problems.push({ path: 'deadline', kind: 'deadline', blank: false });
  } else draft.deadline = null;

  draft.ipTerms = values.ipTerms ? field('ipTerms', values.ipTerms, problems) : null;

  const requirements = requirementsSchema.safeParse(values.requirements);
  if (requirements.success) draft.requirements = requirements.data;
  else problems.push(...issuesAt('requirements', requirements.error.issues, values.requirements));

  const contactInput = values.contact;
  if (!Object.values(contactInput).every(blank)) {
    const contact = contactSchema.safeParse(contactInput);
    if (contact.success) draft.contact = contact.data;
    else problems.push(...issuesAt('contact', contact.error.issues, contactInput));
  } else draft.contact = null;

  draft.jointPublisherIds = field('jointPublisherIds', values.jointPublishers.map((p) => p.id), problems);
  draft.directed = values.directed;
  draft.invitedTeamIds = field('invitedTeamIds', values.invitedTeams.map((p) => p.id), problems);
  draft.allowsHorseRace = values.allowsHorseRace;

  for (const key of Object.keys(draft) as (keyof ChallengeDraft)[]) if (draft[key] === undefined) delete draft[key];
  // One message per field: an empty target value breaks both "required" and "has a number".
  const unique = problems.filter((p, i) => problems.findIndex((q) => q.path === p.path) === i);
  return { draft, indicators: rows, problems: unique };
}

/** JSON with object keys sorted, so equal values compare equal whatever order they were built in. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The fields of `current` that differ from what was last saved: the body of an autosave PATCH. */
export function changedFields(saved: ChallengeDraft, current: ChallengeDraft): ChallengeDraft {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) {
    if (value !== undefined && stable(value) !== stable(saved[key as keyof ChallengeDraft])) changes[key] = value;
  }
  return changes as ChallengeDraft;
}

/** One thing to do before the challenge can be submitted, as the checklist shows it. */
export type ChecklistItem =
  /** `path` is the contract's (missingForSubmission); `field` the input to focus. */
  | { kind: 'missing'; path: string; field: string }
  | { kind: 'funding'; path: string; field: string }
  | { kind: 'invalid'; path: string; field: string }
  | { kind: 'unconfirmed'; path: 'jointPublisherIds'; field: 'jointPublisherIds'; name: string }
  | { kind: 'deadlineTooSoon'; path: 'deadline'; field: 'deadline' };

/** The input that answers a contract path (a missing field, a server field error). */
export function inputForPath(path: string, values: ChallengeValues): string {
  if (path === 'contact') {
    const firstBlank = (['name', 'phone', 'email'] as const).find((k) => blank(values.contact[k])) ?? 'name';
    return `contact.${firstBlank}`;
  }
  if (path === 'indicators') return 'indicators.0.name';
  return displayPath(path);
}

/**
 * What still stands between the draft and submission: the shared missingForSubmission and
 * fundingProblems (exactly what the server refuses), plus what the server would refuse for
 * other reasons the editor can see: values that are not valid yet, joint publishers that have
 * not confirmed, a deadline already past.
 */
export function submissionChecklist(
  values: ChallengeValues,
  reading: DraftReading,
  confirmedJointPublisherIds: ReadonlySet<string>,
  now: Date,
): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const seen = new Set<string>();
  const add = (item: ChecklistItem) => {
    if (seen.has(item.field)) return;
    seen.add(item.field);
    items.push(item);
  };
  for (const problem of reading.problems) add({ kind: 'invalid', path: contractPath(problem.path), field: problem.path });
  const check: ChallengeDraft = { ...reading.draft, indicators: reading.indicators };
  for (const path of missingForSubmission(check)) {
    // An unfinished indicator row is listed as such, not as "no indicators".
    if (path === 'indicators' && reading.problems.some((p) => p.path.startsWith('indicators.'))) continue;
    add({ kind: 'missing', path, field: inputForPath(path, values) });
  }
  for (const problem of fundingProblems(check)) add({ kind: 'funding', path: problem.path, field: displayPath(problem.path) });
  // The same lead-time rule the server applies at submission.
  if (deadlineProblems(check, now).length) add({ kind: 'deadlineTooSoon', path: 'deadline', field: 'deadline' });
  for (const publisher of values.jointPublishers) {
    if (!confirmedJointPublisherIds.has(publisher.id)) {
      items.push({ kind: 'unconfirmed', path: 'jointPublisherIds', field: 'jointPublisherIds', name: publisher.name });
    }
  }
  return items;
}

/** Field paths the editor shows, most specific first (FormErrors places a path at the first that matches). */
export function editorPaths(values: ChallengeValues): string[] {
  const rows = values.indicators.flatMap((_, i) => ['name', 'targetValue', 'unit', 'verification'].map((k) => `indicators.${i}.${k}`));
  return [
    'title',
    'summary',
    'description',
    'descriptionVisibility',
    'industry',
    'industryChain',
    ...rows,
    'indicators',
    'bountyWan',
    'enterpriseFundsWan',
    'subsidyWan',
    'deliveryMonths',
    'deadline',
    'ipTerms',
    'requirements.text',
    'requirements.institutionKinds',
    'requirements.regions',
    'requirements',
    'contact.name',
    'contact.phone',
    'contact.email',
    'contact',
    'jointPublisherIds',
    'directed',
    'invitedTeamIds',
    'allowsHorseRace',
  ];
}
