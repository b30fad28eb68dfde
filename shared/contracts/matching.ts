import { z } from 'zod';
import { chainCodes } from '../taxonomy/industry-chains';
import { institutionKind } from '../roles';
import { text } from './common';

/** What the API says about matching: team profiles, rankings, recommendations, introductions. */

export const matchExplanation = z.object({
  matchedTerms: z.array(z.string()),
  fieldMatch: z.enum(['chain', 'industry', 'none']),
  trackRecord: z.object({ deals: z.number(), averageGrade: z.number().nullable(), onTimeRate: z.number().nullable() }),
  spareCapacity: z.number(),
  components: z.object({ text: z.number(), field: z.number(), track: z.number(), capacity: z.number() }),
});

export const introduction = z.object({ id: z.uuid(), teamId: z.uuid(), teamName: z.string(), brokerName: z.string(), introducedOn: z.string(), note: z.string() });

export const challengeMatches = z.object({
  challengeId: z.uuid(),
  /** The revision ranked, and the challenge's current one (they differ while a re-rank is queued). */
  revision: z.number().nullable(),
  currentRevision: z.number(),
  rankedAt: z.string().nullable(),
  items: z.array(
    z.object({
      teamId: z.uuid(),
      teamName: z.string(),
      institution: z.string().nullable(),
      district: z.string().nullable(),
      rank: z.number(),
      score: z.number(),
      invited: z.boolean(),
      introduced: z.boolean(),
      explanation: matchExplanation,
    }),
  ),
  introductions: z.array(introduction),
});

export const teamSuggestions = z.object({
  items: z.array(z.object({ teamId: z.uuid(), teamName: z.string(), institution: z.string().nullable(), rank: z.number(), score: z.number(), explanation: matchExplanation })),
});

export const recommendations = z.object({
  items: z.array(
    z.object({
      challengeId: z.uuid(),
      teamId: z.uuid(),
      title: z.string(),
      summary: z.string(),
      publisherName: z.string(),
      industry: z.string().nullable(),
      deadline: z.string().nullable(),
      bountyYuan: z.number().nullable(),
      score: z.number(),
      matchedTerms: z.array(z.string()),
      fieldMatch: z.enum(['chain', 'industry', 'none']),
    }),
  ),
});

export const introductionBody = z.object({
  teamId: z.uuid(),
  introducedOn: z.iso.date().optional(),
  note: z.string().trim().max(500).default(''),
});

const thisYear = new Date().getFullYear();
export const fieldCode = z.enum(chainCodes as [string, ...string[]], { error: 'choose a field from the list' });
export const teamPerson = z.object({ name: text(40), title: z.string().trim().max(40).default(''), expertise: z.string().trim().max(200).default('') });
export const teamResult = z.object({ kind: z.enum(['paper', 'patent', 'product']), title: text(200), year: z.number().int().min(1950).max(thisYear + 1) });

/** What a team edits about itself. */
export const teamProfileBody = z.object({
  fields: z.array(fieldCode).min(1, 'choose at least one field').max(6),
  keywords: z.array(text(30)).min(1, 'list at least one keyword').max(15),
  description: z.string().trim().max(3000).default(''),
  region: z.string().trim().max(60).default(''),
  capacity: z.number().int().min(0).max(50),
  people: z.array(teamPerson).max(50).default([]),
  results: z.array(teamResult).max(100).default([]),
});

export const teamProfile = z.object({
  organisationId: z.uuid(),
  name: z.string(),
  institution: z.string().nullable(),
  institutionKind: institutionKind.nullable(),
  region: z.string(),
  fields: z.array(z.string()),
  keywords: z.array(z.string()),
  description: z.string(),
  capacity: z.number(),
  activeContracts: z.number(),
  people: z.array(z.object({ name: z.string(), title: z.string(), expertise: z.string() })),
  results: z.array(z.object({ kind: z.enum(['paper', 'patent', 'product']), title: z.string(), year: z.number() })),
  version: z.number(),
  updatedAt: z.string().nullable(),
  /** May the viewer edit it (a manager of the team). */
  editable: z.boolean(),
});
export type TeamProfile = z.infer<typeof teamProfile>;
