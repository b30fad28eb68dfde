import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/infra/clock';
import { createFiguresCache } from '../../server/modules/analytics/figures-cache';

/** A cache on a fixed clock; `read` hands out numbered figures and can be held open. */
function world(ttlMs = 60_000) {
  const clock = fixedClock(new Date('2026-11-21T04:00:00Z'));
  const cache = createFiguresCache<{ n: number }>({ clock, ttlMs });
  let reads = 0;
  const held: { release: () => void; fail: (e: Error) => void }[] = [];
  let hold = false;
  const read = () => {
    const n = ++reads;
    if (!hold) return Promise.resolve({ n });
    return new Promise<{ n: number }>((resolve, reject) => held.push({ release: () => resolve({ n }), fail: reject }));
  };
  return {
    clock,
    cache,
    get: (key = '2026:year') => cache.get(key, read),
    reads: () => reads,
    holdReads: (on: boolean) => void (hold = on),
    held,
  };
}

describe('the dashboard figures cache', () => {
  it('serves figures for the time-to-live by the clock, then reads again', async () => {
    const w = world();
    expect(await w.get()).toEqual({ n: 1 });
    w.clock.advance(59_999);
    expect(await w.get()).toEqual({ n: 1 });
    w.clock.advance(1);
    expect(await w.get()).toEqual({ n: 2 });
    expect(await w.get('2026:4')).toEqual({ n: 3 });
    expect(w.reads()).toBe(3);
  });

  it('reads again when the clock is set back before the read', async () => {
    const w = world();
    await w.get();
    w.clock.advance(-1);
    expect(await w.get()).toEqual({ n: 2 });
  });

  it('gives requests arriving during a read that read, once', async () => {
    const w = world();
    w.holdReads(true);
    const all = [w.get(), w.get(), w.get()];
    expect(w.held).toHaveLength(1);
    w.held[0]!.release();
    expect(await Promise.all(all)).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    w.holdReads(false);
    expect(await w.get()).toEqual({ n: 1 });
  });

  it('after invalidate, reads afresh: nothing kept is served and a read under way is neither joined nor kept', async () => {
    const w = world();
    await w.get();
    w.cache.invalidate();
    expect(await w.get()).toEqual({ n: 2 });

    w.clock.advance(60_000);
    w.holdReads(true);
    const before = w.get();
    w.cache.invalidate();
    const after = w.get();
    expect(w.held).toHaveLength(2);
    w.held[0]!.release();
    w.held[1]!.release();
    expect(await before).toEqual({ n: 3 });
    expect(await after).toEqual({ n: 4 });
    w.holdReads(false);
    expect(await w.get()).toEqual({ n: 4 });
  });

  it('does not keep a failed read; those waiting on it get its error', async () => {
    const w = world();
    w.holdReads(true);
    const first = w.get();
    const second = w.get();
    w.held[0]!.fail(new Error('pool timeout'));
    await expect(first).rejects.toThrow('pool timeout');
    await expect(second).rejects.toThrow('pool timeout');
    w.holdReads(false);
    expect(await w.get()).toEqual({ n: 2 });
  });
});
