import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AwardState } from '../../shared/lifecycles/award';
import { challenges } from './challenges';
import { users } from './users';

export const awardDecisions = pgTable(
  'award_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id),
    status: text('status').$type<AwardState>().notNull().default('proposed'),
    winnerBidIds: uuid('winner_bid_ids').array().notNull(),
    reason: text('reason').notNull().default(''),
    proposedBy: uuid('proposed_by').notNull().references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    noticeEndsAt: timestamp('notice_ends_at', { withTimezone: true }),
    finalAt: timestamp('final_at', { withTimezone: true }),
    closedReason: text('closed_reason'),
  },
  (t) => [
    // Exactly one standing decision per challenge, however many requests race for it.
    uniqueIndex('award_decisions_one_standing').on(t.challengeId).where(sql`status in ('proposed', 'in_notice', 'final')`),
    index('award_decisions_status_idx').on(t.status, t.noticeEndsAt),
  ],
);

export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    awardId: uuid('award_id').notNull().references(() => awardDecisions.id),
    lodgedBy: uuid('lodged_by').notNull().references(() => users.id),
    reason: text('reason').notNull(),
    status: text('status').$type<'open' | 'upheld' | 'dismissed'>().notNull().default('open'),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('objections_award_idx').on(t.awardId, t.status)],
);
