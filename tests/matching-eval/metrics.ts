/** Ranking quality measures over graded judgements (0 = not relevant). */

/** nDCG@k with gain 2^rel − 1 and log2 discount; 0 when nothing is relevant. */
export function ndcgAt(k: number, ranked: readonly string[], rel: Readonly<Record<string, number>>): number {
  const dcg = (grades: number[]) => grades.slice(0, k).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(rel).sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((id) => rel[id] ?? 0)) / ideal;
}

/** Share of the relevant items found in the top k. */
export function recallAt(k: number, ranked: readonly string[], rel: Readonly<Record<string, number>>): number {
  const relevant = Object.keys(rel).filter((id) => (rel[id] ?? 0) > 0);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

/** 1 / the rank of the first relevant item; 0 when none is ranked. */
export function reciprocalRank(ranked: readonly string[], rel: Readonly<Record<string, number>>): number {
  const i = ranked.findIndex((id) => (rel[id] ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

export const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
