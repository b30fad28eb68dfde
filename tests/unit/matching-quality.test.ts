import { describe, expect, it } from 'vitest';
import { evalChallenges } from '../matching-eval/data/challenges';
import { judgements } from '../matching-eval/data/judgements';
import { evalTeams } from '../matching-eval/data/teams';
import { evaluate } from '../matching-eval/evaluate';
import { ndcgAt, recallAt, reciprocalRank } from '../matching-eval/metrics';

describe('ranking measures', () => {
  const rel = { a: 3, b: 1, c: 2 };
  it('nDCG@k: 1 for the ideal order, less for a worse one, 0 with nothing relevant', () => {
    expect(ndcgAt(10, ['a', 'c', 'b'], rel)).toBeCloseTo(1, 12);
    const dcg = 7 / Math.log2(2) + 0 / Math.log2(3) + 1 / Math.log2(4);
    const ideal = 7 / Math.log2(2) + 3 / Math.log2(3) + 1 / Math.log2(4);
    expect(ndcgAt(10, ['a', 'x', 'b'], rel)).toBeCloseTo(dcg / ideal, 12);
    expect(ndcgAt(10, ['x'], {})).toBe(0);
  });
  it('Recall@k and reciprocal rank', () => {
    expect(recallAt(2, ['x', 'a', 'b'], rel)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(['x', 'y', 'c'], rel)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(['x'], rel)).toBe(0);
  });
});

describe('the labelled evaluation set', () => {
  it('has at least 40 challenges and 150 teams, every challenge judged, every judgement on a known team', () => {
    expect(evalChallenges.length).toBeGreaterThanOrEqual(40);
    expect(evalTeams.length).toBeGreaterThanOrEqual(150);
    const teamKeys = new Set(evalTeams.map((t) => t.key));
    for (const c of evalChallenges) {
      const judged = Object.entries(judgements[c.key] ?? {});
      expect(judged.length, c.key).toBeGreaterThan(0);
      for (const [team] of judged) expect(teamKeys.has(team), team).toBe(true);
    }
  });

  it('the ranker beats plain BM25 on nDCG@10', () => {
    const { ranker, bm25 } = evaluate();
    expect(ranker.ndcg10).toBeGreaterThan(bm25.ndcg10);
  });
});
