/**
 * The API process (production): HTTP only. Jobs run in the worker process (jobs/main.ts).
 * Needs DATABASE_URL; applies pending migrations before listening.
 */
import { migrateDatabase } from '../db/migrate';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createRuntime } from './runtime';
import { onShutdown } from './shutdown';

const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error('DATABASE_URL is required for the API process (use `npm start` for the all-in-one embedded mode).');
  process.exit(1);
}
await migrateDatabase(config.DATABASE_URL);
const rt = await createRuntime(config, config.DATABASE_URL);
const app = await buildApp({ config, services: rt.services, probes: rt.probes });
await app.listen({ host: config.HOST, port: config.PORT });
onShutdown(async () => {
  await app.close();
  await rt.close();
}, (m) => app.log.info(m));
