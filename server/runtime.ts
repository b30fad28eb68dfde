import { createQueueBackend, type QueueBackend } from '../jobs/queue-backend';
import type { Config } from './config';
import { systemClock, type Clock } from './infra/clock';
import { createDatabase, type Database } from './infra/database';
import { createMailer, type Mailer } from './infra/mailer';
import { argon2Hasher } from './infra/password-hasher';
import type { Probes } from './modules/health/routes';
import { createServices, type Services } from './services';

export interface Runtime {
  config: Config;
  clock: Clock;
  database: Database;
  backend: QueueBackend;
  mailer: Mailer;
  services: Services;
  probes: Probes;
  close(): Promise<void>;
}

/**
 * The services shared by the API and the worker process, built from config and a database
 * URL. Both entry points call this, so they run the same code against the same seams.
 */
export async function createRuntime(config: Config, databaseUrl: string, queue: { schema?: string; prefix?: string } = {}): Promise<Runtime> {
  const database = createDatabase(databaseUrl, config.DATABASE_POOL_MAX);
  const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl, lockMs: config.JOB_LOCK_SECONDS * 1000, ...queue });
  await backend.prepare();
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM);
  const services = createServices({ db: database.db, clock: systemClock, hasher: argon2Hasher, mailer, config });
  return {
    config,
    clock: systemClock,
    database,
    backend,
    mailer,
    services,
    probes: { database: database.ping, queue: backend.ping },
    async close() {
      await backend.close();
      mailer.close();
      await database.close();
    },
  };
}
