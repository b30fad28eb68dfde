import type { z } from 'zod';
import type { ContractView, fundingBody, Grade, outcomeBody } from '../../../shared/contracts/contracts';
import { fundingRuleProblems, maxSubsidy, type FundingRule, type FundingRuleCode, type LeadKind } from '../../../shared/funding-rules';
import type { ContractState } from '../../../shared/lifecycles/contract';
import type { MessageKey } from '../i18n';
import { formatWan, parseWan, wanInput, type WanProblem } from './money';

/** A message to show, still to be put through `t()`: this module stays free of the i18n runtime. */
export interface Described {
  key: MessageKey;
  params?: Record<string, string | number>;
}

// --- Labels ---------------------------------------------------------------------------------

/** 验收 grades, best first, as the radio group lists them. */
export const grades: readonly Grade[] = ['excellent', 'good', 'pass', 'fail'];
export const gradeKey = (grade: Grade): MessageKey => `acceptance.grade.${grade}`;

export type PartyRole = ContractView['parties'][number]['role'];
export const partyRoleKey = (role: PartyRole): MessageKey => `contract.role.${role}`;
export const contractStateKey = (state: ContractState): MessageKey => `contract.state.${state}`;

export type TerminationOutcome = 'excused' | 'penalised';
export const terminationOutcomes: readonly TerminationOutcome[] = ['excused', 'penalised'];
export const terminationOutcomeKey = (outcome: TerminationOutcome): MessageKey => `termination.outcome.${outcome}`;

// --- Dates and progress ---------------------------------------------------------------------

/**
 * A calendar day ("2026-05-01", as due dates and payment dates come) as a local-time ISO string
 * for `formatDate`: parsed bare, the day would be UTC midnight and show as the day before west
 * of Greenwich. Timestamps pass through unchanged.
 */
