import type { ChallengeDetail, ChallengeDraft, ChallengeSummary } from '../../../shared/contracts/challenges';
import { missingForSubmission } from '../../../shared/contracts/challenges';
import { allowedEvents } from '../../../shared/lifecycle';
import { challengeLifecycle, publicStates } from '../../../shared/lifecycles/challenge';
import type { Actor } from '../../context';
import type { SummaryRow } from './read-queries';
import type { ChallengeRow } from './repository';

export const isStaff = (a: Actor | null) => !!a && (a.roles.includes('official') || a.roles.includes('admin'));
/**
 * Officials of the bureau, who run bidding, review and award. Sealed bids, rankings and award
 * proposals are theirs (and the publisher side's) to see, not the IT administrators'.
 */
export const isOfficial = (a: Actor | null) => !!a && a.roles.includes('official');
export const orgIdsOf = (a: Actor | null) => a?.memberships.map((m) => m.organisationId) ?? [];
const memberOf = (a: Actor | null, orgId: string) => orgIdsOf(a).includes(orgId);
const isVerifiedTeamMember = (a: Actor | null) => !!a?.memberships.some((m) => m.organisationKind === 'team' && m.verification === 'verified');

export interface Related {
  jointPublisherIds: string[];
  invitedTeamIds: string[];
}

/** Publisher, a joint publisher, or staff: the people who run the challenge. */
export function isPublisherSide(a: Actor | null, c: ChallengeRow, r: Related): boolean {
  return memberOf(a, c.publisherId) || r.jointPublisherIds.some((id) => memberOf(a, id));
}

/**
 * Who may see a challenge at all. Drafts and vetting stay between the publisher and the
 * bureau; a directed challenge is visible only to its invited teams, in lists and everywhere.
 */
export function canSeeChallenge(a: Actor | null, c: ChallengeRow, r: Related): boolean {
  if (isStaff(a) || isPublisherSide(a, c, r)) return true;
  if (!publicStates.includes(c.status)) return false;
  if (!c.directed) return true;
  return r.invitedTeamIds.some((id) => memberOf(a, id));
}

/** Restricted descriptions: logged-in members of verified teams, the publisher side, officials. */
export function canSeeDescription(a: Actor | null, c: ChallengeRow, r: Related): boolean {
  if (!canSeeChallenge(a, c, r)) return false;
  if (c.descriptionVisibility !== 'restricted') return true;
  return isStaff(a) || isPublisherSide(a, c, r) || isVerifiedTeamMember(a);
}

export function draftOf(c: ChallengeRow, r: Related): ChallengeDraft {
  return {
    title: c.title || undefined,
    summary: c.summary || undefined,
    description: c.description || undefined,
    descriptionVisibility: c.descriptionVisibility ?? undefined,
    industry: (c.industry ?? undefined) as ChallengeDraft['industry'],
    industryChain: c.industryChain ?? undefined,
    indicators: c.indicators,
    bountyYuan: c.bountyYuan ?? undefined,
    enterpriseFundsYuan: c.enterpriseFundsYuan ?? undefined,
    subsidyYuan: c.subsidyYuan ?? undefined,
    deliveryMonths: c.deliveryMonths ?? undefined,
    deadline: c.deadline?.toISOString(),
    ipTerms: c.ipTerms ?? undefined,
    requirements: { text: c.requirementsText, institutionKinds: c.allowedInstitutionKinds, regions: c.allowedRegions },
    contact: c.contactName && c.contactPhone && c.contactEmail ? { name: c.contactName, phone: c.contactPhone, email: c.contactEmail } : undefined,
    jointPublisherIds: r.jointPublisherIds,
    directed: c.directed,
    invitedTeamIds: r.invitedTeamIds,
    allowsHorseRace: c.allowsHorseRace,
  };
}

