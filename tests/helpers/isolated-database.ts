import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateDatabase } from '../../db/migrate';

/**
 * A database of its own, migrated, for tests that run the outbox relay: the relay takes every
 * pending row, so sharing the run's database would let it take other files' jobs.
 */
export async function createIsolatedDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = new URL(inject('databaseUrl'));
  const name = `jiebang_iso_${randomBytes(5).toString('hex')}`;
  const admin = new URL(server);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