export function dayIso(day: string): string;
export function dayIso(day: string | null): string | null;
export function dayIso(day: string | null): string | null {
  if (day === null) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00` : day;
}

/** Today in the user's time zone, as a date input wants it (YYYY-MM-DD). */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** How much of the amount is paid, in whole percent (0–100; 0 for a zero amount). */
export function paidPercent(paidYuan: number, amountYuan: number): number {
  if (amountYuan <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((paidYuan * 100) / amountYuan)));
}

// --- Parties --------------------------------------------------------------------------------

export const everyPartySigned = (parties: readonly { signedAt: string | null }[]) => parties.length > 0 && parties.every((p) => p.signedAt !== null);

/** Whether the user belongs to the publisher side (发榜方 and any joint publisher), who reports 成果转化. */
export function isPublisherSide(parties: readonly { organisationId: string; role: PartyRole }[], memberships: readonly { organisationId: string }[]): boolean {
  const mine = new Set(memberships.map((m) => m.organisationId));
  return parties.some((p) => p.role === 'publisher' && mine.has(p.organisationId));
}

// --- The funding split (配套资金) -------------------------------------------------------------

export type FundingBody = z.input<typeof fundingBody>;

/** The split as typed, in 万元. */
export interface FundingValues {
  enterpriseFundsWan: string;
  subsidyWan: string;
  firstTrancheWan: string;
}
export type FundingInput = keyof FundingValues;
export const fundingInputs: readonly FundingInput[] = ['enterpriseFundsWan', 'subsidyWan', 'firstTrancheWan'];

/** What the rule is checked against: the contract's amount, its lead's kind and the bureau's rule. */
export interface FundingTerms {
  amountYuan: number;
  leadKind: LeadKind;
  fundingRule: FundingRule;
}

const inputForPath: Record<string, FundingInput> = {
  enterpriseFundsYuan: 'enterpriseFundsWan',
  subsidyYuan: 'subsidyWan',
  firstTrancheYuan: 'firstTrancheWan',
};

/** The input that shows a server field path (`subsidyYuan` → `subsidyWan`); other paths unchanged. */
export const inputForFundingPath = (path: string): string => inputForPath[path] ?? path;

export function fundingValues(c: { enterpriseFundsYuan: number; subsidyYuan: number; firstTrancheYuan: number }): FundingValues {
  return { enterpriseFundsWan: wanInput(c.enterpriseFundsYuan), subsidyWan: wanInput(c.subsidyYuan), firstTrancheWan: wanInput(c.firstTrancheYuan) };
}

export type FundingProblem =
  | { path: FundingInput; kind: 'required' }
  | { path: FundingInput; kind: 'money'; problem: WanProblem }
  | { path: FundingInput; kind: 'rule'; rule: FundingRuleCode }
  | { path: FundingInput; kind: 'firstTranche' };

/**
 * Reads the form into the body `PUT /funding` takes, with what the server would refuse: values
 * that are not 万元 amounts, then the funding rule (the same `fundingRuleProblems` the server
 * runs) and a first tranche above the amount. An empty first tranche is none (0).
 */
export function readFunding(values: FundingValues, terms: FundingTerms): { body: FundingBody | null; problems: FundingProblem[] } {
  const problems: FundingProblem[] = [];
  const read = (path: FundingInput, required: boolean): number | null => {
    const parsed = parseWan(values[path]);
    if (parsed === null) {
      if (required) problems.push({ path, kind: 'required' });
      return required ? null : 0;
    }
    if (!parsed.ok) {
      problems.push({ path, kind: 'money', problem: parsed.problem });
      return null;
    }
    return parsed.yuan;
  };
  const enterpriseFundsYuan = read('enterpriseFundsWan', true);
  const subsidyYuan = read('subsidyWan', true);
  const firstTrancheYuan = read('firstTrancheWan', false);

  if (enterpriseFundsYuan !== null && subsidyYuan !== null) {
    for (const p of fundingRuleProblems({ amountYuan: terms.amountYuan, enterpriseFundsYuan, subsidyYuan }, terms.leadKind, terms.fundingRule)) {
      const path = inputForFundingPath(p.path) as FundingInput;
      // The sum and the cap both sit at the subsidy; one message per field is enough.
      if (!problems.some((q) => q.path === path)) problems.push({ path, kind: 'rule', rule: p.rule });
    }
  }
  if (firstTrancheYuan !== null && firstTrancheYuan > terms.amountYuan) problems.push({ path: 'firstTrancheWan', kind: 'firstTranche' });

  if (problems.length || enterpriseFundsYuan === null || subsidyYuan === null || firstTrancheYuan === null) return { body: null, problems };
  return { body: { enterpriseFundsYuan, subsidyYuan, firstTrancheYuan }, problems };
}

const moneyKey = (problem: WanProblem): MessageKey =>
  problem === 'precision' ? 'validation.moneyPrecision' : problem === 'range' ? 'validation.moneyRange' : 'validation.money';

/** What to say at a field of the funding form. */
export function fundingProblemMessage(problem: FundingProblem, terms: FundingTerms): Described {
  const amount = formatWan(terms.amountYuan);
  switch (problem.kind) {
    case 'required':
      return { key: 'validation.required' };
    case 'money':
      return { key: moneyKey(problem.problem) };
    case 'firstTranche':
      return { key: 'funding.rule.firstTranche', params: { amount } };
    case 'rule':
      switch (problem.rule) {
        case 'sum':
          return { key: 'funding.rule.sum', params: { amount } };
        case 'subsidy_cap':
          return {
            key: 'funding.rule.subsidyCap',
            params: { percent: terms.fundingRule.maxSubsidyPercent, max: formatWan(Math.floor((terms.amountYuan * terms.fundingRule.maxSubsidyPercent) / 100)) },
          };
        case 'co_funding':
          return terms.leadKind === 'enterprise'
            ? { key: 'funding.rule.coFundingEnterprise', params: { multiple: terms.fundingRule.enterpriseLeadMultiple } }
            : { key: 'funding.rule.coFundingAcademic', params: { multiple: terms.fundingRule.academicLeadMultiple } };
      }
  }
}

/** The rule in one sentence, with the numbers that apply to this contract. */
export function fundingRuleExplanation(terms: FundingTerms): Described {
  const { fundingRule: rule, leadKind } = terms;
  const params = {
    percent: rule.maxSubsidyPercent,
    multiple: leadKind === 'enterprise' ? rule.enterpriseLeadMultiple : rule.academicLeadMultiple,
    max: formatWan(maxSubsidy(terms.amountYuan, leadKind, rule)),
  };
  return { key: leadKind === 'enterprise' ? 'funding.explain.enterprise' : 'funding.explain.academic', params };
}

// --- 成果转化 reports ---------------------------------------------------------------------------

export type OutcomeBody = z.input<typeof outcomeBody>;

export interface OutcomeValues {
  product: string;
  revenueWan: string;
  patents: string;
  note: string;
}
export type OutcomeInput = keyof OutcomeValues;
export const outcomeInputs: readonly OutcomeInput[] = ['product', 'revenueWan', 'patents', 'note'];

/** The input that shows a server field path (`revenueYuan` → `revenueWan`). */
export const inputForOutcomePath = (path: string): string => (path === 'revenueYuan' ? 'revenueWan' : path);

export function outcomeValues(o: { product: string | null; revenueYuan: number | null; patents: number | null; note: string | null }): OutcomeValues {
  return { product: o.product ?? '', revenueWan: wanInput(o.revenueYuan), patents: o.patents === null ? '' : String(o.patents), note: o.note ?? '' };
}

export type OutcomeProblem =
  | { path: OutcomeInput; kind: 'tooLong'; max: number }
  | { path: 'revenueWan'; kind: 'money'; problem: WanProblem }
  | { path: 'patents'; kind: 'whole' }
  | { path: OutcomeInput; kind: 'empty' };

export const maxPatents = 10_000;

/**
 * Reads a 成果转化 report: every part is optional (a product may not exist yet), but a report
 * with nothing in it says nothing, so at least one part is asked for.
 */
export function readOutcome(values: OutcomeValues): { body: OutcomeBody | null; problems: OutcomeProblem[] } {
  const problems: OutcomeProblem[] = [];
  const product = values.product.trim();
  const note = values.note.trim();
  if (product.length > 500) problems.push({ path: 'product', kind: 'tooLong', max: 500 });
  if (note.length > 2000) problems.push({ path: 'note', kind: 'tooLong', max: 2000 });

  let revenueYuan: number | null = null;
  const revenue = parseWan(values.revenueWan);
  if (revenue && !revenue.ok) problems.push({ path: 'revenueWan', kind: 'money', problem: revenue.problem });
  else if (revenue) revenueYuan = revenue.yuan;

  let patents: number | null = null;
  const digits = values.patents.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (digits !== '') {
    if (!/^\d+$/.test(digits) || Number(digits) > maxPatents) problems.push({ path: 'patents', kind: 'whole' });
    else patents = Number(digits);
  }

  if (!problems.length && product === '' && note === '' && revenueYuan === null && patents === null) problems.push({ path: 'product', kind: 'empty' });
  return problems.length ? { body: null, problems } : { body: { product, revenueYuan, patents, note }, problems };
}

export function outcomeProblemMessage(problem: OutcomeProblem): Described {
  switch (problem.kind) {
    case 'tooLong':
      return { key: 'validation.tooLong', params: { max: problem.max } };
    case 'money':
      return { key: moneyKey(problem.problem) };
    case 'whole':
      return { key: 'outcome.validation.patents', params: { max: maxPatents } };
    case 'empty':
      return { key: 'outcome.validation.empty' };
  }
}
