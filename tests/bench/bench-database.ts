import pg from 'pg';
import { migrateDatabase } from '../../db/migrate';
import { startEmbeddedPostgres } from '../../db/embedded';

/**
 * A fresh, migrated database for a benchmark: on the server of DATABASE_URL when set, else on
 * an embedded PostgreSQL under .data/bench-postgres (like `npm start`). Dropped and re-created
 * on every run so figures are comparable.
 */
export async function benchDatabase(name: string): Promise<{ url: string; close(): Promise<void> }> {
  let base = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | null = null;
  if (!base) {
    const embedded = await startEmbeddedPostgres({ dir: '.data/bench-postgres', port: Number(process.env.BENCH_PG_PORT ?? 5439), database: 'postgres' });
    base = embedded.url;
    stop = embedded.stop;
  }
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return { url: url.toString(), close: async () => void (await stop?.()) };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
