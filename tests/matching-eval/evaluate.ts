import { bm25Scores, buildBm25Index, queryTerms } from '../../shared/matching/bm25';
import { matchingConfig } from '../../shared/matching/config';
import { rankTeams, type TeamFacts } from '../../shared/matching/rank';
import { industryOfChain } from '../../shared/taxonomy/industry-chains';
import { challengeTerms, matchTokens, teamTokens } from '../../server/modules/matching/documents';
import { evalChallenges } from './data/challenges';
import { judgements } from './data/judgements';
import { evalTeams } from './data/teams';
import { mean, ndcgAt, recallAt, reciprocalRank } from './metrics';
import type { EvalTeam } from './types';

export interface Scores {
  ndcg10: number;
  recall10: number;
  mrr: number;
}

const profileText = (t: EvalTeam) => [t.name, t.keywords.join('，'), t.description, t.people.map((p) => p.expertise).join('，'), t.results.map((r) => r.title).join('，')].join('。');

/** The product's ranker and plain BM25 (the same segmenter, unweighted text, nothing else) on the labelled set. */
export function evaluate(): { ranker: Scores; bm25: Scores; perChallenge: { key: string; ranker: number; bm25: number }[] } {
  const facts: TeamFacts[] = evalTeams.map((t) => ({
    id: t.key,
    fields: t.fields,
    capacity: t.capacity,
    activeContracts: t.activeContracts,
    track: { deals: t.trackRecord.deals, grades: t.trackRecord.grades, milestonesOnTime: t.trackRecord.milestonesOnTime, milestonesLate: t.trackRecord.milestonesLate },
  }));
  const rankerIndex = buildBm25Index(evalTeams.map((t) => teamTokens(t)), matchingConfig.bm25);
  const plainIndex = buildBm25Index(evalTeams.map((t) => matchTokens(profileText(t))), matchingConfig.bm25);
  const rows = evalChallenges.map((c) => {
    const rel = judgements[c.key] ?? {};
    const ranked = rankTeams({ terms: challengeTerms(c), industry: c.industry, chain: c.industryChain }, rankerIndex, facts, {
      config: matchingConfig,
      eligible: () => true,
      industryOf: industryOfChain,
      limit: 10,
    }).map((r) => r.id);
    const plainQuery = queryTerms(matchTokens([c.title, c.summary, c.description, c.indicators.map((i) => i.name).join('，')].join('。')));
    const plain = [...bm25Scores(plainIndex, plainQuery, false)]
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, 10)
      .map(([i]) => evalTeams[i]!.key);
    return { key: c.key, rel, ranked, plain };
  });
  const scores = (pick: (r: (typeof rows)[number]) => string[]): Scores => ({
    ndcg10: mean(rows.map((r) => ndcgAt(10, pick(r), r.rel))),
    recall10: mean(rows.map((r) => recallAt(10, pick(r), r.rel))),
    mrr: mean(rows.map((r) => reciprocalRank(pick(r), r.rel))),
  });
  return {
    ranker: scores((r) => r.ranked),
    bm25: scores((r) => r.plain),
    perChallenge: rows.map((r) => ({ key: r.key, ranker: ndcgAt(10, r.ranked, r.rel), bm25: ndcgAt(10, r.plain, r.rel) })),
  };
}
