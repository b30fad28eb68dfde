import type { OcdsRelease } from '../../../shared/contracts/open-data';
import { industries } from '../../../shared/taxonomy/industries';
import { industryChains } from '../../../shared/taxonomy/industry-chains';
import type { OpenDataRepository } from './repository';

/**
 * One OCDS release per challenge, built from what the repository read (and nothing else).
 * The release is a snapshot of the challenge's current state: its `date` is the last change
 * to the challenge, its awards, contracts, milestones or payments.
 */

type Rows<K extends keyof OpenDataRepository> = Awaited<ReturnType<OpenDataRepository[K]>>;
export type ChallengeRow = Rows<'challenges'>[number];
export type Organisation = ChallengeRow['publisher'];
export type AwardRow = Rows<'awards'>[number];
export type ContractRow = Rows<'contracts'>[number];
export type MilestoneRow = Rows<'milestones'>[number];
export type PaymentRow = Rows<'payments'>[number];

export interface ChallengeBundle {
  challenge: ChallengeRow;
  jointPublishers: Organisation[];
  awards: AwardRow[];
  contracts: ContractRow[];
  milestones: MilestoneRow[];
  payments: PaymentRow[];
  /** Winning teams by bid id. */
  winners: ReadonlyMap<string, Organisation>;
}

/**
 * Provisional: OCDS asks each publisher to register an ocid prefix (ocds-xxxxxx) with the
 * Open Contracting Partnership. A deployment replaces this one with its registered prefix.
 */
export const ocidPrefix = 'ocds-jiebang';
export const ocidOf = (challengeId: string) => `${ocidPrefix}-${challengeId}`;

const cny = (amount: number) => ({ amount, currency: 'CNY' as const });
const instant = (d: Date) => d.toISOString();
/** A calendar day (due, paid, registered) as the start of that day in China. */
const day = (date: string) => `${date}T00:00:00+08:00`;
const latest = (dates: (Date | null | undefined)[]) => new Date(Math.max(...dates.filter((d): d is Date => !!d).map((d) => d.getTime())));
const ref = (o: Organisation) => ({ id: o.id, name: o.name });

const industryLabels = new Map<string, string>(industries.map((i) => [i.code, i.zh]));
const chainLabels = new Map<string, string>(Object.values(industryChains).flatMap((chains) => chains.map((c) => [c.code, c.zh] as const)));

/** When the challenge or anything published under it last changed. */
export function lastChange(b: ChallengeBundle): Date {
  return latest([
    b.challenge.updatedAt,
    ...b.awards.flatMap((a) => [a.confirmedAt, a.finalAt, a.lastResolvedAt ? new Date(a.lastResolvedAt) : null]),
    ...b.contracts.map((c) => c.updatedAt),
    ...b.milestones.map((m) => m.updatedAt),
    ...b.payments.map((p) => p.createdAt),
  ]);
}

function tenderStatus(b: ChallengeBundle): OcdsRelease['tender']['status'] {
  if (b.challenge.status === 'unfilled') return 'unsuccessful';
  return b.awards.some((a) => a.status === 'final') ? 'complete' : 'active';
}

const awardStatus = { in_notice: 'pending', final: 'active', revoked: 'cancelled' } as const;

function milestoneOf(m: MilestoneRow, payment: PaymentRow | undefined) {
  const met = m.status === 'confirmed';
  return {
    id: m.id,
    title: m.title,
    type: 'delivery' as const,
    status: met ? ('met' as const) : m.overdueSince ? ('notMet' as const) : ('scheduled' as const),
    dueDate: m.dueOn ? day(m.dueOn) : undefined,
    dateMet: met && payment ? day(payment.paidOn) : undefined,
    dateModified: instant(m.updatedAt),
    value: cny(m.trancheYuan),
  };
}

function contractOf(c: ContractRow, b: ChallengeBundle, team: Organisation | undefined): OcdsRelease['contracts'][number] {
  const ms = b.milestones.filter((m) => m.contractId === c.id);
  const paid = b.payments.filter((p) => p.contractId === c.id);
  const lastDue = ms.map((m) => m.dueOn).filter((d): d is string => !!d).sort().at(-1);
  const ended = c.completedAt ?? c.terminatedAt;
  const endDate = ended ? instant(ended) : lastDue ? day(lastDue) : undefined;
  return {
    id: c.id,
    awardID: c.awardId,
    title: c.title,
    status: c.status === 'signed' ? 'active' : 'terminated',
    statusDetails: c.status as 'signed' | 'completed' | 'terminated',
    suppliers: team ? [ref(team)] : [],
    value: cny(c.amountYuan),
    dateSigned: c.signedAt ? instant(c.signedAt) : undefined,
    period: c.signedAt ? { startDate: instant(c.signedAt), endDate } : undefined,
    registration: c.registrationNo ? { id: c.registrationNo, date: c.registeredOn ? day(c.registeredOn) : undefined } : undefined,
    implementation: {
      milestones: ms.map((m) => milestoneOf(m, paid.find((p) => p.milestoneId === m.id))),
      transactions: team ? paid.map((p) => ({ id: p.id, date: day(p.paidOn), value: cny(p.amountYuan), payee: ref(team) })) : [],
    },
  };
}

