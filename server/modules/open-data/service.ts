import { chinaInstant } from '../../../shared/calendar';
import type { OcdsRelease, ReleasePackage } from '../../../shared/contracts/open-data';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/database';
import { milestoneColumns, milestoneRows, releaseColumns, releaseRow, toCsv } from './csv';
import { lastChange, toRelease, type ChallengeBundle, type Organisation } from './ocds';
import type { OpenDataRepository } from './repository';

export interface OpenDataDeps {
  db: Db;
  clock: Clock;
  openData: OpenDataRepository;
  /** Where the API is reached from outside: the package's own URI and its policy's. */
  publicUrl: string;
  /** The publisher named in the package; a deployment names its bureau. */
  publisherName?: string;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

export const openDataLicense = 'https://creativecommons.org/licenses/by/4.0/';
const defaultPublisher = '揭榜挂帅平台';

/**
 * 公开数据: what the public may know about every published, non-directed challenge, the same
 * for every caller (no session changes it, so caches may share it). Visibility is decided in
 * the repository's queries; this module only arranges what they return.
 */
export function createOpenDataService(d: OpenDataDeps) {
  /** Every exportable challenge with what was published under it, changed on or after `since`. */
  async function releases(since: string | undefined): Promise<OcdsRelease[]> {
    // One snapshot: a contract signed between two of these queries must not show up half.
    const rows = await d.db.transaction(
      async (tx) => ({
        challenges: await d.openData.challenges(tx),
        joint: await d.openData.jointPublishers(tx),
        awards: await d.openData.awards(tx),
        winners: await d.openData.winners(tx),
        contracts: await d.openData.contracts(tx),
        milestones: await d.openData.milestones(tx),
        payments: await d.openData.payments(tx),
      }),
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const winners = new Map<string, Organisation>(rows.winners.map((w) => [w.bidId, w.organisation]));
    const joint = groupBy(rows.joint, (j) => j.challengeId);
    const awards = groupBy(rows.awards, (a) => a.challengeId);
    const contracts = groupBy(rows.contracts, (c) => c.challengeId);
    const milestones = groupBy(rows.milestones, (m) => m.contractId);
    const payments = groupBy(rows.payments, (p) => p.contractId);
    const from = since ? chinaInstant(since) : null;
    const bundles = rows.challenges.map((challenge): ChallengeBundle => {
      const own = contracts.get(challenge.id) ?? [];
      return {
        challenge,
        jointPublishers: (joint.get(challenge.id) ?? []).map((j) => j.organisation),
        awards: awards.get(challenge.id) ?? [],
        contracts: own,
        milestones: own.flatMap((c) => milestones.get(c.id) ?? []),
        payments: own.flatMap((c) => payments.get(c.id) ?? []),
        winners,
      };
    });
    return bundles.filter((b) => !from || lastChange(b) >= from).map(toRelease);
  }

  async function releasePackage(since: string | undefined): Promise<ReleasePackage> {
    const base = `${d.publicUrl.replace(/\/$/, '')}/api/open-data`;
    return {
      uri: `${base}/releases.json${since ? `?since=${since}` : ''}`,
      version: '1.1',
      publishedDate: d.clock.now().toISOString(),
      publisher: { name: d.publisherName ?? defaultPublisher },
      license: openDataLicense,
      publicationPolicy: `${base}/policy`,
      releases: await releases(since),
    };
  }

  return {
    releasePackage,
    releasesCsv: async (since: string | undefined) => toCsv(releaseColumns, (await releases(since)).map(releaseRow)),
    milestonesCsv: async (since: string | undefined) => toCsv(milestoneColumns, (await releases(since)).flatMap(milestoneRows)),
  };
}
export type OpenDataService = ReturnType<typeof createOpenDataService>;
