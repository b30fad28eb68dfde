import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { MatchExplanation } from '../../shared/matching/explanation';
import { challenges } from './challenges';
import { organisations } from './organisations';
import { users } from './users';

/**
 * What a team says about itself beyond its organisation row (name, institution, region =
 * district, keywords = research_fields, description): its fields (industry-chain codes), how
 * many active contracts it can take, and the tokens its text segments into, kept so the ranker
 * can rebuild its index without running the segmenter over every team. `version` rises on
 * every change; a re-rank job carries it so a stale copy does nothing.
 */
export const teamProfiles = pgTable('team_profiles', {
  organisationId: uuid('organisation_id').primaryKey().references(() => organisations.id, { onDelete: 'cascade' }),
  fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
  capacity: smallint('capacity').notNull().default(3),
  /** Space-separated terms of the team's text ('' until first computed). */
  tokens: text('tokens').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The team's people (not accounts: a professor's postdocs need no log-in to be listed). */
export const teamPeople = pgTable(
  'team_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    expertise: text('expertise').notNull().default(''),
  },
  (t) => [index('team_people_org_idx').on(t.organisationId, t.position)],
);

/** Past results: papers, patents, products, with their year. */
export const teamResults = pgTable(
  'team_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    kind: text('kind').$type<'paper' | 'patent' | 'product'>().notNull(),
    title: text('title').notNull(),
    year: smallint('year').notNull(),
  },
  (t) => [index('team_results_org_idx').on(t.organisationId, t.position)],
);

/**
 * A challenge's ranked teams (the top 50), replaced whole by each ranking of the challenge.
 * `revision` is the challenge revision ranked; `explanation` says why (matched terms, field
 * match, track record, spare capacity).
 */
export const challengeMatches = pgTable(
  'challenge_matches',
  {
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    rank: smallint('rank').notNull(),
    score: real('score').notNull(),
    explanation: jsonb('explanation').$type<MatchExplanation>().notNull(),
    rankedAt: timestamp('ranked_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.teamId] }), index('challenge_matches_team_idx').on(t.teamId, t.score)],
);

/** One invitation per team per challenge, whatever retries happen: the row is the claim. */
export const matchInvitations = pgTable(
  'match_invitations',
  {
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    rank: smallint('rank').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.teamId] })],
);

/**
 * 撮合: an official or technology manager introduced a team to a challenge's publisher. If the
 * team's bid wins, the contract drafted from it names the introducer as its broker.
 */
export const introductions = pgTable(
  'introductions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull().references(() => organisations.id),
    brokerUserId: uuid('broker_user_id').notNull().references(() => users.id),
    brokerName: text('broker_name').notNull(),
    introducedOn: date('introduced_on').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('introductions_challenge_team_uq').on(t.challengeId, t.teamId)],
);
