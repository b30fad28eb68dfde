/**
 * Okapi BM25 over pre-segmented documents, as an inverted index: scoring a query touches only
 * the postings of its terms, so ranking 10,000 teams costs what their matching terms cost.
 *
 *   score(d, q) = Σ_t∈q  qtf(t) · idf(t) · tf(t,d)·(k1+1) / (tf(t,d) + k1·(1 − b + b·|d|/avgdl))
 *   idf(t)      = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))
 *
 * (the non-negative idf of Lucene, so a term in most documents still counts a little).
 */
export interface Bm25Params {
  k1: number;
  b: number;
}

export interface Bm25Index {
  readonly size: number;
  readonly avgLength: number;
  readonly lengths: Uint32Array;
  readonly postings: ReadonlyMap<string, { docs: Uint32Array; tfs: Uint16Array }>;
  readonly params: Bm25Params;
}

export function buildBm25Index(docs: readonly (readonly string[])[], params: Bm25Params): Bm25Index {
  const lengths = new Uint32Array(docs.length);
  const lists = new Map<string, { docs: number[]; tfs: number[] }>();
  let total = 0;
  docs.forEach((tokens, d) => {
    lengths[d] = tokens.length;
    total += tokens.length;
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let list = lists.get(t);
      if (!list) lists.set(t, (list = { docs: [], tfs: [] }));
      list.docs.push(d);
      list.tfs.push(Math.min(n, 65_535));
    }
  });
  const postings = new Map<string, { docs: Uint32Array; tfs: Uint16Array }>();
  for (const [t, l] of lists) postings.set(t, { docs: Uint32Array.from(l.docs), tfs: Uint16Array.from(l.tfs) });
  return { size: docs.length, avgLength: docs.length ? total / docs.length : 0, lengths, postings, params };
}

export function idf(index: Bm25Index, term: string): number {
  const df = index.postings.get(term)?.docs.length ?? 0;
  return Math.log(1 + (index.size - df + 0.5) / (df + 0.5));
}

/** Query term → how often it occurs in the query. */
export function queryTerms(tokens: readonly string[], weights: ReadonlyMap<string, number> = new Map()): Map<string, number> {
  const q = new Map<string, number>();
  for (const t of tokens) q.set(t, (q.get(t) ?? 0) + (weights.get(t) ?? 1));
  return q;
}

export interface Bm25Hit {
  score: number;
  /** Each query term's share of the score. */
  terms: Map<string, number>;
}

/** BM25 of every document containing a query term; documents matching none are absent. */
export function bm25Scores(index: Bm25Index, query: ReadonlyMap<string, number>, explain = true): Map<number, Bm25Hit> {
  const { k1, b } = index.params;
  const hits = new Map<number, Bm25Hit>();
  for (const [term, qtf] of query) {
    const list = index.postings.get(term);
    if (!list) continue;
    const w = qtf * idf(index, term);
    for (let i = 0; i < list.docs.length; i++) {
      const d = list.docs[i]!;
      const tf = list.tfs[i]!;
      const norm = k1 * (1 - b + (b * index.lengths[d]!) / index.avgLength);
      const s = (w * tf * (k1 + 1)) / (tf + norm);
      let hit = hits.get(d);
      if (!hit) hits.set(d, (hit = { score: 0, terms: new Map() }));
      hit.score += s;
      if (explain) hit.terms.set(term, s);
    }
  }
  return hits;
}
