/**
 * `npm run bench:matching`: the ranking job at national scale (issue 6 item 5). Builds 10,000
 * teams and 1,000 published challenges (TEAMS= and CHALLENGES= change it) from the demo's and
 * the evaluation set's vocabulary, then times
 *   - ranking one challenge inside the job (the service call the worker makes: corpus from
 *     cache, score every eligible team, store the top 50, claim invitations): the median and p95;
 *   - re-ranking all the challenges with two jobs at a time (the worker's concurrency on 2 cores).
 * Targets: median under 100 ms; all 1,000 within 2 minutes.
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { challenges, organisations, teamProfiles, users } from '../../db/schema';
import { seedChallenges } from '../../db/seed/data/challenges';
import { teams as seedTeams } from '../../db/seed/data/teams';
import { teamProfiles as seedProfiles } from '../../db/seed/data/team-profiles';
import { systemClock } from '../../server/infra/clock';
import { createDatabase } from '../../server/infra/database';
import { createChallengesRepository } from '../../server/modules/challenges/repository';
import { teamTokens } from '../../server/modules/matching/documents';
import { createMatchingRepository } from '../../server/modules/matching/repository';
import { createMatchingService } from '../../server/modules/matching/service';
import { chainCodes, industryOfChain } from '../../shared/taxonomy/industry-chains';
import { benchDatabase, median, percentile } from './bench-database';

const nTeams = Number(process.env.TEAMS ?? 10_000);
const nChallenges = Number(process.env.CHALLENGES ?? 1_000);

/** A deterministic generator, so every run builds the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const rand = rng(20261121);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const sample = <T>(xs: readonly T[], n: number) => Array.from({ length: n }, () => pick(xs));

// Vocabulary per field: the demo teams' keywords under the fields they work in, and the demo challenges' titles by chain.
const keywordsByField = new Map<string, string[]>();
for (const t of seedTeams) for (const f of seedProfiles[t.key]?.fields ?? []) keywordsByField.set(f, [...(keywordsByField.get(f) ?? []), ...t.researchFields]);
const allKeywords = seedTeams.flatMap((t) => t.researchFields);
const institutions = ['南京大学', '东南大学', '扬州大学', '江南大学', '南京工业大学', '南京理工大学', '中国矿业大学', '苏州大学', '江苏大学', '中国科学院苏州纳米所', '浙江大学', '上海交通大学'];
const roles = ['研究', '开发', '工艺', '测试', '系统', '材料', '装备'];

async function main() {
  console.log(`Matching benchmark: ${nTeams.toLocaleString()} teams, ${nChallenges.toLocaleString()} challenges · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? ''} · ${new Date().toISOString().slice(0, 10)}`);
  const bench = await benchDatabase('jiebang_bench_matching');
  const database = createDatabase(bench.url, 4);
  const db = database.db;
  try {
    let t0 = Date.now();
    const [owner] = await db.insert(users).values({ email: 'bench@example.test', name: '基准', passwordHash: 'x' }).returning();
    const publishers = await db.insert(organisations).values(Array.from({ length: 50 }, (_, i) => ({ kind: 'enterprise' as const, name: `基准企业${i}`, verification: 'verified' as const }))).returning({ id: organisations.id });
    for (let start = 0; start < nTeams; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, nTeams - start) }, (_, k) => {
        const i = start + k;
        const field = chainCodes[i % chainCodes.length]!;
        const pool = keywordsByField.get(field) ?? allKeywords;
        const keywords = [...new Set([...sample(pool, 4), pick(allKeywords)])];
        const description = `团队长期从事${keywords.slice(0, 3).join('、')}方面的${pick(roles)}，承担过多项省部级项目，与企业合作开展${pick(keywords)}的${pick(roles)}与产业化。`;
        return { i, field, keywords, description, institution: pick(institutions) };
      });
      const orgs = await db
        .insert(organisations)
        .values(batch.map((b) => ({ kind: 'team' as const, name: `${b.institution} 第${b.i}课题组`, institution: b.institution, institutionKind: 'university' as const, verification: 'verified' as const, researchFields: b.keywords, description: b.description })))
        .returning({ id: organisations.id, name: organisations.name });
      await db.insert(teamProfiles).values(
        batch.map((b, k) => ({
          organisationId: orgs[k]!.id,
          fields: [b.field],
          capacity: 1 + (b.i % 5),
          tokens: teamTokens({ name: orgs[k]!.name, keywords: b.keywords, description: b.description, people: [], results: [] }).join(' '),
        })),
      );
    }
    const deadline = new Date(Date.now() + 30 * 86_400_000);
    const rows = Array.from({ length: nChallenges }, (_, i) => {
      const s = seedChallenges[i % seedChallenges.length]!;
      const chain = s.industryChain && industryOfChain(s.industryChain) ? s.industryChain : pick(chainCodes);
      return {
        publisherId: publishers[i % publishers.length]!.id,
        createdBy: owner!.id,
        status: 'published' as const,
        title: `${s.title}（${i}）`,
        summary: s.summary,
        description: s.description,
        industry: industryOfChain(chain)!,
        industryChain: chain,
        indicators: (s.indicators ?? []).map((x) => ({ ...x })),
        deadline,
        publishedAt: new Date(),
      };
    });
    const ids: string[] = [];
    for (let start = 0; start < rows.length; start += 500) ids.push(...(await db.insert(challenges).values(rows.slice(start, start + 500)).returning({ id: challenges.id })).map((r) => r.id));
    console.log(`data built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const matching = createMatchingService({ db, clock: systemClock, matching: createMatchingRepository(), challenges: createChallengesRepository() });
    t0 = Date.now();
    await matching.corpus();
    const loadMs = Date.now() - t0;

    // One at a time: the time of one job.
    const single: number[] = [];
    for (const id of ids.slice(0, Math.min(200, ids.length))) {
      const s = performance.now();
      await matching.rankChallenge({ challengeId: id, revision: 1 });
      single.push(performance.now() - s);
    }

    // All of them again, two jobs at a time (a worker's concurrency on two cores).
    t0 = Date.now();
    let next = 0;
    const lane = async () => {
      while (next < ids.length) await matching.rankChallenge({ challengeId: ids[next++]!, revision: 1 });
    };
    await Promise.all([lane(), lane()]);
    const allMs = Date.now() - t0;
    const [stored] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from challenge_matches`)).rows;

    console.log('');
    console.log(`corpus load (once per process, then cached)     ${(loadMs / 1000).toFixed(2)} s`);
    console.log(`rank one challenge in the job: median            ${median(single).toFixed(1)} ms   (target < 100 ms)   p95 ${percentile(single, 95).toFixed(1)} ms`);
    console.log(`re-rank all ${ids.length.toLocaleString()} challenges, 2 at a time         ${(allMs / 1000).toFixed(1)} s     (target < 120 s)`);
    console.log(`matches stored                                   ${stored!.n.toLocaleString()}`);
    process.exitCode = median(single) < 100 && allMs < 120_000 ? 0 : 1;
  } finally {
    await database.close();
    await bench.close();
  }
}

await main();
