import { and, eq, gt } from 'drizzle-orm';
import { fixedClock } from '../../server/infra/clock';
import type { Db, Tx } from '../../server/infra/database';
import { createChallengesRepository } from '../../server/modules/challenges/repository';
import { createTeamProfiles } from '../../server/modules/matching/profiles';
import { createMatchingRepository } from '../../server/modules/matching/repository';
import { createMatchingService } from '../../server/modules/matching/service';
import { challenges } from '../schema';
import type { SeedRefs } from './challenges';
import { teamProfiles } from './data/team-profiles';
import { teams } from './data/teams';

/**
 * Matching on the demo: each team's profile (fields, capacity, people's expertise, results)
 * written through the profile code the API uses, then every open published challenge ranked
 * by the real ranker, which stores its top 50 and invites its top 10, as publishing would.
 * Runs after the contracts step, so track records (deals, grades, milestones) count.
 */
export async function seedMatchingStep(tx: Tx, refs: SeedRefs, now: Date): Promise<number> {
  const db = tx as unknown as Db;
  const clock = fixedClock(now);
  const repo = createMatchingRepository();
  const profiles = createTeamProfiles({ db, clock, matching: repo });
  for (const team of teams) {
    const id = refs.organisationByKey.get(team.key);
    const p = teamProfiles[team.key];
    if (!id || !p) continue;
    await profiles.write(
      tx,
      id,
      {
        fields: [...p.fields],
        keywords: [...team.researchFields],
        description: team.description,
        region: team.district,
        capacity: p.capacity,
        people: team.members.map((m) => ({ name: m.name, title: m.title ?? '', expertise: p.expertise[m.name] ?? '' })),
        results: p.results.map((r) => ({ ...r })),
      },
      now,
    );
  }
  const matching = createMatchingService({ db, clock, matching: repo, challenges: createChallengesRepository() });
  const open = await tx.select({ id: challenges.id, revision: challenges.revision }).from(challenges).where(and(eq(challenges.status, 'published'), gt(challenges.deadline, now)));
  for (const c of open) await matching.rankChallenge({ challengeId: c.id, revision: c.revision });
  return open.length;
}
