import { z } from 'zod';
import { bidState } from '../lifecycles/bid';
import { text } from './common';

export const bidMemberRole = z.enum(['lead', 'core', 'member']);

export const indicatorResponse = z.object({
  /** Position of the indicator in the challenge's list. */
  indicatorIndex: z.number().int().min(0).max(19),
  approach: text(2000),
  committedValue: text(50).regex(/\d/, 'the committed value must contain a number'),
});

export const bidMember = z.object({ name: text(50), title: text(50), role: bidMemberRole });

export const bidMilestone = z.object({
  title: text(100),
  deliverable: text(500),
  dueMonth: z.number().int().min(1).max(60),
  sharePercent: z.number().int().min(1).max(100),
});

/** A file attached to a bid; a submitted version lists its files, so the receipt covers them. */
export const bidAttachment = z.object({ id: z.uuid(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), sha256: z.string() });
export type BidAttachment = z.infer<typeof bidAttachment>;
/** At most this many files per bid. */
export const maxBidAttachments = 20;

/** A proposal as it is drafted: any part may be missing until submission. */
export const bidContent = z.object({
  technicalRoute: z.string().trim().max(20_000).default(''),
  indicatorResponses: z.array(indicatorResponse).max(20).default([]),
  members: z.array(bidMember).max(50).default([]),
  partnerIds: z.array(z.uuid()).max(5).default([]),
  quotedPriceYuan: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  durationMonths: z.number().int().min(1).max(60).nullable().default(null),
  milestones: z.array(bidMilestone).max(20).default([]),
  /** Set by the server from the uploaded files; what a client sends here is ignored. */
  attachments: z.array(bidAttachment).max(maxBidAttachments).default([]),
});
export type BidContent = z.infer<typeof bidContent>;

export interface BidTerms {
  indicatorCount: number;
  bountyYuan: number;
  deliveryMonths: number | null;
}

/** What stops a proposal from being submitted, by field path; shared so the form shows it first. */
export function bidProblems(c: BidContent, terms: BidTerms): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (!c.technicalRoute) out.push({ path: 'technicalRoute', message: 'describe the technical route' });
  for (let i = 0; i < terms.indicatorCount; i++) {
    if (!c.indicatorResponses.some((r) => r.indicatorIndex === i)) out.push({ path: `indicatorResponses.${i}`, message: 'answer every indicator: how, and to what value' });
  }
  if (c.indicatorResponses.some((r) => r.indicatorIndex >= terms.indicatorCount)) out.push({ path: 'indicatorResponses', message: 'a response names an indicator the challenge does not have' });
  if (c.members.filter((m) => m.role === 'lead').length !== 1) out.push({ path: 'members', message: 'name exactly one lead (揭榜挂帅的“帅”)' });
  if (c.quotedPriceYuan === null) out.push({ path: 'quotedPriceYuan', message: 'quote a price' });
  else if (c.quotedPriceYuan > terms.bountyYuan) out.push({ path: 'quotedPriceYuan', message: 'the quoted price cannot exceed the bounty' });
  if (c.durationMonths === null) out.push({ path: 'durationMonths', message: 'state the duration' });
  if (c.milestones.length === 0) out.push({ path: 'milestones', message: 'plan at least one milestone' });
  else if (c.milestones.reduce((s, m) => s + m.sharePercent, 0) !== 100) out.push({ path: 'milestones', message: 'milestone shares must add up to 100 %' });
  if (c.durationMonths !== null && c.milestones.some((m) => m.dueMonth > c.durationMonths!)) out.push({ path: 'milestones', message: 'a milestone falls after the end of the project' });
  return out;
}

export const bidReceipt = z.object({
  version: z.number().int(),
  sha256: z.string(),
  submittedAt: z.string(),
});

export const bidPartner = z.object({ organisationId: z.uuid(), name: z.string(), confirmedAt: z.string().nullable() });

/** The bid as its own team sees it (and, after the deadline, the publisher and officials). */
export const bidView = z.object({
  id: z.uuid(),
  challengeId: z.uuid(),
  challengeTitle: z.string(),
  teamId: z.uuid(),
  teamName: z.string(),
  status: bidState,
  /** The working copy; for readers other than the team, the latest submitted version. */
  content: bidContent,
  partners: z.array(bidPartner),
  receipts: z.array(bidReceipt),
  needsReconfirmation: z.boolean(),
  challengeDeadline: z.string().nullable(),
  /** The eligibility check's reason when the bid was found ineligible; the team sees it. */
  eligibilityReason: z.string().nullable(),
  eligibilityCheckedAt: z.string().nullable(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  events: z.array(z.string()),
  updatedAt: z.string(),
});
export type BidView = z.infer<typeof bidView>;

export const bidSummary = z.object({
  id: z.uuid(),
  challengeId: z.uuid(),
  challengeTitle: z.string(),
  teamName: z.string(),
  status: bidState,
  needsReconfirmation: z.boolean(),
  latestVersion: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  challengeDeadline: z.string().nullable(),
});
export const bidSummaryList = z.object({ items: z.array(bidSummary) });

/** Before the deadline, officials and the publisher learn how many bids arrived, nothing more. */
export const bidCount = z.object({ submitted: z.number().int(), sealed: z.boolean() });

export const bidCreateBody = z.object({ challengeId: z.uuid() });
export const eligibilityBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('eligible') }),
  z.object({ decision: z.literal('ineligible'), reason: text(1000) }),
]);
export const verifyReceiptBody = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest is 64 hexadecimal characters') });
export const verifyReceiptResult = z.object({ matches: z.boolean(), version: z.number().int().nullable(), submittedAt: z.string().nullable() });
