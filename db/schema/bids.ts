import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { BidContent } from '../../shared/contracts/bids';
import type { BidState } from '../../shared/lifecycles/bid';
import { challenges } from './challenges';
import { organisations } from './organisations';
import { users } from './users';

/**
 * A team's bid on a challenge. `draft` is the working copy the team edits; each submission
 * freezes it as a bid_versions row with its SHA-256. One active bid per team per challenge.
 */
export const bids = pgTable(
  'bids',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id),
    teamId: uuid('team_id').notNull().references(() => organisations.id),
    status: text('status').$type<BidState>().notNull().default('draft'),
    draft: jsonb('draft').$type<BidContent>(),
    /** The challenge revision the latest submitted version answered. */
    challengeRevision: integer('challenge_revision').notNull(),
    needsReconfirmation: boolean('needs_reconfirmation').notNull().default(false),
    reconfirmedAt: timestamp('reconfirmed_at', { withTimezone: true }),
    latestVersion: integer('latest_version'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    eligibilityReason: text('eligibility_reason'),
    eligibilityCheckedAt: timestamp('eligibility_checked_at', { withTimezone: true }),
    eligibilityCheckedBy: uuid('eligibility_checked_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bids_challenge_idx').on(t.challengeId, t.status),
    index('bids_team_idx').on(t.teamId),
    uniqueIndex('bids_one_active_per_team').on(t.challengeId, t.teamId).where(sql`status <> 'withdrawn'`),
  ],
);

/** Submitted versions, never changed: the digest is over the canonical JSON of `content`. */
export const bidVersions = pgTable(
  'bid_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bidId: uuid('bid_id').notNull().references(() => bids.id),
    version: integer('version').notNull(),
    content: jsonb('content').$type<BidContent>().notNull(),
    sha256: text('sha256').notNull(),
    challengeRevision: integer('challenge_revision').notNull(),
    submittedBy: uuid('submitted_by').notNull().references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('bid_versions_bid_version_uq').on(t.bidId, t.version)],
);

/**
 * Files attached to a bid. The working copy lists the rows not removed; each submitted version
 * records the files it had (id, name, SHA-256) in its content, so its digest covers them and a
 * file a version names is never deleted, only removed from the working copy.
 */
export const bidAttachments = pgTable(
  'bid_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bidId: uuid('bid_id').notNull().references(() => bids.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('bid_attachments_bid_idx').on(t.bidId)],
);

export const bidPartners = pgTable(
  'bid_partners',
  {
    bidId: uuid('bid_id').notNull().references(() => bids.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.organisationId] }), index('bid_partners_org_idx').on(t.organisationId)],
);

/**
 * Credit records (信用记录): penalties that bar an organisation from bidding until a date.
 * Written by contract termination (the contracts issue) and read by bidding.
 */
export const creditRecords = pgTable(
  'credit_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    reason: text('reason').notNull(),
    barredUntil: timestamp('barred_until', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('credit_records_org_idx').on(t.organisationId, t.barredUntil)],
);