export function toSummary(c: SummaryRow, publisherName: string, batchTitle: string | null): ChallengeSummary {
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    industry: c.industry,
    industryChain: c.industryChain,
    bountyYuan: c.bountyYuan,
    deadline: c.deadline?.toISOString() ?? null,
    status: c.status,
    directed: c.directed,
    publisherName,
    batchTitle,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export interface DetailParts {
  publisherName: string;
  batchTitle: string | null;
  jointPublishers: { organisationId: string; name: string; confirmedAt: Date | null }[];
  invitedTeams: { organisationId: string; name: string }[];
  attachments: { id: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string; createdAt: Date }[];
  questions: { id: string; askedByOrganisationId: string; question: string; answer: string | null; createdAt: Date; answeredAt: Date | null }[];
}

export const relatedOf = (p: DetailParts): Related => ({ jointPublisherIds: p.jointPublishers.map((j) => j.organisationId), invitedTeamIds: p.invitedTeams.map((t) => t.organisationId) });

export function toDetail(a: Actor | null, c: ChallengeRow, p: DetailParts, now: Date): ChallengeDetail {
  const r = relatedOf(p);
  const publisherSide = isPublisherSide(a, c, r);
  const staff = isStaff(a);
  const seeDescription = canSeeDescription(a, c, r);
  const open = c.status === 'published' && !!c.deadline && c.deadline > now;
  const roles = a?.roles ?? [];
  // The table says which events the roles allow; data conditions narrow them to this viewer.
  const events = allowedEvents(challengeLifecycle, c.status, roles).filter((e) => {
    if (e === 'edit' || e === 'submit' || e === 'withdraw') return memberOf(a, c.publisherId);
    if (e === 'change_terms') return open && (staff || memberOf(a, c.publisherId));
    if (e === 'publish') return false; // through a batch
    return true;
  });
  const ownOrgs = orgIdsOf(a);
  return {
    ...toSummary(c, p.publisherName, p.batchTitle),
    revision: c.revision,
    publisherId: c.publisherId,
    description: seeDescription ? c.description : null,
    descriptionVisibility: c.descriptionVisibility,
    indicators: c.indicators,
    enterpriseFundsYuan: c.enterpriseFundsYuan,
    subsidyYuan: c.subsidyYuan,
    deliveryMonths: c.deliveryMonths,
    ipTerms: c.ipTerms,
    allowsHorseRace: c.allowsHorseRace,
    requirements: { text: c.requirementsText, institutionKinds: c.allowedInstitutionKinds, regions: c.allowedRegions },
    contact: a && seeDescription && c.contactName && c.contactPhone && c.contactEmail ? { name: c.contactName, phone: c.contactPhone, email: c.contactEmail } : null,
    jointPublishers: p.jointPublishers.map((j) => ({ organisationId: j.organisationId, name: j.name, confirmedAt: j.confirmedAt?.toISOString() ?? null })),
    invitedTeams: publisherSide || staff ? p.invitedTeams : [],
    attachments: seeDescription ? p.attachments.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })) : [],
    // Answered questions are for everyone who sees the challenge; open ones for those who answer and the asker.
    questions: p.questions
      .filter((q) => q.answer !== null || publisherSide || staff || ownOrgs.includes(q.askedByOrganisationId))
      .map((q) => ({
        id: q.id,
        question: q.question,
        answer: q.answer,
        askedAt: q.createdAt.toISOString(),
        answeredAt: q.answeredAt?.toISOString() ?? null,
        mine: ownOrgs.includes(q.askedByOrganisationId),
      })),
    rejectionReason: publisherSide || staff ? c.rejectionReason : null,
    reworkComments: publisherSide || staff ? c.reworkComments : null,
    missing: publisherSide ? missingForSubmission(draftOf(c, r)) : [],
    viewer: {
      isPublisher: publisherSide,
      canSeeDescription: seeDescription,
      canAsk: open && isVerifiedTeamMember(a) && !publisherSide,
      canAnswer: (publisherSide || staff) && publicStates.includes(c.status),
      events,
    },
  };
}
