import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { appendAudit, auditHash, genesisHash } from '../../server/infra/audit';
import { createDatabase, type Database } from '../../server/infra/database';
import { createIsolatedDatabase } from '../helpers/isolated-database';

let iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let d: Database;
beforeAll(async () => {
  iso = await createIsolatedDatabase();
  d = createDatabase(iso.url, 10);
});
afterAll(async () => {
  await d?.close();
  await iso?.drop();
});

const entry = (i: number) => ({ at: new Date(), actorId: null, action: 'test.event', entityType: 'thing', entityId: `t${i}`, before: { n: i }, after: { n: i + 1, 名称: '测试' } });

describe('audit log', () => {
  it('chains each entry to the one before, even under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => d.db.transaction((tx) => appendAudit(tx, entry(i)))));
    const rows = await d.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(rows).toHaveLength(20);
    let prev = genesisHash;
    for (const r of rows) {
      expect(r.prevHash).toBe(prev);
      expect(r.hash).toBe(auditHash(prev, { at: r.at, actorId: r.actorId, action: r.action, entityType: r.entityType, entityId: r.entityId, before: r.before, after: r.after, reqId: r.reqId }));
      prev = r.hash;
    }
  });

  it('rejects updates, deletes and truncation', async () => {
    await d.db.transaction((tx) => appendAudit(tx, entry(99)));
    const refusal = (e: unknown) => /append-only/.test(String((e as { cause?: Error }).cause?.message ?? (e as Error).message));
    await expect(d.db.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.entityId, 't99'))).rejects.toSatisfy(refusal);
    await expect(d.db.delete(auditLog).where(eq(auditLog.entityId, 't99'))).rejects.toSatisfy(refusal);
    await expect(d.pool.query('truncate audit_log')).rejects.toSatisfy(refusal);
    expect(await d.db.select().from(auditLog).where(eq(auditLog.entityId, 't99'))).toHaveLength(1);
  });
});
