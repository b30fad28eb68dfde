import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The reliability suite's counters. Each test file adds what it did to its own tally, written
 * to test-results/reliability/<name>.json when the file ends (`flush` in afterAll); `npm run
 * reliability` runs the suite and prints the sum (report.ts). Lost jobs, duplicates and 5xx
 * are also asserted to be 0 by the tests themselves: the table is the evidence, not the check.
 */
export interface Tally {
  requests: number;
  faults: number;
  hostileInputs: number;
  jobsLost: number;
  duplicates: number;
  serverErrors: number;
}

export const tallyDir = 'test-results/reliability';
const zero = (): Tally => ({ requests: 0, faults: 0, hostileInputs: 0, jobsLost: 0, duplicates: 0, serverErrors: 0 });

export function createTally(name: string) {
  const t = zero();
  return {
    add(part: Partial<Tally>) {
      for (const [k, v] of Object.entries(part) as [keyof Tally, number][]) t[k] += v;
    },
    get: () => ({ ...t }),
    flush() {
      mkdirSync(tallyDir, { recursive: true });
      writeFileSync(join(tallyDir, `${name}.json`), JSON.stringify(t));
    },
  };
}

export function readTallies(): { name: string; tally: Tally }[] {
  let files: string[] = [];
  try {
    files = readdirSync(tallyDir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.sort().map((f) => ({ name: f.replace(/\.json$/, ''), tally: { ...zero(), ...JSON.parse(readFileSync(join(tallyDir, f), 'utf8')) } }));
}
