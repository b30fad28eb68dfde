import type pg from 'pg';
import { challengeMatches, matchInvitations } from '../../../db/schema';
import type { Rng } from '../../../db/seed/history/random';
import { words } from '../../../server/modules/search/segment';
import { industryOfChain } from '../../../shared/taxonomy/industry-chains';
import type { MatchExplanation } from '../../../shared/matching/explanation';
import { groupTeams, pickTeams } from './challenges';
import { bulkInsert, streamInsert, timed, type BulkRow } from './bulk-insert';
import type { StepLog, World } from './world';

/**
 * Each published challenge's stored ranking (challenge_matches), as many rows as the ranker
 * keeps (50), and the top 10 invitations of the open ones. The rows are not the ranker's
 * output (ranking 80,000 challenges against 20,000 teams would take hours on two cores): the
 * teams are drawn from those working in the challenge's chain or industry, scores fall with
 * rank, and the explanation names title terms and the field match, so the table has the
 * ranker's shape and size. The jobs benchmark runs the real ranker.
 */
export async function seedMatches(client: pg.ClientBase, rnd: Rng, perChallenge: number, world: Pick<World, 'now' | 'teams' | 'challenges'>, log: StepLog): Promise<void> {
  const groups = groupTeams(world.teams);
  const ranked = world.challenges.filter((c) => c.publishedAt);
  const invitations: BulkRow<typeof matchInvitations>[] = [];
  const make = (i: number): BulkRow<typeof challengeMatches>[] => {
    const c = ranked[i]!;
    const terms = [...new Set(words(c.title).filter((w) => w.length > 1))].slice(0, 4);
    const top = 0.55 + 0.4 * rnd.next();
    const teams = pickTeams(rnd, groups, c.chain, c.industry, perChallenge, c.academicOnly);
    const open = c.status === 'published' && !c.directed;
    return teams.map((t, k) => {
      const score = Math.round(top * (1 - 0.012 * k) * 10_000) / 10_000;
      const fieldMatch: MatchExplanation['fieldMatch'] = t.fields.includes(c.chain) ? 'chain' : t.fields.some((f) => industryOfChain(f) === c.industry) ? 'industry' : 'none';
      const field = fieldMatch === 'chain' ? 0.2 : fieldMatch === 'industry' ? 0.1 : 0;
      const capacity = Math.round(0.01 * t.capacity * 1000) / 1000;
      const explanation: MatchExplanation = {
        matchedTerms: terms.slice(0, 1 + (k % terms.length || 0)),
        fieldMatch,
        trackRecord: { deals: 0, averageGrade: null, onTimeRate: null },
        spareCapacity: t.capacity,
        components: { text: Math.max(0, Math.round((score - field - capacity) * 1000) / 1000), field, track: 0, capacity },
      };
      if (open && k < 10) invitations.push({ challengeId: c.id, teamId: t.id, rank: k + 1, createdAt: c.publishedAt! });
      return { challengeId: c.id, teamId: t.id, revision: 1, rank: k + 1, score, explanation, rankedAt: c.publishedAt! };
    });
  };
  await timed(client, log, 'challenge_matches', () => streamInsert(client, challengeMatches, ranked.length, make, 10_000));
  await timed(client, log, 'match_invitations', () => bulkInsert(client, matchInvitations, invitations));
}
