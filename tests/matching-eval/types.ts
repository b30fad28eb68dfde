import type { IndustryCode } from '../../shared/taxonomy/industries';

/**
 * The labelled evaluation set for matching (issue 6 item 4): challenges written like real
 * enterprise needs, a pool of team profiles, and graded relevance judgements. `npm run
 * eval:matching` ranks every team for every challenge with the product's ranker and with plain
 * BM25 and prints nDCG@10, Recall@10 and MRR for both.
 */

/** Research fields are industry-chain segment codes (shared/taxonomy/industry-chains.ts). */
export type FieldCode = string;

export interface EvalTeam {
  /** Stable id, e.g. 'seu-power-electronics'. */
  key: string;
  name: string;
  institution: string;
  institutionKind: 'university' | 'institute' | 'company';
  /** City (and district where useful), e.g. '南京市玄武区'. */
  region: string;
  /** 1–4 industry-chain codes the team works for. */
  fields: FieldCode[];
  /** 3–8 research keywords, as a professor would list them. */
  keywords: string[];
  /** 2–4 sentences describing the team's research and facilities. */
  description: string;
  people: { name: string; title: string; expertise: string }[];
  results: { kind: 'paper' | 'patent' | 'product'; title: string; year: number }[];
  /** How many active contracts the team can take, and how many it has. */
  capacity: number;
  activeContracts: number;
  /** Past deals: contracts won, acceptance grades of completed ones, milestones on time and late. */
  trackRecord: { deals: number; grades: ('excellent' | 'good' | 'pass' | 'fail')[]; milestonesOnTime: number; milestonesLate: number };
}

export interface EvalChallenge {
  key: string;
  title: string;
  summary: string;
  description: string;
  industry: IndustryCode;
  /** An industry-chain code under `industry`. */
  industryChain: FieldCode;
  indicators: { name: string; targetValue: string; unit: string | null }[];
}

/** Graded relevance: 3 ideal team, 2 strong, 1 plausible; unlisted teams are 0. */
export type Judgements = Record<string, Record<string, 1 | 2 | 3>>;
