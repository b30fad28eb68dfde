import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createQueueBackend } from '../../jobs/queue-backend';

describe('the PostgreSQL queue backend', () => {
  it('gives every client of BullMQ’s internal pool an error listener (the upstream gap we patch)', async () => {
    const backend = createQueueBackend({ databaseUrl: inject('databaseUrl'), schema: `bullmq_${randomBytes(4).toString('hex')}` });
    try {
      await backend.prepare();
      const q = backend.queue('guarded');
      await q.getJobCounts();
      const pool = (q as unknown as { backend: { connection: { pool: pg.Pool } } }).backend.connection.pool;
      const client = await pool.connect();
      try {
        // Without our listener, pg's client has none of its own: this count would be 0.
        expect(client.listenerCount('error')).toBeGreaterThan(0);
      } finally {
        client.release();
      }
    } finally {
      await backend.close();
    }
  });
});
