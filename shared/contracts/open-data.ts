/**
 * The public open-data export (公开数据): published challenges, awards, contracts and
 * milestones as an Open Contracting Data Standard 1.1 release package. Fields outside OCDS
 * 1.1 are marked "extension" and described in server/modules/open-data/README.md. The
 * schema whitelists what is published: nothing that is not named here leaves the server.
 */
import { z } from 'zod';
import { challengeState } from '../lifecycles/challenge';
import { contractState } from '../lifecycles/contract';

/** Instants as ISO 8601 with an offset; calendar days (due, paid, registered) at 00:00 China time. */
const dateTime = z.iso.datetime({ offset: true });
const value = z.object({ amount: z.number().int().min(0), currency: z.literal('CNY') });
const organisationReference = z.object({ id: z.string(), name: z.string() });
const period = z.object({ startDate: dateTime.optional(), endDate: dateTime.optional() });
const classification = z.object({ scheme: z.string(), id: z.string(), description: z.string() });

export const ocdsParty = z.object({
  id: z.string(),
  name: z.string(),
  /** Enterprises only: the 统一社会信用代码, public registry data. Teams have no identifier here. */
  identifier: z.object({ scheme: z.literal('CN-USCC'), id: z.string(), legalName: z.string() }).optional(),
  roles: z.array(z.enum(['buyer', 'procuringEntity', 'supplier', 'payee'])),
});

export const ocdsTender = z.object({
  id: z.string(),
  title: z.string(),
  /** The full description when the publisher made it public; otherwise the summary. */
  description: z.string(),
  /** Extension: the challenge's one-paragraph summary, always public. */
  summary: z.string(),
  /** Extension: whether `description` is the full text ('public') or the summary ('restricted'). */
  descriptionVisibility: z.enum(['public', 'restricted']),
  status: z.enum(['active', 'complete', 'unsuccessful']),
  /** Extension: the platform's own challenge state. */
  statusDetails: challengeState,
  value: value.optional(),
  procurementMethod: z.literal('open'),
  procurementMethodDetails: z.string(),
  mainProcurementCategory: z.literal('services'),
  tenderPeriod: period,
  /** Extension: the agreed delivery period in months. */
  deliveryMonths: z.number().int().optional(),
  items: z.array(z.object({ id: z.string(), description: z.string(), classification: classification.optional(), additionalClassifications: z.array(classification) })),
  /** Extension: the quantified technical indicators (技术指标) a solution must meet. */
  indicators: z.array(z.object({ name: z.string(), targetValue: z.string(), unit: z.string(), verification: z.string() })),
  /** Extension: the publication round (发榜批次). */
  batch: z.object({ id: z.string(), title: z.string() }).optional(),
  procuringEntity: organisationReference,
});

export const ocdsAward = z.object({
  id: z.string(),
  title: z.string(),
  /** pending: in public notice (公示); active: final; cancelled: revoked after an objection. */
  status: z.enum(['pending', 'active', 'cancelled']),
  date: dateTime.optional(),
  /** The total of the award's published contracts; absent until one is signed (before that it is the winning bid's price). */
  value: value.optional(),
  suppliers: z.array(organisationReference),
  /** Extension: the public notice (公示) period. */
  noticePeriod: period.optional(),
});

export const ocdsMilestone = z.object({
  id: z.string(),
  title: z.string(),
  type: z.literal('delivery'),
  status: z.enum(['scheduled', 'met', 'notMet']),
  dueDate: dateTime.optional(),
  /** The day its tranche was paid. */
  dateMet: dateTime.optional(),
  dateModified: dateTime,
  /** Extension in 1.1 (a field of Milestone in OCDS 1.2): the tranche paid when it is met. */
  value: value,
});

export const ocdsTransaction = z.object({
  id: z.string(),
  date: dateTime,
  value: value,
  payee: organisationReference,
});

export const ocdsContract = z.object({
  id: z.string(),
  awardID: z.string(),
  title: z.string(),
  status: z.enum(['active', 'terminated']),
  /** Extension: signed, completed (accepted) or terminated (ended early). */
  statusDetails: contractState.exclude(['drafted']),
  /** Extension: the contracted team (one per contract; a horse race has one contract per team). */
  suppliers: z.array(organisationReference),
  value: value,
  dateSigned: dateTime.optional(),
  period: period.optional(),
  /** Extension: the technology-contract registration (技术合同登记). */
  registration: z.object({ id: z.string(), date: dateTime.optional() }).optional(),
  implementation: z.object({ milestones: z.array(ocdsMilestone), transactions: z.array(ocdsTransaction) }),
});

export const ocdsRelease = z.object({
  ocid: z.string(),
  id: z.string(),
  date: dateTime,
  tag: z.array(z.enum(['tender', 'award', 'contract', 'implementation'])),
  initiationType: z.literal('tender'),
  language: z.literal('zh'),
  parties: z.array(ocdsParty),
  buyer: organisationReference,
  tender: ocdsTender,
  awards: z.array(ocdsAward),
  contracts: z.array(ocdsContract),
});
export type OcdsRelease = z.infer<typeof ocdsRelease>;

export const releasePackage = z.object({
  uri: z.string(),
  version: z.literal('1.1'),
  publishedDate: dateTime,
  publisher: z.object({ name: z.string() }),
  license: z.string(),
  publicationPolicy: z.string(),
  releases: z.array(ocdsRelease),
});
export type ReleasePackage = z.infer<typeof releasePackage>;

/** `since`: only what changed on or after this day (China time). */
export const openDataQuery = z.object({ since: z.iso.date().optional() });
