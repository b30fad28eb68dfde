import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultFundingRule as rule, fundingRuleProblems, maxSubsidy, proposedSplit } from '../../shared/funding-rules';

const rules = (s: { amountYuan: number; enterpriseFundsYuan: number; subsidyYuan: number }, lead: 'enterprise' | 'academic') => fundingRuleProblems(s, lead, rule).map((p) => p.rule);

describe('funding rules (配套资金)', () => {
  it('allows half subsidy when a university leads (1:1) but not when an enterprise leads (2:1)', () => {
    const half = { amountYuan: 2_000_000, enterpriseFundsYuan: 1_000_000, subsidyYuan: 1_000_000 };
    expect(rules(half, 'academic')).toEqual([]);
    expect(rules(half, 'enterprise')).toEqual(['co_funding']);
    expect(rules({ amountYuan: 3_000_000, enterpriseFundsYuan: 2_000_000, subsidyYuan: 1_000_000 }, 'enterprise')).toEqual([]);
  });

  it('caps the subsidy at 50 % of the amount and names each rule broken', () => {
    expect(rules({ amountYuan: 1_000_000, enterpriseFundsYuan: 400_000, subsidyYuan: 600_000 }, 'academic')).toEqual(['subsidy_cap', 'co_funding']);
    expect(rules({ amountYuan: 1_000_000, enterpriseFundsYuan: 500_000, subsidyYuan: 400_000 }, 'academic')).toEqual(['sum']);
    const [p] = fundingRuleProblems({ amountYuan: 1_000_000, enterpriseFundsYuan: 1_000_000, subsidyYuan: 600_000 }, 'academic', { ...rule, maxSubsidyPercent: 30 });
    expect(p).toMatchObject({ path: 'subsidyYuan', rule: 'sum' });
  });

  it('follows a configured rule', () => {
    const strict = { maxSubsidyPercent: 30, enterpriseLeadMultiple: 3, academicLeadMultiple: 2 };
    expect(fundingRuleProblems({ amountYuan: 1_000_000, enterpriseFundsYuan: 600_000, subsidyYuan: 400_000 }, 'academic', strict).map((p) => p.message)).toEqual([
      'the subsidy may be at most 30 % of the contract amount',
      'enterprise funds must be at least 2 × the subsidy when a university or institute leads',
    ]);
  });

  it('proposes a split the rule allows, whatever the amount and the challenge asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom('enterprise' as const, 'academic' as const), (amount, bounty, pct, lead) => {
        const split = proposedSplit(amount, { bountyYuan: bounty, subsidyYuan: Math.floor((bounty * pct) / 100) }, lead, rule);
        expect(fundingRuleProblems(split, lead, rule)).toEqual([]);
        expect(split.subsidyYuan).toBeLessThanOrEqual(maxSubsidy(amount, lead, rule));
      }),
    );
  });
});
