/**
 * 回避: an expert may not review a bid when they belong to the bidding team's or a partner's
 * organisation (as a member, or by working at the same institution), have declared a tie to
 * one of them, or worked on a deal with one of them in the last three years. Pure, so every
 * case is unit-tested; the service gathers the facts.
 */
export interface ExpertFacts {
  institution: string | null;
  memberOrganisationIds: readonly string[];
  tiedOrganisationIds: readonly string[];
  /**
   * Organisations that were party to a final award (a deal) together with one of the expert's
   * own organisations in the last three years. Until contracts exist (issue 5), a final award is
   * the record of a deal; contracts will take over as the source.
   */
  recentDealOrganisationIds: readonly string[];
}

export interface Party {
  organisationId: string;
  name: string;
  /** A team's host institution (扬州大学); for an enterprise, its own name. */
  institution: string | null;
}

export type ConflictReason = 'same_institution' | 'member_of_organisation' | 'declared_tie' | 'recent_deal';
export interface Conflict {
  reason: ConflictReason;
  organisationName: string;
}

/** Institutions compare without spaces and full-width/half-width brackets, which people type both ways. */
const normalise = (s: string) => s.replace(/[\s()（）]/g, '').toLowerCase();

export function findConflicts(expert: ExpertFacts, parties: readonly Party[]): Conflict[] {
  const out: Conflict[] = [];
  const mine = expert.institution ? normalise(expert.institution) : null;
  for (const p of parties) {
    if (expert.memberOrganisationIds.includes(p.organisationId)) out.push({ reason: 'member_of_organisation', organisationName: p.name });
    if (expert.tiedOrganisationIds.includes(p.organisationId)) out.push({ reason: 'declared_tie', organisationName: p.name });
    if (expert.recentDealOrganisationIds.includes(p.organisationId)) out.push({ reason: 'recent_deal', organisationName: p.name });
    const theirs = normalise(p.institution ?? p.name);
    // 扬州大学 vs 扬州大学化学化工学院: an expert at a school of the university is at the university.
    if (mine && theirs && (theirs.startsWith(mine) || mine.startsWith(theirs))) out.push({ reason: 'same_institution', organisationName: p.name });
  }
  return out;
}
