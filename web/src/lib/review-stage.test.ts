import { describe, expect, it } from 'vitest';
import { countByStage, parseStage, reviewStage } from './review-stage';

type Item = Parameters<typeof reviewStage>[0];

const base: Item = {
  awaitingEligibility: 0,
  eligible: 3,
  criteriaSet: true,
  assignments: 6,
  scored: 2,
  rankingFinal: false,
  award: null,
};
const award = (status: NonNullable<Item['award']>['status'], openObjections = 0) => ({ id: 'a586a060-e549-4e03-9ac9-7be29a6a70c7', status, openObjections });

describe('reviewStage', () => {
  it('waits for the eligibility check while any submitted bid is unchecked', () => {
    const s = reviewStage({ ...base, awaitingEligibility: 2, criteriaSet: false, assignments: 0, scored: 0 });
    expect(s).toMatchObject({ stage: 'eligibility', key: 'reviewQueue.stage.eligibility', params: { count: 2 }, alert: false });
  });

  it('says so when no bid passed the eligibility check', () => {
    expect(reviewStage({ ...base, eligible: 0, criteriaSet: false, assignments: 0, scored: 0 }).stage).toBe('noEligible');
  });

  it('asks for criteria before anything else once eligibility is done', () => {
    expect(reviewStage({ ...base, criteriaSet: false, assignments: 0, scored: 0 }).stage).toBe('criteria');
  });

  it('asks for experts while some eligible bid has none', () => {
    expect(reviewStage({ ...base, assignments: 0, scored: 0 }).stage).toBe('assignment');
    expect(reviewStage({ ...base, assignments: 2, scored: 1 }).stage).toBe('assignment');
  });

  it('asks for experts when every assignment is scored but the ranking is not final (a bid lost its expert to recusal)', () => {
    expect(reviewStage({ ...base, assignments: 4, scored: 4 }).stage).toBe('assignment');
  });

  it('shows scoring progress as scored/assigned', () => {
    expect(reviewStage(base)).toMatchObject({ stage: 'scoring', key: 'reviewQueue.stage.scoring', params: { scored: 2, assignments: 6 } });
  });

  it('waits for the publisher once the ranking is final', () => {
    expect(reviewStage({ ...base, scored: 6, rankingFinal: true }).stage).toBe('proposal');
  });

  it('follows the award: proposed, in notice, final', () => {
    const done = { ...base, scored: 6, rankingFinal: true };
    expect(reviewStage({ ...done, award: award('proposed') }).stage).toBe('confirmation');
    expect(reviewStage({ ...done, award: award('in_notice') })).toMatchObject({ stage: 'notice', key: 'reviewQueue.stage.notice', alert: false });
    expect(reviewStage({ ...done, award: award('final') }).stage).toBe('final');
  });

  it('flags open objections during the notice', () => {
    const s = reviewStage({ ...base, scored: 6, rankingFinal: true, award: award('in_notice', 2) });
    expect(s).toMatchObject({ stage: 'notice', key: 'reviewQueue.stage.noticeObjections', params: { count: 2 }, alert: true });
  });

  it('goes back to the proposal after a declined or revoked award', () => {
    const done = { ...base, scored: 6, rankingFinal: true };
    expect(reviewStage({ ...done, award: award('declined') }).stage).toBe('proposal');
    expect(reviewStage({ ...done, award: award('revoked') }).stage).toBe('proposal');
  });
});

describe('parseStage', () => {
  it('accepts known stages only', () => {
    expect(parseStage('scoring')).toBe('scoring');
    expect(parseStage('nonsense')).toBeNull();
    expect(parseStage(null)).toBeNull();
    expect(parseStage('')).toBeNull();
  });
});

describe('countByStage', () => {
  it('counts every stage, zero included', () => {
    const counts = countByStage([base, base, { ...base, criteriaSet: false }]);
    expect(counts.scoring).toBe(2);
    expect(counts.criteria).toBe(1);
    expect(counts.final).toBe(0);
  });
});
