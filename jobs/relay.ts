import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { outbox } from '../db/schema';
import type { Clock } from '../server/infra/clock';
import type { Db } from '../server/infra/database';
import type { QueueBackend } from './queue-backend';

export interface RelayLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const addTimeoutMs = 5000;

/** Job options for every delivered job: retried with backoff, so a passing fault is not a loss. */
const jobOptions = { attempts: 10, backoff: { type: 'exponential', delay: 2000 } };

/**
 * Moves outbox rows to BullMQ. Several relays may run (API replicas, worker processes):
 * SKIP LOCKED hands each row to one of them. A row is marked delivered only after BullMQ
 * accepted it; if the relay dies in between, the next one adds it again under the same job
 * id, which BullMQ ignores while the first copy exists.
 */
export function createRelay(d: { db: Db; backend: QueueBackend; clock: Clock; log: RelayLogger; pollMs: number; batch?: number }) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function relayOnce(): Promise<{ delivered: number; failed: number }> {
    return d.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outbox)
        .where(isNull(outbox.deliveredAt))
        .orderBy(asc(outbox.id))
        .limit(d.batch ?? 100)
        .for('update', { skipLocked: true });
      let delivered = 0;
      for (const row of rows) {
        const now = d.clock.now();
        try {
          const delay = Math.max(0, row.runAt.getTime() - now.getTime());
          await Promise.race([
            d.backend.add(row.queue, row.name, row.payload, { ...jobOptions, jobId: row.jobId, delay }),
            new Promise((_, reject) => setTimeout(() => reject(new Error('queue backend did not answer')), addTimeoutMs).unref()),
          ]);
          await tx.update(outbox).set({ deliveredAt: now, attempts: sql`${outbox.attempts} + 1`, lastError: null }).where(eq(outbox.id, row.id));
          delivered++;
        } catch (err) {
          await tx
            .update(outbox)
            .set({ attempts: sql`${outbox.attempts} + 1`, lastError: String((err as Error).message).slice(0, 500) })
            .where(and(eq(outbox.id, row.id), isNull(outbox.deliveredAt)));
          d.log.warn({ jobId: row.jobId, queue: row.queue, err: (err as Error).message }, 'outbox relay: queue backend refused; will retry');
          // The backend is most likely down: stop this batch and let the next poll try again.
          return { delivered, failed: 1 };
        }
      }
      return { delivered, failed: 0 };
    });
  }

  function schedule(ms: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = relayOnce()
        .then((r) => schedule(r.delivered === (d.batch ?? 100) ? 0 : d.pollMs))
        .catch((err) => {
          d.log.error({ err: (err as Error).message }, 'outbox relay: database error; will retry');
          schedule(d.pollMs * 5);
        });
    }, ms);
  }

  return {
    relayOnce,
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => {});
    },
    async pending(): Promise<number> {
      const [row] = await d.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(isNull(outbox.deliveredAt));
      return row?.n ?? 0;
    },
  };
}
export type Relay = ReturnType<typeof createRelay>;
