import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { bids, bidVersions } from '../../../db/schema';
import * as H from '../../../db/seed/data/history';
import { proposal } from '../../../db/seed/data/history-texts';
import type { Rng } from '../../../db/seed/history/random';
import { bidDigest } from '../../../server/modules/bids/service';
import type { BidContent } from '../../../shared/contracts/bids';
import { groupTeams, pickTeams } from './challenges';
import { streamInsert, timed, type BulkRow } from './bulk-insert';
import { day, type BidInfo, type StepLog, type World } from './world';

/** Bids on a closed challenge (mean about 4.3) and on an open one so far (mean 2.4); none on an unfilled one. */
const closedBids: H.Weighted<number> = [[1, 10], [2, 14], [3, 16], [4, 16], [5, 14], [6, 12], [7, 9], [8, 9]];
const openBids: H.Weighted<number> = [[0, 10], [1, 20], [2, 25], [3, 20], [4, 15], [5, 10]];

/** A bid's content: the demo history's proposal for this challenge, team, price and plan. */
export function contentOf(b: BidInfo): BidContent {
  const c = b.challenge;
  return proposal({
    title: c.title,
    indicators: c.indicators,
    team: { name: b.team.name, researchFields: b.team.keywords, members: b.team.members },
    quotedPriceYuan: b.quotedPriceYuan,
    deliveryMonths: c.deliveryMonths,
    plan: H.milestonePlans[b.plan]!,
    variant: c.variant + b.plan,
  });
}

/**
 * Bids by verified teams working in the challenge's chain (or industry), distinct per
 * challenge as the one-active-bid index requires. Closed challenges: each bid submitted before
 * the deadline, checked eligible (or, 7 %, not) a week or two after it, or withdrawn (5 %);
 * on an open challenge a bid is a draft, submitted, or withdrawn. Every submitted bid has its
 * sealed version 1 with the app's digest.
 */
export async function seedBids(client: pg.ClientBase, rnd: Rng, world: Pick<World, 'now' | 'officials' | 'teams' | 'challenges'>, log: StepLog): Promise<Pick<World, 'bids'>> {
  const { now } = world;
  const groups = groupTeams(world.teams);
  const official = world.officials[0]!.userId;
  const list: BidInfo[] = [];
  const listed = world.challenges.filter((c) => c.status === 'closed' || c.status === 'published');

  const make = (i: number): BulkRow<typeof bids>[] => {
    const c = listed[i]!;
    const open = c.status === 'published';
    const n = open ? rnd.weighted(openBids) : rnd.weighted(closedBids);
    const published = c.publishedAt!.getTime();
    const deadline = c.deadline!.getTime();
    return pickTeams(rnd, groups, c.chain, c.industry, n, c.academicOnly).map((team, k) => {
      const r = rnd.next();
      let status: BidInfo['status'];
      let submittedAt: Date | null = new Date(published + (open ? rnd.next() * (now.getTime() - published) : (0.2 + 0.78 * rnd.next()) * (deadline - published)));
      let withdrawnAt: Date | null = null;
      let checkedAt: Date | null = null;
      let reason: string | null = null;
      if (open) {
        status = r < 0.38 ? 'draft' : r < 0.93 ? 'submitted' : 'withdrawn';
        if (status === 'draft') submittedAt = null;
      } else if (k > 0 && r < 0.05) {
        status = 'withdrawn';
      } else if (now.getTime() - deadline < 14 * day) {
        status = 'submitted';
      } else {
        checkedAt = new Date(deadline + rnd.int(3, 12) * day);
        status = r < 0.12 ? 'ineligible' : 'eligible';
        if (status === 'ineligible') reason = rnd.pick(H.ineligibilityReasons.other);
      }
      if (status === 'withdrawn') withdrawnAt = new Date((submittedAt ?? new Date(published)).getTime() + rnd.next() * (Math.min(deadline, now.getTime()) - (submittedAt ?? new Date(published)).getTime()));
      const b: BidInfo = { id: randomUUID(), challenge: c, team, status, quotedPriceYuan: Math.round(c.bountyWan * (0.6 + 0.4 * rnd.next())) * 10_000, plan: rnd.int(0, H.milestonePlans.length - 1), submittedAt };
      list.push(b);
      const createdAt = new Date(Math.max(published, (submittedAt ?? now).getTime() - rnd.int(2, 10) * day));
      return {
        id: b.id,
        challengeId: c.id,
        teamId: team.id,
        status,
        draft: contentOf(b),
        challengeRevision: 1,
        needsReconfirmation: false,
        latestVersion: submittedAt ? 1 : null,
        submittedAt,
        withdrawnAt,
        eligibilityReason: reason,
        eligibilityCheckedAt: checkedAt,
        eligibilityCheckedBy: checkedAt ? official : null,
        createdBy: team.members[0]!.userId,
        createdAt,
        updatedAt: withdrawnAt ?? checkedAt ?? submittedAt ?? createdAt,
      };
    });
  };
  await timed(client, log, 'bids', () => streamInsert(client, bids, listed.length, make, 2000));

  const submitted = list.filter((b) => b.submittedAt);
  await timed(client, log, 'bid_versions', () =>
    streamInsert(
      client,
      bidVersions,
      submitted.length,
      (i) => {
        const b = submitted[i]!;
        const content = contentOf(b);
        return [{ bidId: b.id, version: 1, content, sha256: bidDigest(content), challengeRevision: 1, submittedBy: b.team.members[0]!.userId, submittedAt: b.submittedAt! }];
      },
      2000,
    ),
  );
  return { bids: list };
}
