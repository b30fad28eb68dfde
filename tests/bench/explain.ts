/**
 * `npx tsx tests/bench/explain.ts`: EXPLAIN (ANALYZE, BUFFERS) of the SQL behind each
 * benchmarked read, on the seeded database of SCALE (default 100000). The app's own
 * repositories and services run against a Drizzle instance that records every statement with
 * its parameters; each is then explained on the same database. Prints, per statement, its
 * execution time and the plan's scans, sorts and joins; PLANS=1 prints whole plans.
 * Read-only: the dashboard's snapshot and everything else only select.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../../db/schema';
import { systemClock } from '../../server/infra/clock';
import { connectionSettings } from '../../server/infra/database';
import { createAnalyticsRepository } from '../../server/modules/analytics/repository';
import { createWorkQueuesRepository } from '../../server/modules/analytics/queues';
import { createAnalyticsService } from '../../server/modules/analytics/service';
import { createChallengesRepository } from '../../server/modules/challenges/repository';
import { createChallengesService } from '../../server/modules/challenges/service';
import { createMatchingRepository } from '../../server/modules/matching/repository';
import type { CurrentUser } from '../../shared/contracts/auth';
import { publicListQuery } from '../../shared/contracts/challenges';
import { chinaDate } from '../../shared/calendar';
import { searchTerms } from './api';
import { benchServer, databaseName } from './seed/database';
import { scalesFrom } from './seed-large';

const scale = scalesFrom(process.env.SCALE, '100000')[0]!;
const server = await benchServer();
// The app's own session settings (JIT off), so the plans are the ones the app gets.
const pool = new pg.Pool({ ...connectionSettings(server.urlOf(databaseName(scale))), max: 2 });
const recorded: { query: string; params: unknown[] }[] = [];
const db = drizzle(pool, { schema, logger: { logQuery: (query, params) => void recorded.push({ query, params }) } });

async function explain(label: string, run: () => Promise<unknown>) {
  recorded.length = 0;
  const t0 = performance.now();
  await run();
  console.log(`\n## ${label} — ${recorded.length} statements, ${(performance.now() - t0).toFixed(0)} ms through the repository`);
  for (const r of recorded) {
    if (/^(begin|commit|rollback|set transaction)/i.test(r.query.trim())) continue;
    const plan = (await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${r.query}`, r.params)).rows.map((x) => x['QUERY PLAN']);
    const time = plan.find((l) => l.startsWith('Execution Time'));
    console.log(`\n${time} · ${r.query.replace(/\s+/g, ' ').slice(0, 160)}…`);
    const lines = process.env.PLANS === '1' ? plan : plan.filter((l) => /Seq Scan|Index|Bitmap|Sort Method|Sort Key|Rows Removed|Hash Join|Nested Loop|Aggregate|Limit/.test(l)).slice(0, 14);
    for (const l of lines) console.log(`    ${l}`);
  }
}

try {
  const challenges = createChallengesService({ db, clock: systemClock, challenges: createChallengesRepository() });
  const anonymous = { actor: null, reqId: null };
  const [{ id: anyPublic } = { id: '' }] = (await pool.query<{ id: string }>(`select id from challenges where status = 'closed' and not directed order by random() limit 1`)).rows;
  const [{ team_id: team } = { team_id: '' }] = (await pool.query<{ team_id: string }>(`select team_id from challenge_matches order by random() limit 1`)).rows;
  const list = (q: Record<string, unknown>) => challenges.listPublic(publicListQuery.parse(q), anonymous);

  await explain('public list, no filter (newest first)', () => list({}));
  await explain('public list, one industry, published, page 2', () => list({ industry: 'new_energy', status: 'published', page: 2 }));
  await explain(`search ${searchTerms.two.at(-1)} (2 characters, by relevance)`, () => list({ q: searchTerms.two.at(-1), sort: 'relevance' }));
  await explain(`search ${searchTerms.four[0]} (4 characters, by relevance)`, () => list({ q: searchTerms.four[0], sort: 'relevance' }));
  await explain('challenge detail (anonymous)', () => challenges.get(anyPublic, anonymous));
  await explain("a team's recommendations", () => createMatchingRepository().recommendationsFor(db, team, new Date(), 30));
  const analytics = createAnalyticsService({ db, clock: systemClock, analytics: createAnalyticsRepository(), queues: createWorkQueuesRepository(), config: { DEALS_TARGET_DEFAULT: 50 } });
  const official = { actor: { roles: ['official'] } as unknown as CurrentUser, reqId: null };
  await explain('official dashboard, this year', () => analytics.dashboard({ year: Number(chinaDate(new Date()).slice(0, 4)), quarter: null }, official));
} finally {
  await pool.end();
  await server.stop();
}
