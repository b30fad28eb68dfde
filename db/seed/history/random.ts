import type * as H from '../data/history';

// A seeded random source, so the same start gives the same history.

export interface Rng {
  next(): number;
  /** An integer in [lo, hi]; lo when the range is empty. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  weighted<T>(w: H.Weighted<T>): T;
  shuffle<T>(xs: T[]): T[];
}

/** mulberry32: small, fast and good enough to draw a demo from. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => (hi <= lo ? lo : lo + Math.floor(next() * (hi - lo + 1)));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!,
    weighted: <T>(w: H.Weighted<T>) => {
      let r = next() * w.reduce((s, [, x]) => s + x, 0);
      for (const [v, x] of w) if ((r -= x) < 0) return v;
      return w.at(-1)![0];
    },
    shuffle: <T>(xs: T[]) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(0, i);
        [xs[i], xs[j]] = [xs[j]!, xs[i]!];
      }
      return xs;
    },
  };
}
