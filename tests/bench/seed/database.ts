import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../../db/embedded';
import { migrateDatabase, migrationsFolder } from '../../../db/migrate';

/** Bump when the seed writes different data, so an older seeded database is not reused. */
export const seedVersion = 1;

/** A seeded database is reused for this long; after it, deadlines the seed put in the future have passed. */
const reuseForMs = 3 * 86_400_000;

export interface SeedStamp {
  version: number;
  scale: number;
  migration: string;
  seededAt: string;
  seconds: number;
}

export interface BenchServer {
  /** A URL of the server's `postgres` database. */
  adminUrl: string;
  urlOf(database: string): string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL the benchmarks use: the server of DATABASE_URL when set, else the embedded
 * one under .data/bench-postgres (as tests/bench/bench-database.ts does).
 */
export async function benchServer(): Promise<BenchServer> {
  let base = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!base) {
    const embedded = await startEmbeddedPostgres({ dir: '.data/bench-postgres', port: Number(process.env.BENCH_PG_PORT ?? 5439), database: 'postgres' });
    base = embedded.url;
    stop = embedded.stop;
  }
  const urlOf = (database: string) => {
    const u = new URL(base);
    u.pathname = `/${database}`;
    return u.toString();
  };
  return { adminUrl: urlOf('postgres'), urlOf, stop };
}

export const databaseName = (scale: number) => `jiebang_bench_s${scale}`;

function latestMigration(): string {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.at(-1)?.tag ?? '';
}

async function withAdmin<T>(server: BenchServer, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: server.adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The stamp of a seeded database at this scale, if one exists, is complete and is recent enough to reuse. */
export async function reusableSeed(server: BenchServer, scale: number, now = new Date()): Promise<SeedStamp | null> {
  const comment = await withAdmin(server, async (c) => {
    const r = await c.query<{ comment: string | null }>('select shobj_description(oid, $2) as comment from pg_database where datname = $1', [databaseName(scale), 'pg_database']);
    return r.rows[0]?.comment ?? null;
  });
  if (!comment) return null;
  try {
    const stamp = JSON.parse(comment) as SeedStamp;
    const fresh = now.getTime() - Date.parse(stamp.seededAt) < reuseForMs;
    return stamp.version === seedVersion && stamp.scale === scale && stamp.migration === latestMigration() && fresh ? stamp : null;
  } catch {
    return null;
  }
}

/** Drops and re-creates the scale's database and migrates it; returns its URL. */
export async function freshDatabase(server: BenchServer, scale: number): Promise<string> {
  const name = databaseName(scale);
  await withAdmin(server, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  const url = server.urlOf(name);
  await migrateDatabase(url);
  return url;
}

/** Marks the database complete: written last, so an interrupted seed is never reused. */
export async function stampSeed(server: BenchServer, scale: number, seededAt: Date, seconds: number): Promise<void> {
  const stamp: SeedStamp = { version: seedVersion, scale, migration: latestMigration(), seededAt: seededAt.toISOString(), seconds };
  await withAdmin(server, (c) => c.query(`comment on database ${databaseName(scale)} is ${c.escapeLiteral(JSON.stringify(stamp))}`));
}
