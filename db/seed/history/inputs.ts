import { and, eq, inArray } from 'drizzle-orm';
import { loadConfig } from '../../../server/config';
import type { Tx } from '../../../server/infra/database';
import { bigrams } from '../../../server/modules/search/segment';
import { chinaDate } from '../../../shared/calendar';
import type { FundingRule } from '../../../shared/funding-rules';
import type { InstitutionKind } from '../../../shared/roles';
import { batches, bids, challenges, contracts, creditRecords, organisations, users } from '../../schema';
import type { SeedRefs } from '../challenges';
import { demoLogins } from '../data/accounts';
import { bureauPeople } from '../data/bureau';
import { enterprises } from '../data/enterprises';
import { historyTopics, type HistoryTopic } from '../data/history-topics';
import { teamProfiles } from '../data/team-profiles';
import { teams } from '../data/teams';
import { fits } from './relevance';

// What the plan is drawn from: the demo's verified enterprises and teams, its officials, and
// what the live stories already hold.

export interface TeamInfo {
  id: string;
  order: number;
  name: string;
  kind: InstitutionKind;
  /** Industry-chain codes (team-profiles.ts). */
  fields: readonly string[];
  researchFields: readonly string[];
  grams: Set<string>;
  capacity: number;
  members: { userId: string; name: string; title: string }[];
  /** A printed demo log-in's team, in a live contract, with open bids, or already barred: never penalised by history. */
  protectedFromPenalty: boolean;
}

export interface EnterpriseInfo {
  id: string;
  order: number;
  name: string;
  district: string;
  description: string;
  userId: string;
  contact: { name: string; phone: string | null; email: string };
  topics: readonly HistoryTopic[];
}

export interface Inputs {
  now: Date;
  today: string;
  enterprises: EnterpriseInfo[];
  teams: TeamInfo[];
  officials: { id: string; name: string }[];
  bureauId: string;
  liveSignedOn: string[];
  liveBars: { teamId: string; from: Date }[];
  liveBatches: { year: number; number: number; publishedOn: string }[];
  liveRegistrationNos: string[];
  rule: FundingRule;
  noticeWorkingDays: number;
  creditBarYears: number;
}

export async function loadInputs(tx: Tx, refs: SeedRefs, now: Date): Promise<Inputs> {
  const config = loadConfig({});
  const orgs = await tx.select({ id: organisations.id, kind: organisations.kind, verification: organisations.verification }).from(organisations);
  const verified = new Set(orgs.filter((o) => o.verification === 'verified').map((o) => o.id));
  const bureau = orgs.find((o) => o.kind === 'bureau');
  if (!bureau) throw new Error('seed history: no bureau');

  const liveContracts = await tx.select({ teamId: contracts.teamId, signedAt: contracts.signedAt, registrationNo: contracts.registrationNo }).from(contracts);
  const openBidders = await tx
    .selectDistinct({ id: bids.teamId })
    .from(bids)
    .innerJoin(challenges, eq(challenges.id, bids.challengeId))
    .where(and(eq(challenges.status, 'published'), inArray(bids.status, ['draft', 'submitted'])));
  const credit = await tx.select().from(creditRecords);
  const printed = new Set(demoLogins.map((l) => l.email));
  const shielded = new Set([...liveContracts.map((c) => c.teamId), ...openBidders.map((b) => b.id), ...credit.map((c) => c.organisationId)]);

  const officialPeople = bureauPeople.filter((p) => p.role === 'official');
  const officialRows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, officialPeople.map((p) => p.email)));
  const liveBatchRows = await tx.select().from(batches);

  const inputs: Inputs = {
    now,
    today: chinaDate(now),
    enterprises: enterprises.flatMap((e, order) => {
      const id = refs.organisationByKey.get(e.key);
      const topics = historyTopics[e.key];
      const manager = e.members[0];
      if (!id || !verified.has(id) || !topics || !manager) return [];
      return [{ id, order, name: e.name, district: e.district, description: e.description, userId: refs.firstMemberByOrganisation.get(id)!, contact: { name: manager.name, phone: manager.phone ?? null, email: manager.email }, topics }];
    }),
    teams: teams.flatMap((t, order) => {
      const id = refs.organisationByKey.get(t.key);
      const profile = teamProfiles[t.key];
      if (!id || !verified.has(id) || !profile) return [];
      return [
        {
          id,
          order,
          name: t.name,
          kind: t.institutionKind,
          fields: profile.fields,
          researchFields: t.researchFields,
          grams: new Set(bigrams(t.researchFields.join(' '))),
          capacity: profile.capacity,
          members: (refs.teamProfiles.get(id)?.members ?? []).map((m) => ({ userId: m.userId, name: m.name, title: m.title })),
          protectedFromPenalty: shielded.has(id) || t.members.some((m) => printed.has(m.email)),
        },
      ];
    }),
    officials: officialPeople.map((p) => ({ id: officialRows.find((r) => r.email === p.email)!.id, name: p.name })),
    bureauId: bureau.id,
    liveSignedOn: liveContracts.flatMap((c) => (c.signedAt ? [chinaDate(c.signedAt)] : [])),
    liveBars: credit.map((c) => ({ teamId: c.organisationId, from: c.createdAt })),
    liveBatches: liveBatchRows.map((b) => ({ year: b.year, number: b.number, publishedOn: chinaDate(b.publishedAt ?? b.createdAt) })),
    liveRegistrationNos: liveContracts.flatMap((c) => (c.registrationNo ? [c.registrationNo] : [])),
    rule: { maxSubsidyPercent: config.FUNDING_MAX_SUBSIDY_PERCENT, enterpriseLeadMultiple: config.FUNDING_ENTERPRISE_LEAD_MULTIPLE, academicLeadMultiple: config.FUNDING_ACADEMIC_LEAD_MULTIPLE },
    noticeWorkingDays: config.NOTICE_WORKING_DAYS,
    creditBarYears: config.CREDIT_BAR_YEARS,
  };
  shieldSoleFits(inputs);
  return inputs;
}

/**
 * A team that alone fits some topic (the live stories' barred teams aside) is never the one
 * history bars, or that topic's later needs would find no bidder.
 */
function shieldSoleFits(inp: Inputs): void {
  const usable = inp.teams.filter((t) => !inp.liveBars.some((b) => b.teamId === t.id));
  for (const topic of inp.enterprises.flatMap((e) => e.topics)) {
    const fitting = usable.filter((t) => fits(t, topic));
    if (fitting.length === 1) fitting[0]!.protectedFromPenalty = true;
  }
}
