import { bm25Scores, type Bm25Index } from './bm25';
import type { MatchingConfig } from './config';
import type { MatchExplanation } from './explanation';

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';

/** What the ranker knows about a team besides its text (the index holds the text). */
export interface TeamFacts {
  id: string;
  /** Industry-chain codes. */
  fields: readonly string[];
  capacity: number;
  activeContracts: number;
  track: TrackRecord;
}

export interface TrackRecord {
  deals: number;
  grades: readonly Grade[];
  milestonesOnTime: number;
  milestonesLate: number;
}

export interface ChallengeQuery {
  /** Query term → weight (title terms count more). */
  terms: ReadonlyMap<string, number>;
  industry: string | null;
  chain: string | null;
}

export interface RankedTeam {
  id: string;
  score: number;
  explanation: MatchExplanation;
}

const gradeValue: Record<Grade, number> = { excellent: 1, good: 0.75, pass: 0.5, fail: 0 };

/**
 * A track record in [0, 1]: deals won (full at 5), the mean acceptance grade and the share of
 * milestones delivered on time, each smoothed towards a middling prior so one grade does not
 * make or break a team, and a new team starts neither first nor last.
 */
export function trackScore(t: TrackRecord): { score: number; averageGrade: number | null; onTimeRate: number | null } {
  const deals = Math.min(t.deals, 5) / 5;
  const gradeSum = t.grades.reduce((s, g) => s + gradeValue[g], 0);
  const grade = (gradeSum + 0.5) / (t.grades.length + 1);
  const done = t.milestonesOnTime + t.milestonesLate;
  const onTime = (t.milestonesOnTime + 0.5) / (done + 1);
  return {
    score: 0.4 * deals + 0.3 * grade + 0.3 * onTime,
    averageGrade: t.grades.length ? gradeSum / t.grades.length : null,
    onTimeRate: done ? t.milestonesOnTime / done : null,
  };
}

export function spareCapacity(team: Pick<TeamFacts, 'capacity' | 'activeContracts'>): number {
  return Math.max(0, team.capacity - team.activeContracts);
}

export function fieldMatch(teamFields: readonly string[], q: Pick<ChallengeQuery, 'industry' | 'chain'>, industryOf: (chain: string) => string | undefined): MatchExplanation['fieldMatch'] {
  if (q.chain && teamFields.includes(q.chain)) return 'chain';
  if (q.industry && teamFields.some((f) => industryOf(f) === q.industry)) return 'industry';
  return 'none';
}

/** The most telling matched terms, leaving out those inside a longer one already shown (电极 in 膜电极). */
export function explainTerms(terms: ReadonlyMap<string, number>, n: number): string[] {
  const out: string[] = [];
  for (const [t] of [...terms].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)) {
    if (out.some((o) => o.includes(t))) continue;
    for (let i = out.length - 1; i >= 0; i--) if (t.includes(out[i]!)) out.splice(i, 1);
    out.push(t);
    if (out.length === n) break;
  }
  return out;
}

/**
 * Ranks the teams of `index` (team i is document i) for a challenge. Pure: the same inputs
 * give the same ranking. A team is a candidate when it is eligible and its text or its fields
 * match; its text relevance is its BM25 scaled by the best eligible candidate's, so every part
 * lies in [0, 1] and the weights say how much each counts. Ties go to the earlier team.
 */
export function rankTeams<T extends TeamFacts>(
  q: ChallengeQuery,
  index: Bm25Index,
  teams: readonly T[],
  opts: { config: MatchingConfig; eligible: (team: T) => boolean; industryOf: (chain: string) => string | undefined; limit?: number },
): RankedTeam[] {
  const { weights, sameIndustryCredit, capacityFull, explainTerms: nTerms } = opts.config;
  const hits = bm25Scores(index, q.terms);
  let best = 0;
  const candidates: { i: number; field: MatchExplanation['fieldMatch'] }[] = [];
  for (let i = 0; i < teams.length; i++) {
    const team = teams[i]!;
    const hit = hits.get(i);
    const field = fieldMatch(team.fields, q, opts.industryOf);
    if (!hit && field === 'none') continue;
    if (!opts.eligible(team)) continue;
    if (hit && hit.score > best) best = hit.score;
    candidates.push({ i, field });
  }
  const ranked = candidates.map(({ i, field }): RankedTeam & { i: number } => {
    const team = teams[i]!;
    const hit = hits.get(i);
    const track = trackScore(team.track);
    const spare = spareCapacity(team);
    const components = {
      text: weights.text * (hit && best > 0 ? hit.score / best : 0),
      field: weights.field * (field === 'chain' ? 1 : field === 'industry' ? sameIndustryCredit : 0),
      track: weights.track * track.score,
      capacity: weights.capacity * Math.min(spare, capacityFull) / capacityFull,
    };
    return {
      i,
      id: team.id,
      score: components.text + components.field + components.track + components.capacity,
      explanation: {
        matchedTerms: hit ? explainTerms(hit.terms, nTerms) : [],
        fieldMatch: field,
        trackRecord: { deals: team.track.deals, averageGrade: track.averageGrade, onTimeRate: track.onTimeRate },
        spareCapacity: spare,
        components,
      },
    };
  });
  ranked.sort((a, b) => b.score - a.score || a.i - b.i);
  return ranked.slice(0, opts.limit ?? opts.config.keep).map(({ i: _i, ...r }) => r);
}
