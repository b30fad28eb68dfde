import { describe, expect, it } from 'vitest';
import { bm25Scores, buildBm25Index, idf, queryTerms } from '../../shared/matching/bm25';

const params = { k1: 1.2, b: 0.75 };

describe('BM25 arithmetic', () => {
  // Three documents: lengths 4, 2 and 6 (average 4).
  const docs = [['膜电极', '催化', '催化', '铂'], ['膜电极', '涂层'], ['涂层', '防腐', '海洋', '环氧', '石墨烯', '涂层']];
  const index = buildBm25Index(docs, params);

  it('computes idf as ln(1 + (N − df + 0.5) / (df + 0.5))', () => {
    expect(idf(index, '膜电极')).toBeCloseTo(Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5)), 12);
    expect(idf(index, '铂')).toBeCloseTo(Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5)), 12);
    expect(idf(index, '没有')).toBeCloseTo(Math.log(1 + 3.5 / 0.5), 12);
  });

  it('scores a document term by term with length normalisation', () => {
    const hits = bm25Scores(index, queryTerms(['催化']));
    // doc 0: tf 2, |d| 4 = avgdl → norm = k1.
    const expected = (idf(index, '催化') * 2 * 2.2) / (2 + 1.2);
    expect(hits.get(0)!.score).toBeCloseTo(expected, 12);
    expect([...hits.keys()]).toEqual([0]);
  });

  it('sums over query terms, counts repeated query terms, and prefers the shorter document at equal tf', () => {
    const q = queryTerms(['膜电极', '涂层', '涂层']);
    const hits = bm25Scores(index, q);
    const term = (t: string, tf: number, len: number) => (idf(index, t) * tf * 2.2) / (tf + 1.2 * (1 - 0.75 + (0.75 * len) / 4));
    expect(hits.get(1)!.score).toBeCloseTo(term('膜电极', 1, 2) + 2 * term('涂层', 1, 2), 12);
    expect(hits.get(2)!.score).toBeCloseTo(2 * term('涂层', 2, 6), 12);
    expect(hits.get(1)!.terms.get('涂层')).toBeCloseTo(2 * term('涂层', 1, 2), 12);
    expect(term('膜电极', 1, 2)).toBeGreaterThan(term('膜电极', 1, 4));
  });

  it('takes query term weights', () => {
    const q = queryTerms(['铂'], new Map([['铂', 3]]));
    expect(q.get('铂')).toBe(3);
  });
});
