import { boolean, index, integer, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { AssignmentState } from '../../shared/lifecycles/review-assignment';
import { bids } from './bids';
import { challenges } from './challenges';
import { organisations } from './organisations';
import { users } from './users';

/** What conflict-of-interest (回避) checks need to know about an expert. */
export const expertProfiles = pgTable('expert_profiles', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  /** Employer, e.g. 扬州大学: reviewing a team of the same institution is a conflict. */
  institution: text('institution'),
  expertise: text('expertise').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Ties an expert declares (joint projects, papers, patents, family): each blocks assignment. */
export const expertTies = pgTable(
  'expert_ties',
  {
    expertId: uuid('expert_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.expertId, t.organisationId] })],
);

export const reviewCriteria = pgTable(
  'review_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    weight: smallint('weight').notNull(),
  },
  (t) => [index('review_criteria_challenge_idx').on(t.challengeId, t.position)],
);

export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bidId: uuid('bid_id').notNull().references(() => bids.id),
    expertId: uuid('expert_id').notNull().references(() => users.id),
    status: text('status').$type<AssignmentState>().notNull().default('assigned'),
    recusalReason: text('recusal_reason'),
    assignedBy: uuid('assigned_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
  },
  (t) => [unique('review_assignments_bid_expert_uq').on(t.bidId, t.expertId), index('review_assignments_expert_idx').on(t.expertId)],
);

export const reviewScores = pgTable(
  'review_scores',
  {
    assignmentId: uuid('assignment_id').notNull().references(() => reviewAssignments.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id').notNull().references(() => reviewCriteria.id),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    /** The expert marks which comments the team may read as feedback. */
    shareable: boolean('shareable').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.criterionId] })],
);