export function toRelease(b: ChallengeBundle): OcdsRelease {
  const c = b.challenge;
  const ocid = ocidOf(c.id);
  const date = lastChange(b);

  const parties = new Map<string, OcdsRelease['parties'][number]>();
  const addParty = (o: Organisation, role: OcdsRelease['parties'][number]['roles'][number]) => {
    const party = parties.get(o.id) ?? {
      ...ref(o),
      // The 统一社会信用代码 of an enterprise is public registry data; teams have none to show.
      identifier: o.kind === 'enterprise' && o.creditCode ? { scheme: 'CN-USCC' as const, id: o.creditCode, legalName: o.name } : undefined,
      roles: [],
    };
    if (!party.roles.includes(role)) party.roles.push(role);
    parties.set(o.id, party);
  };
  addParty(c.publisher, 'buyer');
  addParty(c.publisher, 'procuringEntity');
  for (const j of b.jointPublishers) addParty(j, 'buyer');

  const teamsById = new Map([...b.winners.values()].map((o) => [o.id, o]));
  const awards = b.awards.map((a) => {
    const suppliers = a.winnerBidIds.map((id) => b.winners.get(id)).filter((o): o is Organisation => !!o);
    for (const s of suppliers) addParty(s, 'supplier');
    const signed = b.contracts.filter((k) => k.awardId === a.id);
    return {
      id: a.id,
      title: c.title,
      status: awardStatus[a.status as keyof typeof awardStatus],
      date: (a.finalAt ?? a.confirmedAt)?.toISOString(),
      value: signed.length ? cny(signed.reduce((sum, k) => sum + k.amountYuan, 0)) : undefined,
      suppliers: suppliers.map(ref),
      noticePeriod: a.confirmedAt ? { startDate: instant(a.confirmedAt), endDate: a.noticeEndsAt ? instant(a.noticeEndsAt) : undefined } : undefined,
    };
  });
  const contracts = b.contracts.map((k) => contractOf(k, b, teamsById.get(k.teamId)));
  for (const k of contracts) for (const t of k.implementation.transactions) addParty(teamsById.get(t.payee.id)!, 'payee');

  const implemented = contracts.some((k) => k.implementation.transactions.length > 0 || k.implementation.milestones.some((m) => m.status === 'met'));
  const tag: OcdsRelease['tag'] = ['tender'];
  if (awards.length) tag.push('award');
  if (contracts.length) tag.push('contract');
  if (implemented) tag.push('implementation');

  return {
    ocid,
    id: `${ocid}-${date.toISOString().replace(/[-:.]/g, '')}`,
    date: instant(date),
    tag,
    initiationType: 'tender',
    language: 'zh',
    parties: [...parties.values()],
    buyer: ref(c.publisher),
    tender: {
      id: c.id,
      title: c.title,
      description: c.publicDescription || c.summary,
      summary: c.summary,
      descriptionVisibility: c.publicDescription === null ? 'restricted' : 'public',
      status: tenderStatus(b),
      statusDetails: c.status,
      value: c.bountyYuan === null ? undefined : cny(c.bountyYuan),
      procurementMethod: 'open',
      procurementMethodDetails: '揭榜挂帅',
      mainProcurementCategory: 'services',
      tenderPeriod: { startDate: c.publishedAt ? instant(c.publishedAt) : undefined, endDate: c.deadline ? instant(c.deadline) : undefined },
      deliveryMonths: c.deliveryMonths ?? undefined,
      items: [
        {
          id: '1',
          description: c.title,
          classification: c.industry ? { scheme: 'JIEBANG-INDUSTRY', id: c.industry, description: industryLabels.get(c.industry) ?? c.industry } : undefined,
          additionalClassifications: c.industryChain ? [{ scheme: 'JIEBANG-INDUSTRY-CHAIN', id: c.industryChain, description: chainLabels.get(c.industryChain) ?? c.industryChain }] : [],
        },
      ],
      indicators: c.indicators.map((i) => ({ name: i.name, targetValue: i.targetValue, unit: i.unit ?? '', verification: i.verification })),
      batch: c.batchId && c.batchTitle ? { id: c.batchId, title: c.batchTitle } : undefined,
      procuringEntity: ref(c.publisher),
    },
    awards,
    contracts,
  };
}
