import type { Config } from './config';
import type { Clock } from './infra/clock';
import type { Db } from './infra/database';
import type { Mailer } from './infra/mailer';
import type { PasswordHasher } from './infra/password-hasher';
import { createAccountsRepository } from './modules/accounts/repository';
import { createAccountsService } from './modules/accounts/service';
import { createNotificationsRepository } from './modules/notifications/repository';
import { createNotificationsService } from './modules/notifications/service';
import { createOrganisationsRepository } from './modules/organisations/repository';
import { createOrganisationsService } from './modules/organisations/service';

export interface Seams {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  mailer: Mailer;
  config: Config;
}

/** Wires repositories into services. Used by the API and by the worker, so both share one logic. */
export function createServices(s: Seams) {
  const repos = {
    accounts: createAccountsRepository(),
    organisations: createOrganisationsRepository(),
    notifications: createNotificationsRepository(),
  };
  const notifications = createNotificationsService({ ...repos, db: s.db, clock: s.clock, mailer: s.mailer, publicUrl: s.config.publicUrl });
  return {
    accounts: createAccountsService({ ...repos, db: s.db, clock: s.clock, hasher: s.hasher, config: s.config }),
    organisations: createOrganisationsService({ ...repos, db: s.db, clock: s.clock, notifications, config: s.config }),
    notifications,
  };
}
export type Services = ReturnType<typeof createServices>;
