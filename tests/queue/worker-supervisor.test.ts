import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it, vi } from 'vitest';
import { createQueueBackend } from '../../jobs/queue-backend';
import { isConnectionTrouble, superviseWorker } from '../../jobs/worker-supervisor';

/**
 * The spin itself (bullmq retrying a PostgreSQL connection reset without yielding) shows up
 * in tests/queue/outbox-delivery.test.ts on the embedded server when unsupervised; here the
 * supervisor's contract is checked on a real worker, deterministically.
 */
describe('worker supervision', () => {
  it('classifies connection losses, and only those', () => {
    for (const message of ['read ECONNRESET', 'Connection terminated unexpectedly', 'terminating connection due to administrator command', 'connect ECONNREFUSED 127.0.0.1:5432']) {
      expect(isConnectionTrouble(new Error(message)), message).toBe(true);
    }
    expect(isConnectionTrouble(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isConnectionTrouble(new Error('invalid input syntax for type uuid'))).toBe(false);
  });

  it('pauses a worker on a connection loss, resumes it after the backoff, and leaves other errors alone', async () => {
    const backend = createQueueBackend({ databaseUrl: inject('databaseUrl'), schema: `bullmq_${randomBytes(4).toString('hex')}` });
    try {
      await backend.prepare();
      const processed: string[] = [];
      const worker = backend.worker('supervised', async (job) => {
        processed.push(job.id!);
      });
      const logged: string[] = [];
      superviseWorker(worker, 'supervised', { warn: (_o, m) => logged.push(m), error: (_o, m) => logged.push(m) }, { initialMs: 300, maxMs: 1000 });
      await worker.waitUntilReady();

      worker.emit('error', new Error('invalid input syntax for type uuid'));
      expect(worker.isPaused()).toBe(false);

      worker.emit('error', new Error('read ECONNRESET'));
      expect(worker.isPaused()).toBe(true);
      worker.emit('error', new Error('read ECONNRESET')); // while backing off: no second pause
      expect(logged.filter((m) => m.includes('pausing'))).toHaveLength(1);

      await vi.waitFor(() => expect(worker.isPaused()).toBe(false), { timeout: 5000, interval: 50 });
      await backend.add('supervised', 'x', {}, { jobId: 'after' });
      await vi.waitFor(() => expect(processed).toEqual(['after']), { timeout: 20_000, interval: 100 });
    } finally {
      await backend.close();
    }
  });
});
