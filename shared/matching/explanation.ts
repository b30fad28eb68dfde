/**
 * Why a team is ranked where it is for a challenge: stored with each match and shown to
 * officials (with every part) and to teams (with the terms and the field).
 */
export interface MatchExplanation {
  /** Terms of the challenge found in the team's profile, most telling first. */
  matchedTerms: string[];
  /** 'chain': the team works in the challenge's industry chain; 'industry': in its industry. */
  fieldMatch: 'chain' | 'industry' | 'none';
  trackRecord: { deals: number; averageGrade: number | null; onTimeRate: number | null };
  spareCapacity: number;
  /** Each part's contribution to the score (already weighted; they add up to it). */
  components: { text: number; field: number; track: number; capacity: number };
}
