import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import pg from 'pg';

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A port nobody is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Runs a TypeScript entry point (through tsx, as `npm run start:api` does) in its own process
 * on a free port (`nodeArgs` go to node, e.g. --cpu-prof), and waits until GET /healthz answers. Its output is kept and shown if it
 * exits early; stop() sends SIGTERM (the API closes gracefully) and waits for the exit.
 */
export async function startServer(entry: string, env: Record<string, string | undefined>, label: string, nodeArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 200))]);
    if (early !== 'running') throw new Error(`${label} exited (${early}) before it was ready:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`${label} did not answer /healthz within 60 s:\n${output}`);
    }
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Waits until no other session runs a statement in the database (the API's and the baseline's
 * pools idle), polling every 100 ms for at most `maxMs`; returns how long it waited.
 */
export async function waitForIdleDatabase(databaseUrl: string, maxMs = 120_000): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const t0 = Date.now();
  try {
    for (;;) {
      const r = await c.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' and state <> 'idle'`);
      if (r.rows[0]!.n === 0 || Date.now() - t0 > maxMs) return Date.now() - t0;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await c.end();
  }
}
