import type { Worker } from 'bullmq';
import type { RelayLogger } from './relay';

/**
 * bullmq 6.7 backs off only on errors it recognises as connection errors, and it recognises
 * only ECONNREFUSED (a Redis-era rule). On the PostgreSQL backend, a connection reset, a
 * terminated connection or a server restart ("terminating connection due to administrator
 * command") makes the worker's fetch loop retry at once, forever, without yielding: one CPU
 * at 100 % and an event loop that never runs a timer again. So: on a connection-type error,
 * pause the worker and resume it after a backoff that doubles up to 10 s, until it works. (Up
 * to 30 s, a worker could sit idle that long after its database came back.)
 */
const connectionCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '08000', '08003', '08006']);
const connectionMessages = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|Connection terminated|terminating connection|connection error|Connection is closed|database system is (starting up|shutting down)|timeout exceeded when trying to connect/i;

export function isConnectionTrouble(err: Error & { code?: string }): boolean {
  return (err.code !== undefined && connectionCodes.has(err.code)) || connectionMessages.test(err.message);
}

export function superviseWorker(worker: Worker, queue: string, log: RelayLogger, opts: { initialMs?: number; maxMs?: number } = {}): void {
  const initial = opts.initialMs ?? 500;
  const max = opts.maxMs ?? 10_000;
  let backoff = initial;
  let timer: NodeJS.Timeout | null = null;

  worker.on('error', (err) => {
    if (!isConnectionTrouble(err)) {
      log.error({ queue, err: err.message }, 'worker error');
      return;
    }
    if (timer) return; // already backing off; the loop has stopped
    log.warn({ queue, err: err.message, retryInMs: backoff }, 'worker lost its queue connection; pausing');
    void worker.pause(true);
    timer = setTimeout(() => {
      timer = null;
      void worker.resume();
    }, backoff);
    timer.unref();
    backoff = Math.min(backoff * 2, max);
  });
  // Any sign of health resets the backoff.
  worker.on('completed', () => (backoff = initial));
  worker.on('drained', () => (backoff = initial));
  worker.on('closing', () => {
    if (timer) clearTimeout(timer);
    timer = null;
  });
}
