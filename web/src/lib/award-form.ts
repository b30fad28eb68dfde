import { standingAwardStates, type AwardState } from '../../../shared/lifecycles/award';

/** At most this many winners: one, or up to three in a horse race (赛马制). */
export const maxWinners = (allowsHorseRace: boolean) => (allowsHorseRace ? 3 : 1);

/**
 * Whether a proposal needs a reason: some winner is not among the top of the ranking, as many
 * places as there are winners. The same rule as the server's `propose`
 * (server/modules/awards/service.ts), so the form says so before sending.
 */
export function departsFromRanking(winnerBidIds: readonly string[], ranking: readonly { bidId: string }[]): boolean {
  const winners = [...new Set(winnerBidIds)];
  const top = ranking.slice(0, winners.length).map((i) => i.bidId);
  return winners.some((w) => !top.includes(w));
}

export type ProposalProblem = 'noWinner' | 'tooMany' | 'notRanked' | 'reasonRequired';

/** What the server would refuse in a proposal, checked before sending (path → problem). */
export function proposalProblems(
  winnerBidIds: readonly string[],
  reason: string,
  ranking: readonly { bidId: string }[],
  allowsHorseRace: boolean,
): { path: 'winnerBidIds' | 'reason'; problem: ProposalProblem }[] {
  const winners = [...new Set(winnerBidIds)];
  const problems: { path: 'winnerBidIds' | 'reason'; problem: ProposalProblem }[] = [];
  if (winners.length === 0) problems.push({ path: 'winnerBidIds', problem: 'noWinner' });
  else if (winners.length > maxWinners(allowsHorseRace)) problems.push({ path: 'winnerBidIds', problem: 'tooMany' });
  else if (winners.some((w) => !ranking.some((i) => i.bidId === w))) problems.push({ path: 'winnerBidIds', problem: 'notRanked' });
  if (winners.length > 0 && departsFromRanking(winners, ranking) && reason.trim() === '') problems.push({ path: 'reason', problem: 'reasonRequired' });
  return problems;
}

/**
 * The winners after the user picks one: a single choice replaces the previous one; in a horse
 * race a pick toggles, and a fourth pick is not taken.
 */
export function pickWinner(selected: readonly string[], bidId: string, allowsHorseRace: boolean): string[] {
  if (!allowsHorseRace) return [bidId];
  if (selected.includes(bidId)) return selected.filter((id) => id !== bidId);
  if (selected.length >= maxWinners(true)) return [...selected];
  return [...selected, bidId];
}

/** The decision that stands on a challenge (proposed, in notice or final), if any: at most one does. */
export function standingDecision<T extends { status: AwardState }>(decisions: readonly T[]): T | undefined {
  return decisions.find((d) => standingAwardStates.includes(d.status));
}

/** Winners in the order of the ranking (the server lists them as stored); unranked ones last. */
export function inRankingOrder<W extends { bidId: string }>(winners: readonly W[], ranking: readonly { bidId: string }[]): W[] {
  const place = (w: W) => {
    const i = ranking.findIndex((r) => r.bidId === w.bidId);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...winners].sort((a, b) => place(a) - place(b));
}

/** A weighted score (0–100) with two decimals; null before any expert has scored. */
export function formatScore(score: number | null): string | null {
  return score === null || !Number.isFinite(score) ? null : score.toFixed(2);
}

/** The mean of one criterion's scores, two decimals; null when no expert scored it. */
export function meanScore(scores: readonly number[]): string | null {
  if (scores.length === 0) return null;
  return (scores.reduce((sum, s) => sum + s, 0) / scores.length).toFixed(2);
}
