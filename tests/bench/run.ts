/**
 * `npm run bench`: the API and the jobs at city-to-national scale (issue 9).
 *
 * For each scale in SCALE (default 10000,100000 challenges): seed the large data set (or reuse
 * it, see seed-large.ts), start the API as production runs it (`server/main.ts`, NODE_ENV=
 * production, LOG_LEVEL=warn, SEED_DEMO=false) and the bare Fastify + pg baseline, each in its
 * own process on a free port, log in and prepare bids through the API, then load every
 * endpoint with autocannon: WARMUP seconds (default 2, not recorded), then DURATION seconds
 * (default 10) at each of CONNECTIONS (default 10,50). Then the job throughput on the
 * PostgreSQL queue backend, and on Redis when REDIS_URL is set (JOBS_RANK, JOBS_NOTIFY jobs;
 * JOBS=0 leaves the jobs out). ONLY=list,detail,… runs only endpoints whose name contains one
 * of the words (the baseline always runs). API_NODE_ARGS passes node flags to the API (--cpu-prof).
 *
 * Prints Markdown tables for tests/bench/RESULTS.md, and the targets of issue 9 at 100,000.
 */
import os from 'node:os';
import { endpoints, runEndpoints } from './api';
import { prepareFixtures } from './fixtures';
import { benchJobs } from './jobs';
import { startServer, waitForIdleDatabase } from './processes';
import { apiTable, growthTable, jobsTable, targets, type ScaleRun } from './report';
import { scalesFrom, seedLarge } from './seed-large';
import { benchServer } from './seed/database';

const num = (name: string, fallback: number, min: number, max: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v < min || v > max) throw new Error(`${name}: a number from ${min} to ${max} (got ${process.env[name]})`);
  return v;
};

async function runScale(server: Awaited<ReturnType<typeof benchServer>>, scale: number, o: { seconds: number; warmup: number; connections: number[]; only: string[]; jobs: boolean }): Promise<ScaleRun> {
  const seeded = await seedLarge(server, scale, { fresh: process.env.FRESH === '1' });
  const api = await startServer('server/main.ts', { DATABASE_URL: seeded.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_DEMO: 'false', LOGIN_RATE_PER_MINUTE: '100000' }, 'the API', (process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean));
  const baseline = await startServer('tests/bench/baseline.ts', { DATABASE_URL: seeded.url }, 'the baseline');
  const run: ScaleRun = { scale, seedSeconds: seeded.stamp.seconds, reused: seeded.reused, api: [], jobs: [] };
  try {
    console.log(`\nAPI at ${scale.toLocaleString()} challenges (API pid ${api.pid}, baseline pid ${baseline.pid}); preparing log-ins and bids …`);
    const fixtures = await prepareFixtures(api.url, seeded.url, { bidCount: 4 * Math.max(...o.connections), teamCount: 20 });
    const list = endpoints(fixtures, new Date()).filter((e) => e.target === 'baseline' || o.only.length === 0 || o.only.some((w) => e.name.includes(w)));
    const settle = async () => {
      const waited = await waitForIdleDatabase(seeded.url);
      if (waited > 1000) console.log(`  (waited ${(waited / 1000).toFixed(1)} s for the last run's statements to finish)`);
    };
    run.api = await runEndpoints(list, { api: api.url, baseline: baseline.url }, { connections: o.connections, seconds: o.seconds, warmup: o.warmup, settle, progress: console.log });
  } finally {
    await api.stop();
    await baseline.stop();
  }
  if (o.jobs) {
    console.log(`\nJobs at ${scale.toLocaleString()} challenges …`);
    const counts = { rank: num('JOBS_RANK', 100, 1, 100_000), notify: num('JOBS_NOTIFY', 2000, 1, 1_000_000) };
    await waitForIdleDatabase(seeded.url);
    run.jobs.push(...(await benchJobs(seeded.url, { backend: 'postgres', ...counts, progress: console.log })));
    await waitForIdleDatabase(seeded.url);
    if (process.env.REDIS_URL) run.jobs.push(...(await benchJobs(seeded.url, { backend: 'redis', redisUrl: process.env.REDIS_URL, ...counts, progress: console.log })));
  }
  return run;
}

async function main() {
  const scales = scalesFrom(process.env.SCALE, '10000,100000');
  const o = {
    seconds: num('DURATION', 10, 1, 600),
    warmup: num('WARMUP', 2, 0, 60),
    connections: (process.env.CONNECTIONS ?? '10,50').split(',').map((c) => num('CONNECTIONS', Number(c), 1, 1000)),
    only: (process.env.ONLY ?? '').split(',').map((w) => w.trim()).filter(Boolean),
    jobs: process.env.JOBS !== '0',
  };
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · ${new Date().toISOString().slice(0, 10)}`;
  console.log(`Benchmark: ${machine}\nscales ${scales.join(', ')} · ${o.seconds} s per run after ${o.warmup} s warm-up · connections ${o.connections.join(', ')} · database ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'}`);
  const server = await benchServer();
  const runs: ScaleRun[] = [];
  try {
    for (const scale of scales) runs.push(await runScale(server, scale, o));
  } finally {
    await server.stop();
  }

  console.log(`\n## Results · ${machine}\n`);
  for (const r of runs) {
    console.log(`### ${r.scale.toLocaleString()} challenges (seeded in ${r.seedSeconds.toFixed(0)} s${r.reused ? ', reused' : ''})\n\n${apiTable(r)}\n`);
    const jobs = jobsTable(r);
    if (jobs) console.log(`${jobs}\n`);
  }
  const most = Math.max(...o.connections);
  if (runs.length > 1) console.log(`### Growth\n\n${growthTable(runs, most)}\n`);
  let missed = false;
  for (const r of runs.filter((x) => x.scale >= 100_000)) {
    console.log(`### Targets at ${r.scale.toLocaleString()} challenges\n`);
    for (const [what, got, ok] of targets(r, most)) {
      console.log(`- ${ok ? 'met' : 'MISSED'}: ${what} — ${got}`);
      missed ||= !ok;
    }
  }
  process.exitCode = missed ? 1 : 0;
}

await main();
