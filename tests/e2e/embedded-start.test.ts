import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { demoLogins, demoPassword } from '../../db/seed/data/accounts';
import { freePort } from '../helpers/free-port';

/**
 * `npm start` as a newcomer runs it: no DATABASE_URL, no REDIS_URL. Embedded PostgreSQL,
 * migrations, demo seed, API + web + worker in one process; stop and start keeps the data.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'jiebang-embedded-'));
// Under root the embedded server runs as the OS user postgres, which must be able to enter it.
chmodSync(dataDir, 0o755);
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port: number, pgPort: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_PG_DIR: join(dataDir, 'pg'), LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '200' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start-all.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (b) => (out += String(b)));
  child.stderr!.on('data', (b) => (out += String(b)));
  await vi.waitFor(() => {
    if (child.exitCode !== null) throw new Error(`exited early:\n${out}`);
    expect(out).toContain('is running at');
  }, { timeout: 90_000, interval: 250 });
  return { child, output: () => out };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

async function logInAsOfficial(base: string) {
  const official = demoLogins.find((l) => l.role === 'official')!;
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: official.email, password: demoPassword }) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const notificationsOf = async (base: string, cookie: string) => (await (await fetch(`${base}/api/notifications`, { headers: { cookie } })).json()) as { unread: number; items: { kind: string }[] };
const unreadOf = async (base: string, cookie: string) => (await notificationsOf(base, cookie)).unread;

describe('npm start (embedded mode)', () => {
  it('serves the app with demo data, runs jobs on PostgreSQL, and keeps data across a restart', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const base = `http://localhost:${port}`;

    const first = await start(port, pgPort);
    expect(first.output()).toContain('Demo data was seeded');
    expect(first.output()).toContain('BullMQ on PostgreSQL');
    for (const l of demoLogins) expect(first.output()).toContain(l.email);

    const page = await fetch(`${base}/officials/verification`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    expect(((await (await fetch(`${base}/readyz`)).json()) as { status: string }).status).toBe('ready');

    const cookie = await logInAsOfficial(base);
    // The seed leaves organisations pending; the worker in this process notifies officials of
    // each (and of the review and award steps the seed went through).
    const pending = (await (await fetch(`${base}/api/organisations?verification=pending`, { headers: { cookie } })).json()) as { total: number };
    expect(pending.total).toBeGreaterThanOrEqual(3);
    let unread = 0;
    await vi.waitFor(async () => {
      const list = await notificationsOf(base, cookie);
      expect(list.items.filter((n) => n.kind === 'organisation_registered')).toHaveLength(pending.total);
      expect(list.items.map((n) => n.kind)).toEqual(expect.arrayContaining(['award_proposed', 'objection_lodged']));
      unread = list.unread;
    }, { timeout: 30_000, interval: 300 });

    expect(await stop(first.child), first.output().slice(-3000)).toBe(0);

    const second = await start(port, pgPort);
    expect(second.output()).toContain('Existing data kept');
    const again = await logInAsOfficial(base);
    expect(await unreadOf(base, again)).toBe(unread);
    expect(await stop(second.child), second.output().slice(-3000)).toBe(0);
  }, 180_000);
});
