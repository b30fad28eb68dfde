import { describe, expect, it } from 'vitest';
import { fundingBody, outcomeBody } from '../../../shared/contracts/contracts';
import { defaultFundingRule } from '../../../shared/funding-rules';
import { dictionaries } from '../i18n';
import {
  dayIso,
  everyPartySigned,
  fundingProblemMessage,
  fundingRuleExplanation,
  fundingValues,
  gradeKey,
  grades,
  inputForFundingPath,
  inputForOutcomePath,
  isPublisherSide,
  localDay,
  outcomeProblemMessage,
  outcomeValues,
  paidPercent,
  partyRoleKey,
  readFunding,
  readOutcome,
  terminationOutcomeKey,
  type FundingTerms,
} from './contract-form';

// 200 万元, an enterprise leads: subsidy ≤ 50 % and enterprise funds ≥ 2 × subsidy.
const enterpriseLed: FundingTerms = { amountYuan: 2_000_000, leadKind: 'enterprise', fundingRule: defaultFundingRule };
const academicLed: FundingTerms = { ...enterpriseLed, leadKind: 'academic' };
const zh = dictionaries['zh-CN'];

describe('funding values ⇄ body', () => {
  it('shows yuan as 万元 and reads them back exactly', () => {
    const values = fundingValues({ enterpriseFundsYuan: 1_400_000, subsidyYuan: 600_000, firstTrancheYuan: 1_200_000 });
    expect(values).toEqual({ enterpriseFundsWan: '140', subsidyWan: '60', firstTrancheWan: '120' });
    const { body, problems } = readFunding(values, enterpriseLed);
    expect(problems).toEqual([]);
    expect(body).toEqual({ enterpriseFundsYuan: 1_400_000, subsidyYuan: 600_000, firstTrancheYuan: 1_200_000 });
    expect(fundingBody.parse(body)).toEqual(body);
  });

  it('takes an empty first tranche as none, and odd digits typed on a Chinese IME', () => {
    const { body } = readFunding({ enterpriseFundsWan: '１５０', subsidyWan: '50.0000', firstTrancheWan: '' }, enterpriseLed);
    expect(body).toEqual({ enterpriseFundsYuan: 1_500_000, subsidyYuan: 500_000, firstTrancheYuan: 0 });
  });

  it('asks for both parts of the split and says which amount is not 万元', () => {
    const { body, problems } = readFunding({ enterpriseFundsWan: '', subsidyWan: '1.23456', firstTrancheWan: 'abc' }, enterpriseLed);
    expect(body).toBeNull();
    expect(problems).toEqual([
      { path: 'enterpriseFundsWan', kind: 'required' },
      { path: 'subsidyWan', kind: 'money', problem: 'precision' },
      { path: 'firstTrancheWan', kind: 'money', problem: 'format' },
    ]);
  });
});

describe('the funding rule, before sending', () => {
  it('puts a wrong sum at the subsidy', () => {
    const { problems } = readFunding({ enterpriseFundsWan: '150', subsidyWan: '40', firstTrancheWan: '0' }, enterpriseLed);
    expect(problems).toEqual([{ path: 'subsidyWan', kind: 'rule', rule: 'sum' }]);
  });

  it('refuses a subsidy over the cap (one message at the subsidy) and too little co-funding', () => {
    const { problems } = readFunding({ enterpriseFundsWan: '80', subsidyWan: '120', firstTrancheWan: '' }, enterpriseLed);
    expect(problems).toEqual([
      { path: 'subsidyWan', kind: 'rule', rule: 'subsidy_cap' },
      { path: 'enterpriseFundsWan', kind: 'rule', rule: 'co_funding' },
    ]);
  });

  it('applies the multiple of the lead’s kind: 1:1 is enough when a university leads, not when an enterprise does', () => {
    const even = { enterpriseFundsWan: '100', subsidyWan: '100', firstTrancheWan: '' };
    expect(readFunding(even, academicLed).problems).toEqual([]);
    expect(readFunding(even, enterpriseLed).problems).toEqual([{ path: 'enterpriseFundsWan', kind: 'rule', rule: 'co_funding' }]);
  });

  it('refuses a first tranche above the amount', () => {
    const { problems } = readFunding({ enterpriseFundsWan: '200', subsidyWan: '0', firstTrancheWan: '200.0001' }, enterpriseLed);
    expect(problems).toEqual([{ path: 'firstTrancheWan', kind: 'firstTranche' }]);
  });

  it('says each problem with this contract’s numbers, in keys both dictionaries have', () => {
    const cap = fundingProblemMessage({ path: 'subsidyWan', kind: 'rule', rule: 'subsidy_cap' }, enterpriseLed);
    expect(cap).toEqual({ key: 'funding.rule.subsidyCap', params: { percent: 50, max: '100' } });
    expect(fundingProblemMessage({ path: 'enterpriseFundsWan', kind: 'rule', rule: 'co_funding' }, academicLed)).toEqual({
      key: 'funding.rule.coFundingAcademic',
      params: { multiple: 1 },
    });
    expect(fundingProblemMessage({ path: 'subsidyWan', kind: 'rule', rule: 'sum' }, enterpriseLed)).toEqual({ key: 'funding.rule.sum', params: { amount: '200' } });
    expect(fundingProblemMessage({ path: 'subsidyWan', kind: 'money', problem: 'range' }, enterpriseLed).key).toBe('validation.moneyRange');
    expect(zh[cap.key]).toContain('{max}');
  });

  it('explains the rule in one sentence with the largest subsidy it allows', () => {
    // 200 万元 led by an enterprise: the 2:1 co-funding allows 66.6666 万元, below the 50 % cap.
    expect(fundingRuleExplanation(enterpriseLed)).toEqual({ key: 'funding.explain.enterprise', params: { percent: 50, multiple: 2, max: '66.6666' } });
    expect(fundingRuleExplanation(academicLed)).toEqual({ key: 'funding.explain.academic', params: { percent: 50, multiple: 1, max: '100' } });
  });

  it('maps the server’s field paths to the 万元 inputs', () => {
    expect(inputForFundingPath('subsidyYuan')).toBe('subsidyWan');
    expect(inputForFundingPath('firstTrancheYuan')).toBe('firstTrancheWan');
    expect(inputForFundingPath('other')).toBe('other');
    expect(inputForOutcomePath('revenueYuan')).toBe('revenueWan');
  });
});

