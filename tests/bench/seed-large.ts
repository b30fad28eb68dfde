/**
 * `npm run bench:seed`: the large data set of issue 9, at SCALE challenges (default 100,000)
 * with 0.2 teams, 3 bids and 0.3 contracts per challenge, in the database
 * jiebang_bench_s<SCALE> on DATABASE_URL's server (or the embedded one). A database seeded at
 * the same scale by the same seed version within three days is reused; FRESH=1 seeds again.
 * MATCHES= sets the stored ranking per published challenge (default 50, as the ranker keeps).
 */
import os from 'node:os';
import pg from 'pg';
import { seededRng } from '../../db/seed/history/random';
import { argon2Hasher } from '../../server/infra/password-hasher';
import { seedBids } from './seed/bids';
import { seedChallenges } from './seed/challenges';
import { seedContracts } from './seed/contracts';
import { benchServer, databaseName, freshDatabase, reusableSeed, stampSeed, type BenchServer, type SeedStamp } from './seed/database';
import { seedMatches } from './seed/matches';
import { benchPassword, seedOrganisations } from './seed/organisations';
import { countsFor, type StepLog } from './seed/world';

export interface SeededDatabase {
  url: string;
  scale: number;
  stamp: SeedStamp;
  reused: boolean;
}

/** Seeds the scale's database unless a reusable one exists. */
export async function seedLarge(server: BenchServer, scale: number, opts: { fresh?: boolean; matches?: number; print?: (line: string) => void } = {}): Promise<SeededDatabase> {
  const print = opts.print ?? console.log;
  const url = server.urlOf(databaseName(scale));
  const existing = opts.fresh ? null : await reusableSeed(server, scale);
  if (existing) {
    print(`Reusing ${databaseName(scale)} (seeded ${existing.seededAt} in ${existing.seconds.toFixed(0)} s); FRESH=1 seeds again.`);
    return { url, scale, stamp: existing, reused: true };
  }
  const counts = countsFor(scale);
  print(`Seeding ${databaseName(scale)}: ${scale.toLocaleString()} challenges, ${counts.teams.toLocaleString()} teams, ${counts.enterprises.toLocaleString()} enterprises (targets: ${counts.bids.toLocaleString()} bids, ${counts.contracts.toLocaleString()} contracts)`);
  const t0 = performance.now();
  await freshDatabase(server, scale);
  const steps: { table: string; rows: number; ms: number }[] = [];
  const log: StepLog = {
    step(table, rows, ms) {
      steps.push({ table, rows, ms });
      print(`  ${table.padEnd(38)} ${rows.toLocaleString().padStart(10)} rows  ${(ms / 1000).toFixed(1).padStart(6)} s  ${Math.round(rows / (ms / 1000)).toLocaleString().padStart(9)} rows/s`);
    },
  };
  const now = new Date();
  const rnd = seededRng(20_261_121 + scale);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const passwordHash = await argon2Hasher.hash(benchPassword);
    const orgs = await seedOrganisations(client, rnd, counts, { now, passwordHash }, log);
    const ch = await seedChallenges(client, rnd, scale, { now, ...orgs }, log);
    const { bids } = await seedBids(client, rnd, { now, ...orgs, ...ch }, log);
    await seedContracts(client, rnd, counts.contracts, { now, ...orgs, bids }, log);
    await seedMatches(client, rnd, opts.matches ?? 50, { now, ...orgs, ...ch }, log);
    const tv = performance.now();
    // What autovacuum would have done by the time a real database had this much in it.
    await client.query('vacuum (analyze)');
    print(`  ${'vacuum (analyze)'.padEnd(38)} ${''.padStart(10)}       ${((performance.now() - tv) / 1000).toFixed(1).padStart(6)} s`);
  } finally {
    await client.end();
  }
  const seconds = (performance.now() - t0) / 1000;
  const rows = steps.reduce((s, x) => s + x.rows, 0);
  print(`  ${'total'.padEnd(38)} ${rows.toLocaleString().padStart(10)} rows  ${seconds.toFixed(1).padStart(6)} s  (migrations, generating the text and segmenting it included)`);
  await stampSeed(server, scale, now, seconds);
  return { url, scale, stamp: (await reusableSeed(server, scale))!, reused: false };
}

export function scalesFrom(value: string | undefined, fallback: string): number[] {
  const scales = (value ?? fallback).split(',').map((s) => Number(s.trim().replaceAll('_', '')));
  const bad = scales.find((s) => !Number.isInteger(s) || s < 100 || s > 2_000_000);
  if (bad !== undefined) throw new Error(`SCALE: each scale is a whole number of challenges from 100 to 2,000,000 (got ${value})`);
  return scales;
}

async function main() {
  const scales = scalesFrom(process.env.SCALE, '100000');
  const matches = Number(process.env.MATCHES ?? 50);
  if (!Number.isInteger(matches) || matches < 0 || matches > 50) throw new Error(`MATCHES: a whole number from 0 to 50 (got ${process.env.MATCHES})`);
  console.log(`${os.cpus().length} cores · ${os.cpus()[0]?.model ?? ''} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · ${new Date().toISOString().slice(0, 10)}`);
  const server = await benchServer();
  try {
    for (const scale of scales) await seedLarge(server, scale, { fresh: process.env.FRESH === '1', matches });
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
