import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ContractState } from '../../shared/lifecycles/contract';
import type { MilestoneState } from '../../shared/lifecycles/milestone';
import { awardDecisions } from './awards';
import { bids } from './bids';
import { challenges } from './challenges';
import { organisations } from './organisations';
import { users } from './users';

const yuan = (name: string) => bigint(name, { mode: 'number' });

/**
 * A technology contract (技术合同) drafted from a winning bid when its award becomes final: one
 * per winner. `paidYuan` is the payment ledger's running total; the CHECK keeps it within the
 * amount, and every ledger row updates it in the same transaction, so concurrent confirmations
 * cannot overpay (the row update serialises them and the loser violates the CHECK).
 */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    awardId: uuid('award_id').notNull().references(() => awardDecisions.id),
    bidId: uuid('bid_id').notNull().references(() => bids.id),
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id),
    publisherId: uuid('publisher_id').notNull().references(() => organisations.id),
    teamId: uuid('team_id').notNull().references(() => organisations.id),
    status: text('status').$type<ContractState>().notNull().default('drafted'),
    title: text('title').notNull(),
    amountYuan: yuan('amount_yuan').notNull(),
    enterpriseFundsYuan: yuan('enterprise_funds_yuan').notNull(),
    subsidyYuan: yuan('subsidy_yuan').notNull(),
    /** Paid at signing, before any milestone (some schemes pay most of it up front). */
    firstTrancheYuan: yuan('first_tranche_yuan').notNull().default(0),
    paidYuan: yuan('paid_yuan').notNull().default(0),
    /** Acceptance criteria: the challenge's indicators with the values the team committed to. */
    criteria: jsonb('criteria').$type<{ name: string; targetValue: string; committedValue: string; unit: string | null; verification: string }[]>().notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    registrationNo: text('registration_no'),
    registeredOn: date('registered_on'),
    registeredBy: uuid('registered_by').references(() => users.id),
    brokerName: text('broker_name'),
    brokerUserId: uuid('broker_user_id').references(() => users.id),
    brokerIntroducedOn: date('broker_introduced_on'),
    grade: text('grade').$type<'excellent' | 'good' | 'pass' | 'fail'>(),
    acceptanceReport: text('acceptance_report'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    terminatedAt: timestamp('terminated_at', { withTimezone: true }),
    terminationReason: text('termination_reason'),
    terminationOutcome: text('termination_outcome').$type<'excused' | 'penalised'>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('contracts_award_bid_uq').on(t.awardId, t.bidId),
    index('contracts_status_idx').on(t.status, t.signedAt),
    index('contracts_team_idx').on(t.teamId),
    index('contracts_publisher_idx').on(t.publisherId),
    // The officials' dashboard: contracts signed and completed in a period, covering what its
    // statements read (the table is wide and its rows are rewritten by every payment).
    index('contracts_signed_idx').on(t.signedAt, t.status, t.createdAt, t.awardId, t.challengeId, t.publisherId, t.teamId, t.amountYuan, t.subsidyYuan, t.enterpriseFundsYuan, t.brokerName),
    index('contracts_completed_idx').on(t.completedAt, t.signedAt, t.challengeId),
    check('contracts_paid_within_amount', sql`${t.paidYuan} >= 0 and ${t.paidYuan} <= ${t.amountYuan}`),
    check('contracts_split_sums', sql`${t.enterpriseFundsYuan} + ${t.subsidyYuan} = ${t.amountYuan}`),
    check('contracts_first_tranche', sql`${t.firstTrancheYuan} >= 0 and ${t.firstTrancheYuan} <= ${t.amountYuan}`),
  ],
);

/** The parties (publisher, lead team, partners, optionally the bureau) and their signatures. */
export const contractParties = pgTable(
  'contract_parties',
  {
    contractId: uuid('contract_id').notNull().references(() => contracts.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    role: text('role').$type<'publisher' | 'lead' | 'partner' | 'bureau'>().notNull(),
    signedBy: uuid('signed_by').references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.organisationId] }), index('contract_parties_org_idx').on(t.organisationId)],
);

