import { z } from 'zod';
import { challengeState } from '../lifecycles/challenge';
import { institutionKind } from '../roles';
import { industryCodes } from '../taxonomy/industries';
import { email, phone } from './auth';
import { text } from './common';

export const ipTerms = z.enum(['enterprise_owns', 'team_owns_with_licence', 'joint']);
export type IpTerms = z.infer<typeof ipTerms>;
export const descriptionVisibility = z.enum(['public', 'restricted']);

/** Yuan, stored as integers; shown in 万元. A provincial 揭榜挂帅 project is capped near ¥10 M; we allow up to ¥1 bn. */
export const yuan = z.number().int().min(0).max(1_000_000_000);

export const indicator = z.object({
  name: text(100),
  /** e.g. "≥ 25.8", "≤ 0.5", "3000": a target must be quantified, so it must hold a number. */
  targetValue: text(50).regex(/\d/, 'target value must contain a number'),
  unit: z.string().trim().max(30).default(''),
  verification: text(300),
});
export type Indicator = z.infer<typeof indicator>;

export const contact = z.object({ name: text(50), phone, email });

export const requirements = z.object({
  text: z.string().trim().max(2000).default(''),
  institutionKinds: z.array(institutionKind).max(3).default([]),
  regions: z.array(text(30)).max(20).default([]),
});

/**
 * What an enterprise edits. Every field is optional while drafting (autosave keeps partial
 * work); `missingForSubmission` says what must be filled before it can be submitted.
 */
export const challengeDraft = z.object({
  title: text(100).nullable().optional(),
  summary: z.string().trim().max(500).nullable().optional(),
  description: z.string().trim().max(20_000).nullable().optional(),
  descriptionVisibility: descriptionVisibility.nullable().optional(),
  industry: z.enum(industryCodes).nullable().optional(),
  industryChain: z.string().max(50).nullable().optional(),
  indicators: z.array(indicator).max(20).optional(),
  bountyYuan: yuan.nullable().optional(),
  enterpriseFundsYuan: yuan.nullable().optional(),
  subsidyYuan: yuan.nullable().optional(),
  deliveryMonths: z.number().int().min(1).max(36).nullable().optional(),
  deadline: z.iso.datetime({ offset: true }).nullable().optional(),
  ipTerms: ipTerms.nullable().optional(),
  requirements: requirements.optional(),
  contact: contact.nullable().optional(),
  jointPublisherIds: z.array(z.uuid()).max(5).optional(),
  directed: z.boolean().optional(),
  invitedTeamIds: z.array(z.uuid()).max(50).optional(),
  /** 赛马制: two or three teams may be awarded in parallel. */
  allowsHorseRace: z.boolean().optional(),
});
/** In a PATCH, an absent field is left as it is and `null` clears it. */
export type ChallengeDraft = z.infer<typeof challengeDraft>;

/** Field paths still missing before submission, shared so the editor shows exactly what the server will refuse. */
export function missingForSubmission(d: ChallengeDraft): string[] {
  const missing: string[] = [];
  const need = (ok: unknown, path: string) => {
    if (!ok) missing.push(path);
  };
  need(d.title, 'title');
  need(d.summary, 'summary');
  need(d.description, 'description');
  need(d.descriptionVisibility, 'descriptionVisibility');
  need(d.industry, 'industry');
  need(d.industryChain, 'industryChain');
  need(d.indicators && d.indicators.length > 0, 'indicators');
  need(d.bountyYuan && d.bountyYuan > 0, 'bountyYuan');
  need(d.enterpriseFundsYuan != null, 'enterpriseFundsYuan');
  need(d.subsidyYuan != null, 'subsidyYuan');
  need(d.deliveryMonths, 'deliveryMonths');
  need(d.deadline, 'deadline');
  need(d.ipTerms, 'ipTerms');
  need(d.contact, 'contact');
  if (d.directed) need(d.invitedTeamIds && d.invitedTeamIds.length > 0, 'invitedTeamIds');
  return missing;
}

/** Money rules checked at submission: the bounty is what the enterprise and the subsidy fund together. */
export function fundingProblems(d: ChallengeDraft): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (d.bountyYuan != null && d.enterpriseFundsYuan != null && d.subsidyYuan != null) {
    if (d.enterpriseFundsYuan + d.subsidyYuan !== d.bountyYuan) {
      out.push({ path: 'subsidyYuan', message: 'committed funds plus requested subsidy must equal the bounty' });
    }
  }
  return out;
}

/**
 * A challenge must stay open long enough to bid on: the application deadline must be at least
 * this many days after submission (DOMAIN.md: about 30 days is common; vetting takes time).
 */
export const minimumLeadDays = 7;

