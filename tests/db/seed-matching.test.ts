import { and, eq, gt, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeMatches, challenges, creditRecords, matchInvitations, teamProfiles } from '../../db/schema';
import { demoLogins, demoPassword } from '../../db/seed/data/accounts';
import { seedDemoIfEmpty } from '../../db/seed/demo';
import { systemClock } from '../../server/infra/clock';
import { createDatabase, type Database } from '../../server/infra/database';
import { createTestApp, type TestApp } from '../helpers/app';
import { logIn } from '../helpers/client';
import { createIsolatedDatabase } from '../helpers/isolated-database';

/** The demo seed's matching (issue 6): profiles, rankings and invitations on first start. */
let iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let d: Database;
let t: TestApp;
const db = () => d.db;

beforeAll(async () => {
  iso = await createIsolatedDatabase();
  d = createDatabase(iso.url, 4);
  expect(await seedDemoIfEmpty(d.db, systemClock)).toBe(true);
  t = await createTestApp({ DATABASE_URL: iso.url });
});
afterAll(async () => {
  await t?.close();
  await d?.close();
  await iso?.drop();
});

describe('demo seed: matching', () => {
  it('gives every team a profile with fields and tokens', async () => {
    const rows = await db().select().from(teamProfiles);
    expect(rows.length).toBeGreaterThanOrEqual(28);
    for (const r of rows) {
      expect(r.fields.length).toBeGreaterThan(0);
      expect(r.tokens.trim().length).toBeGreaterThan(0);
    }
  });

  it('ranks every open challenge, invites the top 10 of public ones, and never a barred team', async () => {
    const open = await db().select().from(challenges).where(and(eq(challenges.status, 'published'), gt(challenges.deadline, new Date())));
    expect(open.length).toBeGreaterThan(5);
    const barred = (await db().select().from(creditRecords)).map((r) => r.organisationId);
    expect(barred.length).toBeGreaterThan(0);
    for (const c of open) {
      const matches = await db().select().from(challengeMatches).where(eq(challengeMatches.challengeId, c.id));
      expect(matches.length, c.title).toBeGreaterThan(0);
      expect(matches.some((m) => barred.includes(m.teamId)), c.title).toBe(false);
      const invited = await db().select().from(matchInvitations).where(eq(matchInvitations.challengeId, c.id));
      expect(invited.length, c.title).toBe(c.directed ? 0 : Math.min(10, matches.length));
    }
    expect(await db().select().from(matchInvitations).where(inArray(matchInvitations.teamId, barred))).toEqual([]);
  });

  it('recommends the printed team lead the challenge written for its field, with reasons', async () => {
    const lead = demoLogins.find((l) => l.role === 'team_member')!;
    const client = await logIn(t.app, lead.email, demoPassword);
    const recs = (await client.request('GET', '/api/recommendations')).json().items as { title: string; matchedTerms: string[]; fieldMatch: string }[];
    expect(recs.length).toBeGreaterThan(0);
    expect(recs[0]!.title).toContain('磷酸铁锂');
    expect(recs[0]!.matchedTerms.length).toBeGreaterThan(0);
  });
});
