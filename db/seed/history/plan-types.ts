import type { BidContent } from '../../../shared/contracts/bids';
import type { Indicator, IpTerms } from '../../../shared/contracts/challenges';
import type { FundingSplit } from '../../../shared/funding-rules';
import type { IndustryCode } from '../../../shared/taxonomy/industries';
import type * as H from '../data/history';
import type { HistoryTopic } from '../data/history-topics';
import type { EnterpriseInfo, TeamInfo } from './inputs';

// The plan of the history: every row it writes, decided before anything is written.

export type Fate = 'deal' | 'unsigned' | 'noAward' | 'unfilled' | 'rejected' | 'withdrawn';

export interface BatchPlan {
  id: string;
  publishedOn: string;
  year: number;
  number: number;
  deals: number;
  total: number;
}

/** A need's place in the timeline, before it has a topic. */
export interface Slot {
  index: number;
  fate: Fate;
  /** How a challenge with bids ended without a winner: every bid ineligible, a proposal declined, or no proposal. */
  noAward: 'ineligible' | 'declined' | 'none';
  batch: BatchPlan | null;
  submittedAt: Date;
  deadlineOn: string | null;
  /** When the award became final, roughly: the notice ends about nine days after the confirmation. */
  finalOn: string | null;
  /** A deal's signing date per winner (two in a horse race). */
  signOn: string[];
  /** Rejected or withdrawn (after rework comments): when. */
  decidedAt: Date | null;
  /** When the need visibly failed, after which it may be published again. */
  failedAt: Date | null;
  terminate: boolean;
}

export interface Need extends Slot {
  challengeId: string;
  enterprise: EnterpriseInfo;
  topic: HistoryTopic;
  title: string;
  industry: IndustryCode;
  indicators: Indicator[];
  bountyWan: number;
  subsidyWan: number;
  deliveryMonths: number;
  ipTerms: IpTerms;
  visibility: 'public' | 'restricted';
  academicOnly: boolean;
  variant: number;
  /** A second listing of a failed need, or a follow-up phase: not published again itself. */
  repeat: boolean;
}

export interface BidPlan {
  id: string;
  need: Need;
  team: TeamInfo;
  content: BidContent;
  submittedAt: Date;
  checkedAt: Date;
  reason: string | null;
}

export interface AwardPlan {
  id: string;
  need: Need;
  status: 'final' | 'declined';
  winners: BidPlan[];
  proposedAt: Date;
  confirmedAt: Date | null;
  finalAt: Date | null;
  closedReason: string | null;
  confirmedBy: string | null;
}

export interface MilestonePlan {
  id: string;
  position: number;
  title: string;
  deliverable: string;
  dueMonth: number;
  dueOn: string | null;
  trancheYuan: number;
  confirmedOn: string | null;
  overdueSince: string | null;
  originalDueOn: string | null;
  extendedAt: Date | null;
}

export interface ContractPlan {
  id: string;
  need: Need;
  award: AwardPlan;
  bid: BidPlan;
  title: string;
  split: FundingSplit;
  firstTrancheYuan: number;
  milestones: MilestonePlan[];
  status: 'signed' | 'completed' | 'terminated';
  signedOn: string | null;
  signedAt: Date | null;
  parties: { organisationId: string; role: 'publisher' | 'lead' | 'bureau'; signedBy: string | null; signedAt: Date | null }[];
  completedAt: Date | null;
  grade: keyof typeof H.gradeText | null;
  terminatedAt: Date | null;
  termination: { reason: string; outcome: 'excused' | 'penalised' } | null;
  registration: { no: string; on: string; by: string } | null;
  broker: { name: string; userId: string | null; introducedOn: string } | null;
  official: string;
}

export interface HistoryPlan {
  batches: BatchPlan[];
  needs: Need[];
  bids: BidPlan[];
  awards: AwardPlan[];
  contracts: ContractPlan[];
  credit: { organisationId: string; reason: string; barredUntil: Date; createdBy: string; createdAt: Date }[];
}
