import type { Clock } from '../../infra/clock';

/**
 * The dashboard's figures per period, served for `ttlMs` after they were read: at 100,000
 * challenges a period's figures are several hundred milliseconds of SQL (issue 9), and every
 * official who opens the dashboard within that time gets the same numbers. What it promises:
 *
 * - Figures are never older than `ttlMs` by the clock, and carry the instant they were read
 *   (the dashboard's `asOf`), so the page says how fresh they are.
 * - `invalidate()` drops everything at once, and a read under way when it is called is neither
 *   kept nor joined by later requests: after it returns, every request reads afresh. The
 *   service calls it after a change it makes itself (a target); writes elsewhere (contracts
 *   signed in another process, the worker's jobs) show within `ttlMs`.
 * - Requests for a period whose read is under way wait for it instead of starting another,
 *   so a burst of officials costs one read.
 * - A failed read is not kept.
 *
 * Memory is bounded by the periods that exist (years 2000–2100, each whole or by quarter).
 */
export interface FiguresCache<T> {
  get(key: string, read: () => Promise<T>): Promise<T>;
  invalidate(): void;
}

export function createFiguresCache<T>(o: { clock: Clock; ttlMs: number }): FiguresCache<T> {
  let generation = 0;
  const entries = new Map<string, { value: T; readAt: number; generation: number }>();
  const flights = new Map<string, { value: Promise<T>; generation: number }>();

  return {
    get(key, read) {
      const now = o.clock.now().getTime();
      const hit = entries.get(key);
      // A clock set back (before the read) counts as stale too.
      if (hit && hit.generation === generation && now >= hit.readAt && now - hit.readAt < o.ttlMs) return Promise.resolve(hit.value);
      const flight = flights.get(key);
      if (flight && flight.generation === generation) return flight.value;
      const started = generation;
      const value = read()
        .then((v) => {
          if (started === generation) entries.set(key, { value: v, readAt: now, generation: started });
          return v;
        })
        .finally(() => {
          if (flights.get(key)?.value === value) flights.delete(key);
        });
      flights.set(key, { value, generation: started });
      return value;
    },
    invalidate() {
      generation += 1;
      entries.clear();
    },
  };
}
