/**
 * `npm start`: the whole product in one process for a laptop or a demo. Without DATABASE_URL
 * it starts an embedded PostgreSQL (data kept in .data/); without REDIS_URL BullMQ runs on
 * PostgreSQL. It migrates, seeds the demo city on first start, and serves the API, the built
 * web app, the workers and the outbox relay.
 */
import { migrateDatabase } from '../db/migrate';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded';
import { seedDemoIfEmpty } from '../db/seed/demo';
import { diskStorage } from './infra/storage';
import { demoLogins, demoPassword } from '../db/seed/data/accounts';
import { startJobs } from '../jobs/runtime';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createRuntime } from './runtime';
import { onShutdown } from './shutdown';

const config = loadConfig();
let embedded: EmbeddedDatabase | null = null;
let databaseUrl = config.DATABASE_URL;
if (!databaseUrl) {
  console.log(`Starting embedded PostgreSQL (data in ${config.EMBEDDED_PG_DIR}) …`);
  embedded = await startEmbeddedPostgres({ dir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, database: 'jiebang' });
  databaseUrl = embedded.url;
}
await migrateDatabase(databaseUrl);
const rt = await createRuntime(config, databaseUrl);
const seeded = config.SEED_DEMO ? await seedDemoIfEmpty(rt.database.db, rt.clock, diskStorage(config.STORAGE_DIR)) : false;
const app = await buildApp({ config, services: rt.services, probes: rt.probes });
await app.listen({ host: config.HOST, port: config.PORT });
const jobs = startJobs(rt, app.log);

const url = `http://localhost:${config.PORT}`;
console.log(`
  揭榜挂帅 Jiebang is running at ${url}
  API docs: ${url}/docs
  Database: ${embedded ? `embedded PostgreSQL (${config.EMBEDDED_PG_DIR})` : 'DATABASE_URL'}; queue: BullMQ on ${rt.backend.kind === 'redis' ? 'Redis' : 'PostgreSQL'}
  ${seeded ? 'Demo data was seeded.' : 'Existing data kept.'}

  Demo log-ins (password ${demoPassword}):
${demoLogins.map((l) => `    ${l.email.padEnd(40)} ${l.label}: ${l.name} · ${l.organisation}`).join('\n')}
`);

onShutdown(async () => {
  await app.close();
  await jobs.stop();
  await rt.close();
  if (embedded) await embedded.stop();
});
