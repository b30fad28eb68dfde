/**
 * 配套资金 (DOMAIN.md step 8): how a contract's amount splits into the enterprise's own funds
 * and the government subsidy. The bureau configures the rule (server/config.ts); the check is
 * shared so the web shows what the server will refuse.
 */
export interface FundingRule {
  /** The subsidy is at most this percentage of the amount. */
  maxSubsidyPercent: number;
  /** Enterprise funds ≥ this × subsidy when an enterprise leads the bid. */
  enterpriseLeadMultiple: number;
  /** Enterprise funds ≥ this × subsidy when a university or institute leads. */
  academicLeadMultiple: number;
}

export const defaultFundingRule: FundingRule = { maxSubsidyPercent: 50, enterpriseLeadMultiple: 2, academicLeadMultiple: 1 };

export type LeadKind = 'enterprise' | 'academic';

export interface FundingSplit {
  amountYuan: number;
  enterpriseFundsYuan: number;
  subsidyYuan: number;
}

export type FundingRuleCode = 'sum' | 'subsidy_cap' | 'co_funding';

export interface FundingProblem {
  path: 'enterpriseFundsYuan' | 'subsidyYuan';
  rule: FundingRuleCode;
  message: string;
}

const multipleFor = (rule: FundingRule, lead: LeadKind) => (lead === 'enterprise' ? rule.enterpriseLeadMultiple : rule.academicLeadMultiple);

/** What breaks the rule, each naming it; empty when the split is allowed. */
export function fundingRuleProblems(s: FundingSplit, lead: LeadKind, rule: FundingRule): FundingProblem[] {
  const out: FundingProblem[] = [];
  if (s.enterpriseFundsYuan + s.subsidyYuan !== s.amountYuan) {
    out.push({ path: 'subsidyYuan', rule: 'sum', message: 'enterprise funds plus subsidy must equal the contract amount' });
  }
  if (s.subsidyYuan * 100 > s.amountYuan * rule.maxSubsidyPercent) {
    out.push({ path: 'subsidyYuan', rule: 'subsidy_cap', message: `the subsidy may be at most ${rule.maxSubsidyPercent} % of the contract amount` });
  }
  const multiple = multipleFor(rule, lead);
  if (s.enterpriseFundsYuan < s.subsidyYuan * multiple) {
    const who = lead === 'enterprise' ? 'an enterprise leads' : 'a university or institute leads';
    out.push({ path: 'enterpriseFundsYuan', rule: 'co_funding', message: `enterprise funds must be at least ${multiple} × the subsidy when ${who}` });
  }
  return out;
}

/** The largest subsidy the rule allows for an amount (whole yuan). */
export function maxSubsidy(amountYuan: number, lead: LeadKind, rule: FundingRule): number {
  const byCap = Math.floor((amountYuan * rule.maxSubsidyPercent) / 100);
  const byCoFunding = Math.floor(amountYuan / (1 + multipleFor(rule, lead)));
  return Math.max(0, Math.min(byCap, byCoFunding));
}

/**
 * The split a drafted contract starts with: the challenge's subsidy share applied to the
 * quoted amount, lowered to what the rule allows. Officials may change it before signing.
 */
export function proposedSplit(amountYuan: number, challenge: { bountyYuan: number | null; subsidyYuan: number | null }, lead: LeadKind, rule: FundingRule): FundingSplit {
  const share = challenge.bountyYuan && challenge.subsidyYuan ? challenge.subsidyYuan / challenge.bountyYuan : 0;
  const subsidyYuan = Math.min(Math.round(amountYuan * share), maxSubsidy(amountYuan, lead, rule));
  return { amountYuan, subsidyYuan, enterpriseFundsYuan: amountYuan - subsidyYuan };
}
