import type { Indicator } from '../../../shared/contracts/challenges';
import type { ChallengeState } from '../../../shared/lifecycles/challenge';
import type { InstitutionKind } from '../../../shared/roles';
import type { IndustryCode } from '../../../shared/taxonomy/industries';
import type { HistoryTopic } from '../../../db/seed/data/history-topics';

/**
 * What one step of the large seed tells the next: compact facts about the rows written, never
 * the rows themselves (at 100,000 challenges the texts would not fit comfortably in memory).
 */

export interface Counts {
  challenges: number;
  enterprises: number;
  teams: number;
  /** Targets; the seed prints what it actually wrote. */
  bids: number;
  contracts: number;
}

/** Per challenge: 0.2 teams, 3 bids, 0.3 contracts (issue 9); one enterprise per 20 challenges. */
export function countsFor(scale: number): Counts {
  return { challenges: scale, enterprises: Math.max(20, Math.round(scale / 20)), teams: Math.max(50, Math.round(scale * 0.2)), bids: scale * 3, contracts: Math.round(scale * 0.3) };
}

export interface Person {
  userId: string;
  name: string;
  title: string;
  email: string;
}

export interface EnterpriseInfo {
  id: string;
  name: string;
  /** Index into the demo enterprises whose needs it shares. */
  template: string;
  description: string;
  district: string;
  member: Person;
  verified: boolean;
}

export interface TeamInfo {
  id: string;
  name: string;
  institution: string;
  institutionKind: InstitutionKind;
  /** Industry-chain codes. */
  fields: readonly string[];
  keywords: readonly string[];
  members: Person[];
  verified: boolean;
  capacity: number;
}

export interface ChallengeInfo {
  id: string;
  index: number;
  publisher: EnterpriseInfo;
  status: ChallengeState;
  topic: HistoryTopic;
  title: string;
  industry: IndustryCode;
  chain: string;
  indicators: Indicator[];
  bountyWan: number;
  subsidyWan: number;
  deliveryMonths: number;
  variant: number;
  academicOnly: boolean;
  directed: boolean;
  publishedAt: Date | null;
  deadline: Date | null;
}

export interface BidInfo {
  id: string;
  challenge: ChallengeInfo;
  team: TeamInfo;
  status: 'draft' | 'submitted' | 'withdrawn' | 'eligible' | 'ineligible';
  quotedPriceYuan: number;
  plan: number;
  submittedAt: Date | null;
}

export interface World {
  now: Date;
  bureauId: string;
  officials: Person[];
  enterprises: EnterpriseInfo[];
  teams: TeamInfo[];
  batches: { id: string; publishedAt: Date }[];
  challenges: ChallengeInfo[];
  bids: BidInfo[];
  passwordHash: string;
}

export const day = 86_400_000;

/** Step timings and row counts, printed at the end. */
export interface StepLog {
  step(table: string, rows: number, ms: number): void;
}
