import { describe, expect, it } from 'vitest';
import { departsFromRanking, formatScore, inRankingOrder, maxWinners, meanScore, pickWinner, proposalProblems, standingDecision } from './award-form';

const ranking = [{ bidId: 'a' }, { bidId: 'b' }, { bidId: 'c' }, { bidId: 'd' }];

describe('departsFromRanking', () => {
  it('does not for the top of the ranking, in any order', () => {
    expect(departsFromRanking(['a'], ranking)).toBe(false);
    expect(departsFromRanking(['b', 'a'], ranking)).toBe(false);
    expect(departsFromRanking(['c', 'a', 'b'], ranking)).toBe(false);
  });

  it('does when a winner is below the top places', () => {
    expect(departsFromRanking(['b'], ranking)).toBe(true);
    expect(departsFromRanking(['a', 'c'], ranking)).toBe(true);
  });

  it('counts a winner picked twice once, as the server does', () => {
    expect(departsFromRanking(['a', 'a'], ranking)).toBe(false);
  });
});

describe('proposalProblems', () => {
  it('accepts the top bid without a reason', () => {
    expect(proposalProblems(['a'], '', ranking, false)).toEqual([]);
  });

  it('asks for a reason when the choice departs from the ranking, and only then', () => {
    expect(proposalProblems(['b'], '  ', ranking, false)).toEqual([{ path: 'reason', problem: 'reasonRequired' }]);
    expect(proposalProblems(['b'], '路线更成熟', ranking, false)).toEqual([]);
  });

  it('takes one winner, or up to three in a horse race', () => {
    expect(proposalProblems([], '', ranking, true)).toEqual([{ path: 'winnerBidIds', problem: 'noWinner' }]);
    expect(proposalProblems(['a', 'b'], '', ranking, false)[0]).toEqual({ path: 'winnerBidIds', problem: 'tooMany' });
    expect(proposalProblems(['a', 'b', 'c'], '', ranking, true)).toEqual([]);
    expect(proposalProblems(['a', 'b', 'c', 'd'], 'x', ranking, true)).toEqual([{ path: 'winnerBidIds', problem: 'tooMany' }]);
  });

  it('refuses a bid that is not in the ranking', () => {
    expect(proposalProblems(['z'], 'x', ranking, false)).toEqual([{ path: 'winnerBidIds', problem: 'notRanked' }]);
  });
});

describe('pickWinner', () => {
  it('replaces the choice without a horse race', () => {
    expect(pickWinner(['a'], 'b', false)).toEqual(['b']);
  });

  it('toggles in a horse race and stops at three', () => {
    expect(pickWinner(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(pickWinner(['a', 'b'], 'a', true)).toEqual(['b']);
    expect(pickWinner(['a', 'b', 'c'], 'd', true)).toEqual(['a', 'b', 'c']);
    expect(maxWinners(true)).toBe(3);
    expect(maxWinners(false)).toBe(1);
  });
});

describe('standingDecision', () => {
  it('finds the proposed, in-notice or final decision and skips closed ones', () => {
    expect(standingDecision([{ status: 'declined' as const }, { status: 'revoked' as const }])).toBeUndefined();
    expect(standingDecision([{ status: 'in_notice' as const, id: 1 }, { status: 'revoked' as const, id: 2 }])).toEqual({ status: 'in_notice', id: 1 });
  });
});

describe('inRankingOrder', () => {
  it('lists winners by their place, unranked ones last', () => {
    const winners = [{ bidId: 'z' }, { bidId: 'c' }, { bidId: 'a' }];
    expect(inRankingOrder(winners, ranking).map((w) => w.bidId)).toEqual(['a', 'c', 'z']);
  });
});

describe('scores', () => {
  it('shows two decimals, or nothing before any score', () => {
    expect(formatScore(83.456)).toBe('83.46');
    expect(formatScore(null)).toBeNull();
    expect(meanScore([7, 8, 8])).toBe('7.67');
    expect(meanScore([])).toBeNull();
  });
});
