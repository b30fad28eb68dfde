import { loadConfig } from '../server/config';
import { migrateDatabase } from './migrate';

const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error('DATABASE_URL is not set; the embedded database is migrated by npm start.');
  process.exit(1);
}
await migrateDatabase(config.DATABASE_URL);
console.log('migrations applied');