export function deadlineProblems(d: ChallengeDraft, now: Date): { path: string; message: string }[] {
  if (!d.deadline) return [];
  return new Date(d.deadline).getTime() < now.getTime() + minimumLeadDays * 86_400_000
    ? [{ path: 'deadline', message: `the application deadline must be at least ${minimumLeadDays} days away` }]
    : [];
}

export const attachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachment>;

export const jointPublisher = z.object({ organisationId: z.uuid(), name: z.string(), confirmedAt: z.string().nullable() });

export const question = z.object({
  id: z.uuid(),
  question: z.string(),
  answer: z.string().nullable(),
  askedAt: z.string(),
  answeredAt: z.string().nullable(),
  /** True for the team that asked; nobody else learns who asked. */
  mine: z.boolean(),
});

/** What a viewer may see and do; `events` come from the lifecycle table filtered by data conditions. */
export const viewerRights = z.object({
  isPublisher: z.boolean(),
  canSeeDescription: z.boolean(),
  canAsk: z.boolean(),
  canAnswer: z.boolean(),
  events: z.array(z.string()),
});

export const challengeSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  industry: z.string().nullable(),
  industryChain: z.string().nullable(),
  bountyYuan: z.number().int().nullable(),
  deadline: z.string().nullable(),
  status: challengeState,
  directed: z.boolean(),
  publisherName: z.string(),
  batchTitle: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ChallengeSummary = z.infer<typeof challengeSummary>;

export const challengeDetail = challengeSummary.extend({
  revision: z.number().int(),
  publisherId: z.uuid(),
  /** Null when restricted and the viewer may not see it. */
  description: z.string().nullable(),
  descriptionVisibility: descriptionVisibility.nullable(),
  indicators: z.array(indicator),
  enterpriseFundsYuan: z.number().int().nullable(),
  subsidyYuan: z.number().int().nullable(),
  deliveryMonths: z.number().int().nullable(),
  ipTerms: ipTerms.nullable(),
  allowsHorseRace: z.boolean(),
  requirements: requirements,
  /** Only for logged-in viewers who may see the description. */
  contact: contact.nullable(),
  jointPublishers: z.array(jointPublisher),
  invitedTeams: z.array(z.object({ organisationId: z.uuid(), name: z.string() })),
  attachments: z.array(attachment),
  questions: z.array(question),
  rejectionReason: z.string().nullable(),
  reworkComments: z.string().nullable(),
  missing: z.array(z.string()),
  viewer: viewerRights,
});
export type ChallengeDetail = z.infer<typeof challengeDetail>;

export const sortKeys = ['relevance', 'deadline', 'bounty', 'published'] as const;

export const publicListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  industry: z.enum(industryCodes).optional(),
  bountyMinYuan: z.coerce.number().int().min(0).optional(),
  bountyMaxYuan: z.coerce.number().int().min(0).optional(),
  deadlineFrom: z.iso.date().optional(),
  deadlineTo: z.iso.date().optional(),
  status: z.enum(['published', 'closed', 'unfilled']).optional(),
  batchId: z.uuid().optional(),
  sort: z.enum(sortKeys).default('published'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicListQuery = z.infer<typeof publicListQuery>;

export const challengeList = z.object({ items: z.array(challengeSummary), total: z.number().int() });

/**
 * The public list counts its matches only so far: counting every one of 100,000 challenges on
 * each page costs more than the page. `total` is exact up to the cap (at least
 * `publicListCountCap`, more on later pages so the next page is known to exist); beyond it
 * `total` is the cap and `totalCapped` is true, and the web shows "1,000+".
 */
export const publicListCountCap = 1000;
export const publicChallengeList = challengeList.extend({ totalCapped: z.boolean() });
export type PublicChallengeList = z.infer<typeof publicChallengeList>;

export const mineQuery = z.object({ status: challengeState.optional() });
export const vettingQuery = z.object({ status: z.enum(['submitted', 'approved']).default('submitted') });

export const decisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('reject'), reason: text(1000) }),
  z.object({ decision: z.literal('rework'), comments: text(2000) }),
]);

export const termsChangeBody = z.object({
  reason: text(1000),
  indicators: z.array(indicator).min(1).max(20).optional(),
  bountyYuan: yuan.optional(),
  deadline: z.iso.datetime({ offset: true }).optional(),
  requirements: requirements.optional(),
});

export const questionBody = z.object({ question: text(1000) });
export const answerBody = z.object({ answer: text(2000) });

export const batch = z.object({
  id: z.uuid(),
  title: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  challengeCount: z.number().int(),
});
export const batchList = z.object({ items: z.array(batch) });
export const batchCreateBody = z.object({ year: z.number().int().min(2000).max(2100), number: z.number().int().min(1).max(99), challengeIds: z.array(z.uuid()).min(1).max(200) });
export const batchPublishResult = batch.extend({ published: z.array(z.uuid()) });