export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id').notNull().references(() => contracts.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    title: text('title').notNull(),
    deliverable: text('deliverable').notNull(),
    /** Months after signing, from the bid; the due date is set when the contract takes effect. */
    dueMonth: smallint('due_month').notNull(),
    dueOn: date('due_on'),
    trancheYuan: yuan('tranche_yuan').notNull(),
    status: text('status').$type<MilestoneState>().notNull().default('pending'),
    overdueSince: date('overdue_since'),
    originalDueOn: date('original_due_on'),
    /** The team's request for the one extension; an official approves (moving dueOn) or declines it. */
    extensionRequestedOn: date('extension_requested_on'),
    extensionRequestReason: text('extension_request_reason'),
    extensionRequestedBy: uuid('extension_requested_by').references(() => users.id),
    extensionDeclinedReason: text('extension_declined_reason'),
    extensionReason: text('extension_reason'),
    extendedBy: uuid('extended_by').references(() => users.id),
    extendedAt: timestamp('extended_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('milestones_contract_position_uq').on(t.contractId, t.position), index('milestones_due_idx').on(t.status, t.dueOn), check('milestones_tranche', sql`${t.trancheYuan} >= 0`)],
);

/** What the team submits for a milestone; every submission is kept. */
export const milestoneEvidence = pgTable(
  'milestone_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    milestoneId: uuid('milestone_id').notNull().references(() => milestones.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    attachments: jsonb('attachments').$type<{ id: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string }[]>().notNull().default(sql`'[]'::jsonb`),
    submittedBy: uuid('submitted_by').notNull().references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('milestone_evidence_milestone_idx').on(t.milestoneId, t.submittedAt)],
);

/** Files attached to evidence; stored by the attachments module. */
export const milestoneFiles = pgTable(
  'milestone_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    milestoneId: uuid('milestone_id').notNull().references(() => milestones.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('milestone_files_milestone_idx').on(t.milestoneId)],
);

/** The payment ledger (资金拨付): one row per tranche paid; a milestone is paid once. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id').notNull().references(() => contracts.id),
    /** Null for the first tranche paid at signing. */
    milestoneId: uuid('milestone_id').references(() => milestones.id),
    amountYuan: yuan('amount_yuan').notNull(),
    paidOn: date('paid_on').notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_one_per_milestone').on(t.milestoneId).where(sql`${t.milestoneId} is not null`),
    uniqueIndex('payments_one_first_tranche').on(t.contractId).where(sql`${t.milestoneId} is null`),
    check('payments_positive', sql`${t.amountYuan} > 0`),
    // The officials' dashboard: money paid in a period.
    index('payments_paid_on_idx').on(t.paidOn, t.amountYuan),
  ],
);

/** Reminders and escalations already sent: the job inserts here first, so each fires once. */
export const milestoneReminders = pgTable(
  'milestone_reminders',
  {
    milestoneId: uuid('milestone_id').notNull().references(() => milestones.id, { onDelete: 'cascade' }),
    /** remind-14, remind-3, due, escalate-<week>. */
    kind: text('kind').notNull(),
    /** The due date it was for: an extension starts a fresh set. */
    dueOn: date('due_on').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.milestoneId, t.kind, t.dueOn] })],
);

/** 成果转化: what the publisher reports 6 and 12 months after completion. */
export const outcomeReports = pgTable(
  'outcome_reports',
  {
    contractId: uuid('contract_id').notNull().references(() => contracts.id, { onDelete: 'cascade' }),
    months: smallint('months').notNull(),
    promptedAt: timestamp('prompted_at', { withTimezone: true }).notNull(),
    product: text('product'),
    revenueYuan: yuan('revenue_yuan'),
    patents: integer('patents'),
    note: text('note'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.months] })],
);

