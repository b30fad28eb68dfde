import os from 'node:os';
import autocannon from 'autocannon';
import { addDays, chinaDate } from '../../shared/calendar';
import { industryCodes } from '../../shared/taxonomy/industries';
import { baselinePath } from './baseline';
import type { Fixtures, Session } from './fixtures';

/** One endpoint's load: the requests autocannon cycles through, all connections sharing one counter. */
export interface Endpoint {
  name: string;
  /** 'baseline' runs against the bare Fastify + pg server, everything else against the API. */
  target: 'api' | 'baseline';
  method: 'GET' | 'POST';
  requests: { path: string; session?: Session }[];
  /** Connection counts run before the common ones (the dashboard also one request at a time, as an official opens it). */
  alsoAt?: number[];
}

export interface Measurement {
  endpoint: string;
  connections: number;
  /** Responses received within the run; 0 means every request outlasted it. */
  responses: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Status codes other than 2xx, for the report when there are any. */
  statuses: string;
  /** The machine's 1-minute load average when the run ended: above the core count, something else competed. */
  load: number;
}

/** Terms people search for, found in the seeded texts: two characters, and four. */
export const searchTerms = {
  two: ['储能', '电池', '涂层', '催化', '光伏', '焊接', '芯片', '检测'],
  four: ['储能电芯', '光伏组件', '在线检测', '防腐涂料', '电解制氢', '视觉检测', '激光焊接'],
};

const list = (q: Record<string, string | number>) => `/api/challenges?${new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;

/**
 * The endpoints of issue 9, each with enough different requests that caches and one hot row
 * do not flatter it: the public list with the filters the web sends (industry, bounty, deadline
 * range, status, sort, later pages), search as the web sends it (sorted by relevance), a
 * challenge's page as an anonymous visitor sees it, a team member's recommendations, an
 * official's dashboard for the current year (with its forecast), and bid submission (each
 * request submits another team's bid, the first time as submit, then as a new version).
 */
export function endpoints(f: Fixtures, now: Date): Endpoint[] {
  const today = chinaDate(now);
  const filters: Record<string, string | number>[] = [
    {},
    { status: 'published', sort: 'deadline' },
    { bountyMinYuan: 2_000_000, sort: 'bounty' },
    { deadlineFrom: addDays(today, -180), deadlineTo: today, status: 'closed' },
    { page: 3 },
    ...industryCodes.flatMap((industry, i): Record<string, string | number>[] => [{ industry }, { industry, status: i % 2 ? 'closed' : 'published' }, { industry, bountyMaxYuan: 1_500_000, page: 2 }]),
  ];
  const search = (terms: string[]) => terms.map((q) => ({ path: list({ q, sort: 'relevance' }) }));
  return [
    { name: 'baseline: one row by primary key', target: 'baseline', method: 'GET', requests: f.publicIds.map((id) => ({ path: baselinePath(id) })) },
    { name: 'public list with filters', target: 'api', method: 'GET', requests: filters.map((q) => ({ path: list(q) })) },
    { name: 'search, 2-character terms', target: 'api', method: 'GET', requests: search(searchTerms.two) },
    { name: 'search, 4-character terms', target: 'api', method: 'GET', requests: search(searchTerms.four) },
    { name: 'challenge detail', target: 'api', method: 'GET', requests: f.publicIds.map((id) => ({ path: `/api/challenges/${id}` })) },
    { name: "a team's recommendations", target: 'api', method: 'GET', requests: f.teamSessions.map((session) => ({ path: '/api/recommendations', session })) },
    { name: 'official dashboard (year)', target: 'api', method: 'GET', requests: [{ path: `/api/analytics/dashboard?year=${today.slice(0, 4)}`, session: f.official }], alsoAt: [1] },
    { name: 'bid submission', target: 'api', method: 'POST', requests: f.bids.map((b) => ({ path: `/api/bids/${b.id}/submit`, session: b.session })) },
  ];
}

/** One autocannon run of `seconds` at `connections`. */
export async function measure(url: string, e: Endpoint, connections: number, seconds: number): Promise<Measurement> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    // A dashboard at 100,000 challenges under 50 connections takes longer than autocannon's 10 s.
    timeout: 30,
    requests: [
      {
        method: e.method,
        setupRequest: (req) => {
          const r = e.requests[i++ % e.requests.length]!;
          const auth = r.session ? { cookie: r.session.cookie, ...(e.method === 'GET' ? {} : { 'x-csrf-token': r.session.csrfToken }) } : {};
          return { ...req, path: r.path, headers: { ...req.headers, ...auth } };
        },
      },
    ],
  });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, s]) => `${code}×${s.count ?? 0}`)
    .join(' ');
  return {
    endpoint: e.name,
    connections,
    responses: result['2xx'] + result.non2xx,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    load: os.loadavg()[0]!,
  };
}

/**
 * Each endpoint: a short warm-up (not recorded), then each connection count in turn. When
 * autocannon stops, the server is still running what the last requests started (a slow query
 * holds its pool connection for seconds); `settle` waits for that, so no run pays for the
 * one before it.
 */
export async function runEndpoints(
  list: Endpoint[],
  urls: { api: string; baseline: string },
  o: { connections: number[]; seconds: number; warmup: number; settle: () => Promise<void>; progress: (line: string) => void },
): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const e of list) {
    const url = e.target === 'api' ? urls.api : urls.baseline;
    if (o.warmup > 0) {
      await measure(url, e, Math.min(...o.connections), o.warmup);
      await o.settle();
    }
    for (const c of [...(e.alsoAt ?? []), ...o.connections]) {
      const m = await measure(url, e, c, o.seconds);
      await o.settle();
      const latency = m.responses ? `p50 ${m.p50.toFixed(1).padStart(6)} ms  p99 ${m.p99.toFixed(1).padStart(7)} ms` : `no response within ${o.seconds} s`;
      o.progress(`  ${e.name.padEnd(34)} ${String(c).padStart(3)} conns  ${m.rps.toFixed(m.rps < 10 ? 1 : 0).padStart(6)} req/s  ${latency}  load ${m.load.toFixed(1)}${m.non2xx || m.errors ? `  non-2xx ${m.non2xx} errors ${m.errors} ${m.statuses}` : ''}`);
      out.push(m);
    }
  }
  return out;
}
