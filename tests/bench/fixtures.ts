import pg from 'pg';
import * as H from '../../db/seed/data/history';
import { proposal } from '../../db/seed/data/history-texts';
import type { Indicator } from '../../shared/contracts/challenges';
import { benchDomain, benchPassword } from './seed/organisations';

/** A logged-in browser: the session cookie and the CSRF header its writes need. */
export interface Session {
  email: string;
  cookie: string;
  csrfToken: string;
}

export interface Fixtures {
  /** Public challenges (published, closed, unfilled; not directed), in random order. */
  publicIds: string[];
  /** Members of teams with recommendations (stored matches on open challenges). */
  teamSessions: Session[];
  official: Session;
  /** Draft bids ready to submit, each by its own team on an open challenge, with that team's session. */
  bids: { id: string; session: Session }[];
}

async function logIn(api: string, email: string): Promise<Session> {
  const res = await fetch(`${api}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: benchPassword }) });
  if (!res.ok) throw new Error(`log-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('jb_session='))?.split(';')[0];
  const body = (await res.json()) as { csrfToken: string };
  if (!cookie) throw new Error(`log-in of ${email} set no session cookie`);
  return { email, cookie, csrfToken: body.csrfToken };
}

async function call(api: string, s: Session, method: string, path: string, body?: unknown): Promise<{ id: string }> {
  const res = await fetch(`${api}${path}`, { method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path} as ${s.email}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

/** Runs `fn` over `xs` with at most `n` at a time (log-ins are argon2 checks: a few at once). */
async function pool<T, R>(xs: readonly T[], n: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await fn(xs[i]!);
    }
  }));
  return out;
}

/**
 * What the runs need, read from the seeded database and set up through the API itself: log-ins
 * for an official and for members of teams that have recommendations, and for `bidCount` teams
 * a draft bid (POST /api/bids, then PUT the draft) on an open challenge the team has not bid
 * on, so the submission run never meets the one-active-bid index or a row another run holds.
 */
export async function prepareFixtures(api: string, databaseUrl: string, o: { bidCount: number; teamCount: number }): Promise<Fixtures> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const publicIds = (await db.query<{ id: string }>(`select id from challenges where status in ('published', 'closed', 'unfilled') and not directed order by random() limit 2000`)).rows.map((r) => r.id);
    const recommended = await db.query<{ email: string }>(`
      select (select u.email from memberships m join users u on u.id = m.user_id where m.organisation_id = t.team_id and m.can_manage limit 1) as email
      from (select distinct m.team_id from challenge_matches m join challenges c on c.id = m.challenge_id
            where c.status = 'published' and c.deadline > now() and not c.directed) t
      order by random() limit $1`, [o.teamCount]);
    const teams = await db.query<{ id: string; name: string; kind: string; fields: string[]; email: string; members: { name: string; title: string }[] }>(`
      select o.id, o.name, o.institution_kind as kind, o.research_fields as fields,
        (select u.email from memberships m join users u on u.id = m.user_id where m.organisation_id = o.id and m.can_manage limit 1) as email,
        (select json_agg(json_build_object('name', p.name, 'title', p.title) order by p.position) from team_people p where p.organisation_id = o.id) as members
      from organisations o
      where o.kind = 'team' and o.verification = 'verified'
        and not exists (select 1 from credit_records r where r.organisation_id = o.id and r.barred_until > now())
      order by random() limit $1`, [o.bidCount]);
    const open = (await db.query<{ id: string; title: string; indicators: Indicator[]; bounty_yuan: string; delivery_months: number; kinds: string[] }>(`
      select id, title, indicators, bounty_yuan, delivery_months, allowed_institution_kinds as kinds from challenges
      where status = 'published' and deadline > now() + interval '1 day' and not directed order by random()`)).rows;
    const taken = new Set((await db.query<{ k: string }>(`select challenge_id || ':' || team_id as k from bids where status <> 'withdrawn' and team_id = any($1::uuid[])`, [teams.rows.map((t) => t.id)])).rows.map((r) => r.k));

    const official = await logIn(api, `official1@${benchDomain}`);
    const teamSessions = await pool(recommended.rows, 4, (r) => logIn(api, r.email));
    let cursor = 0;
    const bids = await pool(teams.rows, 4, async (t) => {
      let c: (typeof open)[number] | undefined;
      for (let tries = 0; tries < open.length && !c; tries++) {
        const x = open[cursor++ % open.length]!;
        if (!taken.has(`${x.id}:${t.id}`) && (x.kinds.length === 0 || x.kinds.includes(t.kind))) c = x;
      }
      if (!c) throw new Error(`no open challenge left for team ${t.name}`);
      taken.add(`${c.id}:${t.id}`);
      const session = await logIn(api, t.email);
      const bid = await call(api, session, 'POST', '/api/bids', { challengeId: c.id });
      const content = proposal({
        title: c.title,
        indicators: c.indicators,
        team: { name: t.name, researchFields: t.fields, members: t.members },
        quotedPriceYuan: Math.round(Number(c.bounty_yuan) * 0.0001 * 0.8) * 10_000,
        deliveryMonths: c.delivery_months,
        plan: H.milestonePlans[0]!,
        variant: 0,
      });
      await call(api, session, 'PUT', `/api/bids/${bid.id}/draft`, content);
      return { id: bid.id, session };
    });
    return { publicIds, teamSessions, official, bids };
  } finally {
    await db.end();
  }
}
