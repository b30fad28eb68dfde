import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../../db/schema';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Repositories take either the pool-backed db or a transaction, so services decide the boundary. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Session settings for every connection. JIT off: PostgreSQL compiles a plan whose estimated
 * cost passes `jit_above_cost`, which the dashboard's counts over whole tables did at 100,000
 * challenges, and compiling took 0.8 s of a 0.3 s statement. Nothing the app runs is long
 * enough to win that back (tests/bench/RESULTS.md, issue 9).
 */
export const sessionOptions = '-c jit=off';

/**
 * The pool's connection settings: `sessionOptions` as the startup `options`, after any the URL
 * carries. pg lets the URL's own `options` replace a separate one, so then they go into the URL.
 */
export function connectionSettings(url: string): { connectionString: string; options?: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { connectionString: url, options: sessionOptions };
  }
  const own = u.searchParams.get('options');
  if (own == null) return { connectionString: url, options: sessionOptions };
  u.searchParams.set('options', `${own} ${sessionOptions}`);
  return { connectionString: u.toString() };
}

const closeTimeoutMs = 5000;

export function createDatabase(url: string, max = 10): Database {
  // query_timeout: a statement whose connection died without the socket telling (seen when
  // PostgreSQL was stopped under load: a transaction's BEGIN never answered) fails after a minute
  // instead of holding its pool slot for ever; keepAlive lets the OS notice a dead peer.
  const pool = new pg.Pool({ ...connectionSettings(url), max, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000, query_timeout: 60_000, keepAlive: true });
  // A dropped connection (PostgreSQL restarting) must not crash the process. The pool only
  // listens on idle clients; a checked-out client (mid-transaction, awaiting other I/O) that
  // loses its socket emits 'error' with no listener, which Node turns into a crash. The
  // in-flight query still rejects, and the pool discards the broken client on release.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    async ping() {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    // Waits for connections in use to be returned, at most `closeTimeoutMs`: a shutdown must not
    // wait on a statement stuck on a dead connection (it is failed by query_timeout in time).
    close: () => Promise.race([pool.end(), new Promise<void>((r) => setTimeout(r, closeTimeoutMs).unref())]),
  };
}

/** The SQLSTATE of a PostgreSQL error, whether thrown by pg directly or wrapped by Drizzle. */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e.code === 'string' ? e.code : e.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint a unique violation (23505) hit, if that is what it was. */
export function uniqueViolation(err: unknown): string | null {
  if (pgErrorCode(err) !== '23505') return null;
  const e = err as { constraint?: string; cause?: { constraint?: string } };
  return e.constraint ?? e.cause?.constraint ?? '';
}
