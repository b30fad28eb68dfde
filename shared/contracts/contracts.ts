/**
 * API shapes of technology contracts (技术合同): the deal from signing to acceptance. (This
 * folder holds API contracts in general; this file is the one about legal contracts.)
 */
import { z } from 'zod';
import { contractState } from '../lifecycles/contract';
import { milestoneState } from '../lifecycles/milestone';
import { text } from './common';

const yuan = z.number().int().min(0).max(1_000_000_000);
const day = z.iso.date();

export const grade = z.enum(['excellent', 'good', 'pass', 'fail']);
export type Grade = z.infer<typeof grade>;
export const partyRole = z.enum(['publisher', 'lead', 'partner', 'bureau']);

export const fundingBody = z.object({
  enterpriseFundsYuan: yuan,
  subsidyYuan: yuan,
  /** Paid at signing, before any milestone; 0 for none. */
  firstTrancheYuan: yuan.default(0),
});
/** 技术合同登记号: digits and letters as the registration office issues them. */
export const registrationBody = z.object({
  registrationNo: z.string().trim().regex(/^[0-9A-Za-z-]{8,30}$/, 'a registration number is 8–30 digits or letters'),
  registeredOn: day,
});
export const brokerBody = z.object({ name: text(50), userId: z.uuid().nullable().default(null), introducedOn: day });
export const acceptanceBody = z.object({ grade, report: text(5000) });
export const terminationBody = z.object({ reason: text(2000), outcome: z.enum(['excused', 'penalised']) });
export const evidenceBody = z.object({ text: text(5000), fileIds: z.array(z.uuid()).max(20).default([]) });
export const returnBody = z.object({ comments: text(2000) });
/** The team asks for the one extension (up to 12 months past the original due date)… */
export const extensionRequestBody = z.object({ newDueOn: day, reason: text(1000) });
/** …and an official approves or declines it (a decline needs a reason). */
export const extensionDecisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('decline'), reason: text(1000) }),
]);
export const outcomeBody = z.object({
  product: z.string().trim().max(500).default(''),
  revenueYuan: yuan.nullable().default(null),
  patents: z.number().int().min(0).max(10_000).nullable().default(null),
  note: z.string().trim().max(2000).default(''),
});

/** A milestone may be extended once, to at most this many months after its original due date. */
export const maxExtensionMonths = 12;

export const milestoneFile = z.object({ id: z.uuid(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), sha256: z.string() });

export const milestoneView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  deliverable: z.string(),
  dueMonth: z.number().int(),
  /** Set when the contract takes effect. */
  dueOn: z.string().nullable(),
  trancheYuan: z.number().int(),
  status: milestoneState,
  overdueSince: z.string().nullable(),
  originalDueOn: z.string().nullable(),
  extensionReason: z.string().nullable(),
  /** A pending request for the one extension. */
  extensionRequest: z.object({ newDueOn: z.string(), reason: z.string() }).nullable(),
  extensionDeclinedReason: z.string().nullable(),
  reviewComment: z.string().nullable(),
  evidence: z.array(z.object({ id: z.uuid(), text: z.string(), files: z.array(milestoneFile), submittedAt: z.string(), submittedBy: z.string() })),
  paidOn: z.string().nullable(),
  /** What the viewer may do now (the lifecycle table narrowed by data conditions). */
  events: z.array(z.string()),
});
export type MilestoneView = z.infer<typeof milestoneView>;

export const contractView = z.object({
  id: z.uuid(),
  title: z.string(),
  challengeId: z.uuid(),
  bidId: z.uuid(),
  awardId: z.uuid(),
  status: contractState,
  publisherName: z.string(),
  teamName: z.string(),
  leadKind: z.enum(['enterprise', 'academic']),
  amountYuan: z.number().int(),
  enterpriseFundsYuan: z.number().int(),
  subsidyYuan: z.number().int(),
  firstTrancheYuan: z.number().int(),
  paidYuan: z.number().int(),
  fundingRule: z.object({ maxSubsidyPercent: z.number(), enterpriseLeadMultiple: z.number(), academicLeadMultiple: z.number() }),
  criteria: z.array(z.object({ name: z.string(), targetValue: z.string(), committedValue: z.string(), unit: z.string().nullable(), verification: z.string() })),
  parties: z.array(z.object({ organisationId: z.uuid(), name: z.string(), role: partyRole, signedAt: z.string().nullable(), signedBy: z.string().nullable() })),
  milestones: z.array(milestoneView),
  payments: z.array(z.object({ id: z.uuid(), milestoneId: z.uuid().nullable(), milestoneTitle: z.string().nullable(), amountYuan: z.number().int(), paidOn: z.string(), confirmedBy: z.string().nullable() })),
  signedAt: z.string().nullable(),
  registrationNo: z.string().nullable(),
  registeredOn: z.string().nullable(),
  broker: z.object({ name: z.string(), userId: z.uuid().nullable(), introducedOn: z.string() }).nullable(),
  grade: grade.nullable(),
  acceptanceReport: z.string().nullable(),
  completedAt: z.string().nullable(),
  terminatedAt: z.string().nullable(),
  terminationReason: z.string().nullable(),
  terminationOutcome: z.enum(['excused', 'penalised']).nullable(),
  outcomes: z.array(
    z.object({ months: z.number().int(), promptedAt: z.string(), product: z.string().nullable(), revenueYuan: z.number().int().nullable(), patents: z.number().int().nullable(), note: z.string().nullable(), answeredAt: z.string().nullable() }),
  ),
  viewer: z.object({
    /** The party the viewer signs for, if any has yet to sign. */
    signsFor: z.string().nullable(),
    events: z.array(z.string()),
  }),
  updatedAt: z.string(),
});
export type ContractView = z.infer<typeof contractView>;

export const contractSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: contractState,
  publisherName: z.string(),
  teamName: z.string(),
  amountYuan: z.number().int(),
  paidYuan: z.number().int(),
  signedAt: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  overdue: z.number().int(),
  awaitingMySignature: z.boolean(),
});
export const contractList = z.object({ items: z.array(contractSummary) });
export const contractListQuery = z.object({ status: contractState.optional() });

/** Officials' board across contracts: open milestones, overdue first. */
export const milestoneBoard = z.object({
  items: z.array(
    z.object({
      milestoneId: z.uuid(),
      contractId: z.uuid(),
      contractTitle: z.string(),
      teamName: z.string(),
      publisherName: z.string(),
      title: z.string(),
      dueOn: z.string().nullable(),
      status: milestoneState,
      overdueSince: z.string().nullable(),
      trancheYuan: z.number().int(),
    }),
  ),
});
