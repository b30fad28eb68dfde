import { z } from 'zod';
import { dashboard } from './analytics';

/**
 * 季度通报: the quarterly report for officials. Its figures are the dashboard's for the quarter
 * (read in the same snapshot as the lists), so the report and the dashboard cannot disagree.
 */

export const quarterQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100), quarter: z.coerce.number().int().min(1).max(4) });
export const quarterBody = z.object({ year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4) });

/** A contract signed in the quarter. */
export const reportDeal = z.object({
  contractId: z.string(),
  /** China date, YYYY-MM-DD. */
  signedOn: z.string(),
  title: z.string(),
  publisher: z.string(),
  /** The publisher's district ('' when not recorded). */
  district: z.string(),
  team: z.string(),
  /** The team's institution, or the team's name when it has none (as in the dashboard's breakdown). */
  institution: z.string(),
  /** Industry code (shared/taxonomy/industries.ts), null when not recorded. */
  industry: z.string().nullable(),
  amountYuan: z.number(),
  subsidyYuan: z.number(),
  enterpriseFundsYuan: z.number(),
  /** Tranches paid so far, as of the report. */
  paidYuan: z.number(),
  registrationNo: z.string().nullable(),
  broker: z.string().nullable(),
});
export type ReportDeal = z.infer<typeof reportDeal>;

/** Where a future deal stands, earliest stage first. */
export const reportPipelineStages = ['openForBids', 'inReview', 'inNotice', 'awaitingSignature'] as const;
export type ReportPipelineStage = (typeof reportPipelineStages)[number];

/**
 * One item in the pipeline as of the report: a challenge open for bids or in review, a winner
 * of an award proposed or in public notice (one row per winner, as the forecast counts them),
 * or a contract awaiting signature.
 */
export const reportPipelineItem = z.object({
  stage: z.enum(reportPipelineStages),
  /** The challenge's id, or the contract's for a contract awaiting signature. */
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  /** The winner or the contracted team; null before an award. */
  team: z.string().nullable(),
  /** When the item entered its stage (China date). */
  since: z.string(),
  /** The bid deadline (open for bids) or the end of the public notice (China date). */
  deadline: z.string().nullable(),
  /** Bids submitted, for challenges open or in review. Confidential before the deadline: officials only. */
  bids: z.number().nullable(),
  /** The contract amount, or the challenge's bounty. */
  amountYuan: z.number().nullable(),
});
export type ReportPipelineItem = z.infer<typeof reportPipelineItem>;

/** A milestone overdue as of the report. */
export const reportOverdueItem = z.object({
  milestoneId: z.string(),
  contractId: z.string(),
  contractTitle: z.string(),
  team: z.string(),
  milestone: z.string(),
  dueOn: z.string().nullable(),
  overdueSince: z.string(),
  weeksOverdue: z.number(),
  trancheYuan: z.number(),
});
export type ReportOverdueItem = z.infer<typeof reportOverdueItem>;

export const quarterlyReport = z.object({
  /** The bureau issuing the report (config BUREAU_NAME). */
  issuer: z.string(),
  figures: dashboard,
  /** The lists, each cut at `listLimit` items for the page; `totals` counts them all (the Excel export has every row). */
  deals: z.array(reportDeal),
  pipeline: z.array(reportPipelineItem),
  overdue: z.array(reportOverdueItem),
  totals: z.object({ deals: z.number(), pipeline: z.number(), overdue: z.number() }),
  listLimit: z.number(),
});
export type QuarterlyReport = z.infer<typeof quarterlyReport>;

export const reportExportStatuses = ['running', 'done', 'failed'] as const;
export const reportExport = z.object({
  id: z.string(),
  year: z.number(),
  quarter: z.number(),
  status: z.enum(reportExportStatuses),
  /** 0–1; 1 once the file is ready. */
  progress: z.number().min(0).max(1),
  error: z.string().nullable(),
  /** The file's name once it is ready. */
  fileName: z.string().nullable(),
});
export type ReportExport = z.infer<typeof reportExport>;
