/**
 * The worker process (production): BullMQ workers plus the outbox relay, sharing the API's
 * services. Needs DATABASE_URL; REDIS_URL selects Redis, otherwise the PostgreSQL backend.
 */
import { migrateDatabase } from '../db/migrate';
import { loadConfig } from '../server/config';
import { createRuntime } from '../server/runtime';
import { onShutdown } from '../server/shutdown';
import { startJobs } from './runtime';

const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error('DATABASE_URL is required for the worker process (use `npm start` for the all-in-one embedded mode).');
  process.exit(1);
}
await migrateDatabase(config.DATABASE_URL);
const rt = await createRuntime(config, config.DATABASE_URL);
const log = {
  warn: (o: object, m: string) => console.warn(JSON.stringify({ level: 'warn', msg: m, ...o })),
  error: (o: object, m: string) => console.error(JSON.stringify({ level: 'error', msg: m, ...o })),
};
const jobs = startJobs(rt, log);
console.log(JSON.stringify({ level: 'info', msg: `worker started on the ${rt.backend.kind} queue backend` }));
onShutdown(async () => {
  await jobs.stop();
  await rt.close();
});
