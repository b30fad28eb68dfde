import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Indicator, IpTerms } from '../../shared/contracts/challenges';
import type { ChallengeState } from '../../shared/lifecycles/challenge';
import type { InstitutionKind } from '../../shared/roles';
import { organisations } from './organisations';
import { users } from './users';

/** Must match publicStates (shared/lifecycles/challenge.ts) and the repository's inStates(). */
const publicStates = sql`status in ('published', 'closed', 'unfilled')`;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const yuan = (name: string) => bigint(name, { mode: 'number' });

export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: smallint('year').notNull(),
    number: smallint('number').notNull(),
    title: text('title').notNull(),
    status: text('status').$type<'draft' | 'published'>().notNull().default('draft'),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('batches_year_number_uq').on(t.year, t.number)],
);

export const challenges = pgTable(
  'challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publisherId: uuid('publisher_id').notNull().references(() => organisations.id),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    status: text('status').$type<ChallengeState>().notNull().default('draft'),
    /** Bumped on every change of terms after publication; bids name the revision they answered. */
    revision: integer('revision').notNull().default(1),
    title: text('title').notNull().default(''),
    summary: text('summary').notNull().default(''),
    description: text('description').notNull().default(''),
    descriptionVisibility: text('description_visibility').$type<'public' | 'restricted'>(),
    industry: text('industry'),
    industryChain: text('industry_chain'),
    indicators: jsonb('indicators').$type<Indicator[]>().notNull().default(sql`'[]'::jsonb`),
    bountyYuan: yuan('bounty_yuan'),
    enterpriseFundsYuan: yuan('enterprise_funds_yuan'),
    subsidyYuan: yuan('subsidy_yuan'),
    deliveryMonths: smallint('delivery_months'),
    deadline: timestamp('deadline', { withTimezone: true }),
    ipTerms: text('ip_terms').$type<IpTerms>(),
    requirementsText: text('requirements_text').notNull().default(''),
    allowedInstitutionKinds: text('allowed_institution_kinds').array().$type<InstitutionKind[]>().notNull().default(sql`'{}'::text[]`),
    allowedRegions: text('allowed_regions').array().notNull().default(sql`'{}'::text[]`),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    directed: boolean('directed').notNull().default(false),
    /** 赛马: two or three teams may be awarded in parallel on different routes. */
    allowsHorseRace: boolean('allows_horse_race').notNull().default(false),
    batchId: uuid('batch_id').references(() => batches.id),
    rejectionReason: text('rejection_reason'),
    reworkComments: text('rework_comments'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** jieba search-mode words plus character bigrams of the public text (server/modules/search). */
    searchVector: tsvector('search_vector'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('challenges_status_idx').on(t.status, t.publishedAt),
    index('challenges_publisher_idx').on(t.publisherId, t.updatedAt),
    index('challenges_deadline_idx').on(t.deadline).where(sql`status = 'published'`),
    index('challenges_search_idx').using('gin', t.searchVector),
    // The public list's three orders, each with the id as tie-breaker (a batch publishes its
    // challenges at one instant), over public challenges only: a page is the first rows of an
    // index scan instead of a sort of every public challenge. Read backwards for descending.
    index('challenges_public_published_idx').on(t.publishedAt, t.id).where(publicStates),
    index('challenges_public_deadline_idx').on(t.deadline, t.id).where(publicStates),
    index('challenges_public_bounty_idx').on(t.bountyYuan, t.id).where(publicStates),
    // The officials' dashboard: challenges submitted, published and closed in a period. Each
    // carries the other columns its statements read, so they are index-only scans (drizzle has
    // no INCLUDE, so they are trailing key columns); the third is also the dashboard's narrow
    // copy of challenges for joins by id.
    index('challenges_submitted_idx').on(t.submittedAt, t.id, t.publishedAt),
    index('challenges_published_idx').on(t.publishedAt, t.submittedAt),
    index('challenges_closed_idx').using('btree', t.status, sql`coalesce(${t.closedAt}, ${t.deadline})`, t.id, t.publishedAt, t.closedAt, t.deadline, t.industry),
  ],
);

export const challengeJointPublishers = pgTable(
  'challenge_joint_publishers',
  {
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.organisationId] })],
);

export const challengeInvitedTeams = pgTable(
  'challenge_invited_teams',
  {
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.organisationId] }), index('challenge_invited_teams_org_idx').on(t.organisationId)],
);

export const challengeAttachments = pgTable(
  'challenge_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('challenge_attachments_challenge_idx').on(t.challengeId)],
);

export const challengeQuestions = pgTable(
  'challenge_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    /** Kept for audit and for "mine"; never shown to anyone but the asking team. */
    askedByOrganisationId: uuid('asked_by_organisation_id').notNull().references(() => organisations.id),
    askedBy: uuid('asked_by').notNull().references(() => users.id),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('challenge_questions_challenge_idx').on(t.challengeId, t.createdAt)],
);

export const challengeTermChanges = pgTable('challenge_term_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  challengeId: uuid('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull(),
  reason: text('reason').notNull(),
  before: jsonb('before').notNull(),
  after: jsonb('after').notNull(),
  changedBy: uuid('changed_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

