import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { batches, challengeQuestions, challenges, organisations } from '../../db/schema';
import { createChangeFeed, type ChangeFeed } from '../../server/infra/change-feed';
import { createDatabase, type Database } from '../../server/infra/database';
import { publicReadsChannel } from '../../server/modules/challenges/public-reads';
import { makeChallenge } from '../helpers/challenges';
import { makeOrganisation, makeUser, unique } from '../helpers/factories';

let d: Database;
let admin: pg.Client;
const feeds: ChangeFeed[] = [];

beforeAll(async () => {
  d = createDatabase(inject('databaseUrl'), 4);
  admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
});
afterAll(async () => {
  await Promise.all(feeds.map((f) => f.close()));
  await admin?.end();
  await d?.close();
});

/** A feed on a channel of its own, recording what it hears; its connection is named for pg_stat_activity. */
function feedOn(channel: string) {
  const heard: string[] = [];
  const name = `feed_${randomBytes(4).toString('hex')}`;
  let resets = 0;
  const feed = createChangeFeed({
    connection: { connectionString: inject('databaseUrl'), application_name: name },
    channel,
    onChange: (p) => heard.push(p),
    onReset: () => resets++,
    retryMs: 50,
  });
  feeds.push(feed);
  return { feed, heard, name, resets: () => resets };
}

const channel = () => `test_${randomBytes(4).toString('hex')}`;

describe('change feed', () => {
  it('has every change committed before a fence delivered when the fence answers', async () => {
    const ch = channel();
    const { feed, heard } = feedOn(ch);
    await vi.waitFor(async () => expect(await feed.fence()).toBe(true));
    // Autocommitted notifications, and one from a transaction: each is heard by the very next fence.
    for (let i = 0; i < 100; i++) {
      await admin.query('select pg_notify($1, $2)', [ch, `n${i}`]);
      expect(await feed.fence()).toBe(true);
      expect(heard.at(-1)).toBe(`n${i}`);
    }
    await admin.query('begin');
    await admin.query('select pg_notify($1, $2)', [ch, 'in a transaction']);
    await admin.query('commit');
    expect(await feed.fence()).toBe(true);
    expect(heard.at(-1)).toBe('in a transaction');
  });

  it('shares fences among callers that arrive together, each still covered', async () => {
    const ch = channel();
    const { feed, heard } = feedOn(ch);
    await vi.waitFor(async () => expect(await feed.fence()).toBe(true));
    const rounds = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await d.pool.query('select pg_notify($1, $2)', [ch, `p${i}`]);
        const ok = await feed.fence();
        return ok && heard.includes(`p${i}`);
      }),
    );
    expect(rounds.every(Boolean)).toBe(true);
  });

  it('answers false and resets when its connection is lost, then listens again by itself', async () => {
    const ch = channel();
    const { feed, heard, name, resets } = feedOn(ch);
    await vi.waitFor(async () => expect(await feed.fence()).toBe(true));
    const before = resets();
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [name]);
    await vi.waitFor(async () => expect(await feed.fence()).toBe(false));
    expect(resets()).toBeGreaterThan(before);
    await vi.waitFor(async () => expect(await feed.fence()).toBe(true), { timeout: 5000 });
    await admin.query('select pg_notify($1, $2)', [ch, 'after']);
    expect(await feed.fence()).toBe(true);
    expect(heard.at(-1)).toBe('after');
  });

  it('answers false once closed and holds no connection', async () => {
    const { feed, name } = feedOn(channel());
    await vi.waitFor(async () => expect(await feed.fence()).toBe(true));
    await feed.close();
    expect(await feed.fence()).toBe(false);
    await vi.waitFor(async () => expect((await admin.query('select 1 from pg_stat_activity where application_name = $1', [name])).rowCount).toBe(0));
  });
});

describe('public read notifications (db/migrations/0015)', () => {
  let heard: string[];
  let feed: ChangeFeed;
  let publisher: { id: string };
  let author: { id: string };

  beforeAll(async () => {
    const f = feedOn(publicReadsChannel);
    heard = f.heard;
    feed = f.feed;
    await vi.waitFor(async () => expect(await feed.fence()).toBe(true));
    publisher = await makeOrganisation(d.db, { kind: 'enterprise' });
    author = await makeUser(d.db, { role: 'enterprise_member', organisationId: publisher.id });
  });

  const hears = async (payload: string) => {
    expect(await feed.fence()).toBe(true);
    return heard.includes(payload);
  };

  it('names a public challenge whose row changes, and stays quiet about drafts and directed challenges', async () => {
    const open = await makeChallenge(d.db, { publisherId: publisher.id, createdBy: author.id, status: 'published' });
    expect(await hears(`c:${open.id}`)).toBe(true);
    heard.length = 0;
    await d.db.update(challenges).set({ title: unique('改名') }).where(eq(challenges.id, open.id));
    expect(await hears(`c:${open.id}`)).toBe(true);

    const draft = await makeChallenge(d.db, { publisherId: publisher.id, createdBy: author.id, status: 'draft' });
    await d.db.update(challenges).set({ title: unique('草稿') }).where(eq(challenges.id, draft.id));
    const directed = await makeChallenge(d.db, { publisherId: publisher.id, createdBy: author.id, status: 'published', draft: { directed: true } });
    expect(await hears(`c:${draft.id}`)).toBe(false);
    expect(await hears(`c:${directed.id}`)).toBe(false);

    // Leaving the public states, or becoming public, is a change of the public list.
    await d.db.update(challenges).set({ status: 'approved' }).where(eq(challenges.id, draft.id));
    await d.db.update(challenges).set({ status: 'published' }).where(eq(challenges.id, draft.id));
    expect(await hears(`c:${draft.id}`)).toBe(true);
    heard.length = 0;
    await d.db.update(challenges).set({ directed: true }).where(eq(challenges.id, open.id));
    expect(await hears(`c:${open.id}`)).toBe(true);
  });

  it('names the challenge whose questions change, and says * when a name shown everywhere changes', async () => {
    const c = await makeChallenge(d.db, { publisherId: publisher.id, createdBy: author.id, status: 'published' });
    const team = await makeOrganisation(d.db, { kind: 'team' });
    const asker = await makeUser(d.db, { role: 'team_member', organisationId: team.id });
    heard.length = 0;
    const [q] = await d.db.insert(challengeQuestions).values({ challengeId: c.id, askedByOrganisationId: team.id, askedBy: asker.id, question: '可否提供样品？' }).returning();
    expect(await hears(`d:${c.id}`)).toBe(true);
    heard.length = 0;
    await d.db.update(challengeQuestions).set({ answer: '可以', answeredAt: new Date() }).where(eq(challengeQuestions.id, q!.id));
    expect(await hears(`d:${c.id}`)).toBe(true);

    heard.length = 0;
    await d.db.update(organisations).set({ district: '江都区' }).where(eq(organisations.id, publisher.id));
    expect(await hears('*')).toBe(false);
    await d.db.update(organisations).set({ name: unique('新名称') }).where(eq(organisations.id, publisher.id));
    expect(await hears('*')).toBe(true);

    heard.length = 0;
    const [b] = await d.db.insert(batches).values({ year: 1900 + Math.floor(Math.random() * 99), number: Math.floor(Math.random() * 30000), title: unique('批次'), createdBy: author.id }).returning();
    await d.db.update(batches).set({ title: unique('批次改名') }).where(eq(batches.id, b!.id));
    expect(await hears('*')).toBe(true);
  });
});
