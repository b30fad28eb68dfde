import { readTallies, type Tally } from './tally';

/** Prints the reliability suite's table from the tallies its tests wrote; exit 1 if anything was lost, duplicated or a 5xx. */
const rows = readTallies();
const cols: (keyof Tally)[] = ['requests', 'faults', 'hostileInputs', 'jobsLost', 'duplicates', 'serverErrors'];
const heads = ['requests sent', 'faults injected', 'hostile inputs', 'jobs lost', 'duplicates', '5xx'];
const total = rows.reduce((s, r) => Object.fromEntries(cols.map((c) => [c, s[c] + r.tally[c]])) as unknown as Tally, { requests: 0, faults: 0, hostileInputs: 0, jobsLost: 0, duplicates: 0, serverErrors: 0 });
const width = Math.max(12, ...rows.map((r) => r.name.length));
const line = (name: string, t: Tally) => `${name.padEnd(width)}  ${cols.map((c, i) => String(t[c]).padStart(heads[i]!.length)).join('  ')}`;
console.log(`${''.padEnd(width)}  ${heads.join('  ')}`);
for (const r of rows) console.log(line(r.name, r.tally));
console.log(line('total', total));
if (rows.length === 0) console.log('no tallies: run the suite first (npm run reliability)');
const bad = total.jobsLost + total.duplicates + total.serverErrors;
console.log(bad === 0 && rows.length > 0 ? '\nlost, duplicates and 5xx: all 0' : '\nFAILED: lost, duplicates or 5xx are not 0');
process.exitCode = bad === 0 && rows.length > 0 ? 0 : 1;
