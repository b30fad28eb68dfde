import type { Config } from './config';
import type { Clock } from './infra/clock';
import type { Db } from './infra/database';
import type { Mailer } from './infra/mailer';
import type { PasswordHasher } from './infra/password-hasher';
import { diskStorage, type FileStorage } from './infra/storage';
import { createAttachmentsRepository } from './modules/attachments/repository';
import { createAttachmentsService } from './modules/attachments/service';
import { createAccountsRepository } from './modules/accounts/repository';
import { createAccountsService } from './modules/accounts/service';
import { createAuditRepository } from './modules/audit/repository';
import { createAuditService } from './modules/audit/service';
import { createBidsRepository } from './modules/bids/repository';
import { createAwardsRepository } from './modules/awards/repository';
import { createAwardsService } from './modules/awards/service';
import { createBidsService } from './modules/bids/service';
import { createReviewsRepository } from './modules/reviews/repository';
import { createReviewsService } from './modules/reviews/service';
import { createBatchesService } from './modules/challenges/batches';
import { createChallengesRepository } from './modules/challenges/repository';
import { createChallengesService } from './modules/challenges/service';
import { createContractsRepository } from './modules/contracts/repository';
import { createContractsService } from './modules/contracts/service';
import { createNotificationsRepository } from './modules/notifications/repository';
import { createNotificationsService } from './modules/notifications/service';
import { createOrganisationsRepository } from './modules/organisations/repository';
import { createOrganisationsService } from './modules/organisations/service';
import { createMatchingRepository } from './modules/matching/repository';
import { createAnalyticsRepository } from './modules/analytics/repository';
import { createWorkQueuesRepository } from './modules/analytics/queues';
import { createAnalyticsService } from './modules/analytics/service';
import { createReportsRepository } from './modules/reports/repository';
import { createReportsService } from './modules/reports/service';
import { createMatchingService } from './modules/matching/service';
import { createTeamProfiles } from './modules/matching/profiles';
import { createImportsRepository } from './modules/imports/repository';
import { createImportsService } from './modules/imports/service';
import { createOpenDataRepository } from './modules/open-data/repository';
import { createOpenDataService } from './modules/open-data/service';

export interface Seams {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  mailer: Mailer;
  config: Config;
  /** Uploaded files; local disk under STORAGE_DIR unless given. */
  storage?: FileStorage;
}

/** Wires repositories into services. Used by the API and by the worker, so both share one logic. */
export function createServices(s: Seams) {
  const repos = {
    accounts: createAccountsRepository(),
    organisations: createOrganisationsRepository(),
    notifications: createNotificationsRepository(),
    challenges: createChallengesRepository(),
    bids: createBidsRepository(),
    reviews: createReviewsRepository(),
    awards: createAwardsRepository(),
    contracts: createContractsRepository(),
    matching: createMatchingRepository(),
  };
  const notifications = createNotificationsService({
    ...repos,
    db: s.db,
    clock: s.clock,
    mailer: s.mailer,
    publicUrl: s.config.publicUrl,
    challengeTitle: async (ex, id) => (await repos.challenges.findById(ex, id))?.title,
  });
  const challenges = createChallengesService({ db: s.db, clock: s.clock, challenges: repos.challenges });
  const reviews = createReviewsService({
    db: s.db,
    clock: s.clock,
    reviews: repos.reviews,
    bids: repos.bids,
    challenges: repos.challenges,
    accounts: repos.accounts,
    finalAward: async (ex, challengeId) => (await repos.awards.forChallenge(ex, challengeId)).find((a) => a.status === 'final'),
  });
  const contracts = createContractsService({
    db: s.db,
    clock: s.clock,
    contracts: repos.contracts,
    bids: repos.bids,
    challenges: repos.challenges,
    organisations: repos.organisations,
    config: s.config,
    introductionOf: repos.matching.introductionOf,
  });
  const storage = s.storage ?? diskStorage(s.config.STORAGE_DIR);
  const teamProfiles = createTeamProfiles({ db: s.db, clock: s.clock, matching: repos.matching });
  const matching = createMatchingService({ db: s.db, clock: s.clock, matching: repos.matching, challenges: repos.challenges });
  const analytics = createAnalyticsService({ db: s.db, clock: s.clock, analytics: createAnalyticsRepository(), queues: createWorkQueuesRepository(), config: s.config });
  const bids = createBidsService({ db: s.db, clock: s.clock, bids: repos.bids, challenges: repos.challenges, isAssignedExpert: repos.reviews.isAssigned });
  return {
    accounts: createAccountsService({ ...repos, db: s.db, clock: s.clock, hasher: s.hasher, config: s.config }),
    organisations: createOrganisationsService({ ...repos, db: s.db, clock: s.clock, notifications, config: s.config, onTeamVerified: (tx, id) => matching.teamVerified(tx, id) }),
    notifications,
    challenges,
    attachments: createAttachmentsService({
      db: s.db,
      clock: s.clock,
      storage,
      attachments: createAttachmentsRepository(),
      access: challenges.access,
      bidFiles: bids.files,
      milestoneFiles: contracts.milestones.files,
    }),
    batches: createBatchesService({ db: s.db, clock: s.clock, challenges: repos.challenges }),
    bids,
    reviews,
    awards: createAwardsService({ db: s.db, clock: s.clock, awards: repos.awards, challenges: repos.challenges, ranking: reviews.ranking, config: s.config, onFinal: contracts.draftForAward }),
    contracts,
    matching,
    analytics,
    reports: createReportsService({ clock: s.clock, analytics, reports: createReportsRepository(), storage, issuer: s.config.BUREAU_NAME }),
    teamProfiles,
    openData: createOpenDataService({ db: s.db, clock: s.clock, openData: createOpenDataRepository(), publicUrl: s.config.publicUrl, publisherName: s.config.BUREAU_NAME }),
    audit: createAuditService({ db: s.db, audit: createAuditRepository() }),
    imports: createImportsService({ db: s.db, clock: s.clock, storage, imports: createImportsRepository(), profiles: teamProfiles, openChallenges: repos.matching.openChallenges }),
  };
}
export type Services = ReturnType<typeof createServices>;
