import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { appendAudit, auditHash, type AuditEntry } from '../../server/infra/audit';
import { createDatabase, type Database } from '../../server/infra/database';
import { createAuditRepository } from '../../server/modules/audit/repository';
import { verifyAuditChain } from '../../server/modules/audit/verify';
import { createIsolatedDatabase } from '../helpers/isolated-database';

/**
 * The verifier against a database of its own: these tests edit and delete audit rows behind
 * the append-only trigger, which must never happen to the run's shared database.
 */
let iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let d: Database;
const repo = createAuditRepository();
let ids: number[] = [];

/** Values whose JSON round trip through jsonb is easy to get wrong. */
const entries: AuditEntry[] = [
  { at: new Date('2026-03-01T08:00:00.123Z'), actorId: null, action: 'challenge.created', entityType: 'challenge', entityId: 'c1', before: null, after: { title: '高性能储能材料', bountyYuan: 1_500_000, ratio: 0.1 + 0.2, big: 1e21, tiny: 5e-324, negativeZero: -0, flags: [true, false, null] } },
  { at: new Date('2026-03-01T08:01:00Z'), actorId: randomUUID(), action: 'challenge.submit', entityType: 'challenge', entityId: 'c1', before: { status: 'draft' }, after: { status: 'submitted' }, reqId: 'req-1' },
  // A JSON string that looks like a number: Drizzle's jsonb column would hand back 42.
  { at: new Date('2026-03-01T08:02:00Z'), actorId: null, action: 'test.scalar', entityType: 'thing', entityId: 't1', before: 7, after: '42' },
  { at: new Date('2026-03-01T08:03:00Z'), actorId: null, action: 'test.text', entityType: 'thing', entityId: 't2', before: 'quotes " and \\ and\nnewline, 😀 and 名称', after: [{ x: null }, 'true', '{}'] },
  { at: new Date('2026-03-01T08:04:00Z'), actorId: null, action: 'test.dropped', entityType: 'thing', entityId: 't3', before: { gone: undefined, kept: 1 }, after: { when: new Date('2026-03-01T08:04:00Z') } },
  ...Array.from({ length: 7 }, (_, i): AuditEntry => ({ at: new Date(Date.UTC(2026, 2, 2, 0, i)), actorId: null, action: 'bid.draft_saved', entityType: 'bid', entityId: `b${i}`, after: { sha256: 'ab'.repeat(32), n: i } })),
];

async function verify(batchSize = 4) {
  return verifyAuditChain((afterId, limit) => repo.chainAfter(d.db, afterId, limit), { batchSize });
}

/** Runs SQL as the superuser with triggers off for this session only: a forger with database access. */
async function tamper(sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: iso.url });
  await c.connect();
  try {
    await c.query('set session_replication_role = replica');
    await c.query(sql, params);
  } finally {
    await c.end();
  }
}

function runCli(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['db/audit-verify-cli.ts'], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  iso = await createIsolatedDatabase();
  d = createDatabase(iso.url, 4);
  for (const e of entries) await d.db.transaction((tx) => appendAudit(tx, e));
  ids = (await d.db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.id);
});
afterAll(async () => {
  await d?.close();
  await iso?.drop();
});

describe('the audit chain verifier', () => {
  it('passes an intact chain, reading it in batches of the given size', async () => {
    const reads: number[] = [];
    const progress: number[] = [];
    const result = await verifyAuditChain(
      async (afterId, limit) => {
        const rows = await repo.chainAfter(d.db, afterId, limit);
        reads.push(rows.length);
        return rows;
      },
      { batchSize: 5, progressEvery: 4, onProgress: (n) => progress.push(n) },
    );
    const [head] = await d.db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(asc(auditLog.id)).offset(entries.length - 1);
    expect(result).toEqual({ ok: true, checked: entries.length, firstBroken: null, lastGood: head });
    expect(reads).toEqual([5, 5, 2]);
    expect(progress).toEqual([4, 8, 12]);
  });

  it('gives back the stored JSON exactly as it was hashed', async () => {
    const [scalar] = await repo.chainAfter(d.db, ids[1]!, 1);
    expect(scalar).toMatchObject({ before: 7, after: '42' });
  });

  it('answers 0 from the command when the chain is intact', async () => {
    const run = await runCli({ DATABASE_URL: iso.url });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`audit chain intact: ${entries.length} entries checked in [\\d.]+ s; head #${ids.at(-1)} [0-9a-f]{64}`));
  });

  it('reports a row edited directly in the database as the first broken link, a hash mismatch', async () => {
    const id = ids[5]!;
    const { rows } = await d.pool.query<{ after: string }>('select after::text as after from audit_log where id = $1', [id]);
    await tamper(`update audit_log set after = '{"sha256": "forged"}' where id = $1`, [id]);
    try {
      const result = await verify();
      expect(result).toEqual({
        ok: false,
        checked: 6,
        firstBroken: { id, at: entries[5]!.at.toISOString(), action: entries[5]!.action, entityType: 'bid', entityId: 'b0', reason: 'hash mismatch' },
        lastGood: { id: ids[4], hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });

      const run = await runCli({ DATABASE_URL: iso.url });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toContain(`audit chain BROKEN at entry #${id} (${entries[5]!.at.toISOString()}, bid.draft_saved on bid b0): hash mismatch; 5 entries before it are intact`);

      // The forger's session setting did not switch the trigger off for anyone else.
      await expect(d.pool.query('update audit_log set action = $1 where id = $2', ['forged', id])).rejects.toThrow(/append-only/);
    } finally {
      await tamper('update audit_log set after = $1::jsonb where id = $2', [rows[0]!.after, id]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('reports the next row when an edited row was given a freshly computed hash', async () => {
    const [row] = await repo.chainAfter(d.db, ids[2]!, 1);
    const forged = { ...row!, after: '43' };
    await tamper('update audit_log set after = $1::jsonb, hash = $2 where id = $3', [JSON.stringify(forged.after), auditHash(row!.prevHash, forged), row!.id]);
    try {
      const result = await verify();
      expect(result.firstBroken).toMatchObject({ id: ids[4], reason: 'prev_hash mismatch' });
      expect(result.checked).toBe(5);
    } finally {
      await tamper('update audit_log set after = $1::jsonb, hash = $2 where id = $3', [JSON.stringify(row!.after), row!.hash, row!.id]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('reports a row deleted from the middle as a prev_hash mismatch at the row after it', async () => {
    await tamper('delete from audit_log where id = $1', [ids[7]!]);
    const result = await verify(3);
    expect(result).toMatchObject({ ok: false, checked: 8, firstBroken: { id: ids[8], action: 'bid.draft_saved', entityType: 'bid', entityId: 'b3', reason: 'prev_hash mismatch' } });

    const run = await runCli({ DATABASE_URL: iso.url });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toContain(`audit chain BROKEN at entry #${ids[8]} `);
    expect(run.stdout).toContain('prev_hash mismatch');
  });

  it('tells the user to set DATABASE_URL when it is not set, exit code 1', async () => {
    const run = await runCli({ DATABASE_URL: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('DATABASE_URL is not set');
  });
});
