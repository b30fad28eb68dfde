/**
 * The matching ranker's knobs, in one place. A team's score for a challenge is
 *   text × relevance of its profile text (BM25, scaled to the best candidate's)
 * + field × 1 when it works in the challenge's industry chain, 0.5 in the same industry
 * + track × its track record (deals, acceptance grades, milestones on time)
 * + capacity × its spare capacity (free contract slots, up to `capacityFull`)
 * so with weights summing to 1 the score lies in [0, 1].
 */
export const matchingConfig = {
  weights: { text: 0.55, field: 0.25, track: 0.12, capacity: 0.08 },
  /** Field credit for a team in the same industry but another chain. */
  sameIndustryCredit: 0.5,
  bm25: { k1: 1.2, b: 0.75 },
  /** Challenge title terms count this many times in the query: the title says what is needed. */
  titleWeight: 2,
  /** Team keywords count this many times in its document: the team chose them. */
  keywordWeight: 2,
  /** Spare slots at which capacity credit is full. */
  capacityFull: 3,
  /** Stored matches per challenge, and invitations sent when it is published. */
  keep: 50,
  invite: 10,
  /** Terms shown in an explanation. */
  explainTerms: 8,
} as const;

export type MatchingConfig = typeof matchingConfig;