describe('成果转化 reports', () => {
  it('round-trips an answer', () => {
    const values = outcomeValues({ product: 'XK-200 数控刀具', revenueYuan: 3_500_000, patents: 2, note: '' });
    expect(values).toEqual({ product: 'XK-200 数控刀具', revenueWan: '350', patents: '2', note: '' });
    const { body } = readOutcome(values);
    expect(body).toEqual({ product: 'XK-200 数控刀具', revenueYuan: 3_500_000, patents: 2, note: '' });
    expect(outcomeBody.parse(body)).toEqual(body);
  });

  it('leaves unknown numbers empty (null) rather than zero', () => {
    expect(readOutcome({ product: '', revenueWan: '', patents: '', note: '仍在中试' }).body).toEqual({ product: '', revenueYuan: null, patents: null, note: '仍在中试' });
    expect(outcomeValues({ product: null, revenueYuan: null, patents: null, note: null })).toEqual({ product: '', revenueWan: '', patents: '', note: '' });
  });

  it('refuses an empty report, a bad revenue and a patent count that is not a whole number', () => {
    expect(readOutcome({ product: ' ', revenueWan: '', patents: '', note: '' }).problems).toEqual([{ path: 'product', kind: 'empty' }]);
    const { body, problems } = readOutcome({ product: 'x', revenueWan: '1e3', patents: '2.5', note: '' });
    expect(body).toBeNull();
    expect(problems).toEqual([
      { path: 'revenueWan', kind: 'money', problem: 'format' },
      { path: 'patents', kind: 'whole' },
    ]);
    expect(outcomeProblemMessage({ path: 'patents', kind: 'whole' })).toEqual({ key: 'outcome.validation.patents', params: { max: 10_000 } });
  });
});

describe('labels', () => {
  it('names the four grades best first, and every role and outcome, in both languages', () => {
    expect(grades.map((g) => zh[gradeKey(g)])).toEqual(['优秀', '良好', '合格', '不合格']);
    expect(dictionaries.en[gradeKey('fail')]).toBe('Fail');
    expect(zh[partyRoleKey('lead')]).toBe('揭榜方（牵头）');
    expect(zh[partyRoleKey('partner')]).toBe('联合揭榜单位');
    expect(zh[terminationOutcomeKey('excused')]).toBe('容错免责');
  });
});

describe('dates, progress and parties', () => {
  it('reads a calendar day in local time and leaves timestamps alone', () => {
    expect(dayIso('2026-05-01')).toBe('2026-05-01T00:00:00');
    expect(new Date(dayIso('2026-05-01')).getDate()).toBe(1);
    expect(dayIso('2026-05-01T08:00:00.000Z')).toBe('2026-05-01T08:00:00.000Z');
    expect(dayIso(null)).toBeNull();
    expect(localDay(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });

  it('shows whole percent paid, never above 100', () => {
    expect(paidPercent(0, 2_000_000)).toBe(0);
    expect(paidPercent(1_999_999, 2_000_000)).toBe(99);
    expect(paidPercent(2_000_000, 2_000_000)).toBe(100);
    expect(paidPercent(5, 0)).toBe(0);
  });

  it('knows when every party signed and who is on the publisher side', () => {
    expect(everyPartySigned([])).toBe(false);
    expect(everyPartySigned([{ signedAt: '2026-01-01T00:00:00Z' }, { signedAt: null }])).toBe(false);
    expect(everyPartySigned([{ signedAt: '2026-01-01T00:00:00Z' }])).toBe(true);
    const parties = [
      { organisationId: 'p', role: 'publisher' as const },
      { organisationId: 't', role: 'lead' as const },
    ];
    expect(isPublisherSide(parties, [{ organisationId: 'p' }])).toBe(true);
    expect(isPublisherSide(parties, [{ organisationId: 't' }])).toBe(false);
  });
});
