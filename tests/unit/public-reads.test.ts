import { describe, expect, it } from 'vitest';
import { createPublicReads } from '../../server/modules/challenges/public-reads';

const bytes = (s: string) => Buffer.from(s);

/** A cache over a fake feed: `fence` answers when told, a store counts the loads. */
function world(o: { ttlMs?: number; maxLists?: number } = {}) {
  let t = 0;
  let live = true;
  const fences: (() => void)[] = [];
  let manual = false;
  const reads = createPublicReads({
    ...o,
    now: () => t,
    fence: () => (manual ? new Promise<boolean>((resolve) => fences.push(() => resolve(live))) : Promise.resolve(live)),
  });
  let loads = 0;
  const load = (body: string) => async () => {
    loads++;
    return bytes(body);
  };
  return {
    reads,
    load,
    get loads() {
      return loads;
    },
    advance: (ms: number) => (t += ms),
    setLive: (v: boolean) => (live = v),
    holdFences: () => (manual = true),
    answerFences: () => fences.splice(0).forEach((f) => f()),
  };
}

describe('public reads', () => {
  it('serves a second read of the same list or page from memory', async () => {
    const w = world();
    expect(String(await w.reads.list('q1', w.load('a')))).toBe('a');
    expect(String(await w.reads.list('q1', w.load('b')))).toBe('a');
    expect(String(await w.reads.page('id1', w.load('p')))).toBe('p');
    expect(String(await w.reads.page('id1', w.load('p2')))).toBe('p');
    expect(w.loads).toBe(2);
  });

  it('drops every list and that page on a challenge change, only the page on a page change, everything on *', async () => {
    const w = world();
    await w.reads.list('q1', w.load('list'));
    await w.reads.page('id1', w.load('page1'));
    await w.reads.page('id2', w.load('page2'));

    w.reads.changed('d:id1');
    expect(String(await w.reads.list('q1', w.load('list-new')))).toBe('list');
    expect(String(await w.reads.page('id1', w.load('page1-new')))).toBe('page1-new');

    w.reads.changed('c:id2');
    expect(String(await w.reads.list('q1', w.load('list-new')))).toBe('list-new');
    expect(String(await w.reads.page('id2', w.load('page2-new')))).toBe('page2-new');
    expect(String(await w.reads.page('id1', w.load('x')))).toBe('page1-new');

    w.reads.changed('*');
    expect(String(await w.reads.list('q1', w.load('list-3')))).toBe('list-3');
    expect(String(await w.reads.page('id1', w.load('page1-3')))).toBe('page1-3');
  });

  it('reads the database, and keeps nothing, while the feed cannot vouch for what it holds', async () => {
    const w = world();
    await w.reads.list('q1', w.load('old'));
    w.setLive(false);
    expect(String(await w.reads.list('q1', w.load('new')))).toBe('new');
    expect(String(await w.reads.list('q2', w.load('other')))).toBe('other');
    w.setLive(true);
    w.reads.reset();
    expect(String(await w.reads.list('q2', w.load('fresh')))).toBe('fresh');
  });

  it('expires an entry after its time to live', async () => {
    const w = world({ ttlMs: 1000 });
    await w.reads.page('id1', w.load('v1'));
    w.advance(999);
    expect(String(await w.reads.page('id1', w.load('v2')))).toBe('v1');
    w.advance(1);
    expect(String(await w.reads.page('id1', w.load('v2')))).toBe('v2');
  });

  it('shares one database read among readers who arrive while it runs, and keeps it', async () => {
    const w = world();
    let finish!: (b: Buffer) => void;
    const slow = async () => {
      return new Promise<Buffer>((resolve) => (finish = resolve));
    };
    const first = w.reads.list('q1', slow);
    await Promise.resolve();
    await Promise.resolve();
    const second = w.reads.list('q1', w.load('not used'));
    await new Promise((r) => setImmediate(r));
    finish(bytes('shared'));
    expect([String(await first), String(await second)]).toEqual(['shared', 'shared']);
    expect(w.loads).toBe(0);
    expect(String(await w.reads.list('q1', w.load('not used')))).toBe('shared');
  });

  it('does not keep, nor share, a read during which what it shows changed', async () => {
    const w = world();
    let finish!: (b: Buffer) => void;
    const first = w.reads.list('q1', () => new Promise<Buffer>((resolve) => (finish = resolve)));
    await new Promise((r) => setImmediate(r));
    w.reads.changed('c:any');
    // Arrives after the change: must not get what the first read saw before it.
    const second = w.reads.list('q1', w.load('after'));
    finish(bytes('before'));
    expect(String(await first)).toBe('before');
    expect(String(await second)).toBe('after');
    expect(String(await w.reads.list('q1', w.load('again')))).toBe('after');
  });

  it('looks in memory only once the fence is answered, so a change notified meanwhile is seen', async () => {
    const w = world();
    await w.reads.page('id1', w.load('v1'));
    w.holdFences();
    const read = w.reads.page('id1', w.load('v2'));
    w.reads.changed('d:id1');
    w.answerFences();
    expect(String(await read)).toBe('v2');
  });

  it('keeps at most the configured number of lists, dropping the oldest', async () => {
    const w = world({ maxLists: 2 });
    for (const k of ['a', 'b', 'c']) await w.reads.list(k, w.load(k));
    expect(w.reads.size.lists).toBe(2);
    expect(String(await w.reads.list('a', w.load('a2')))).toBe('a2');
    expect(String(await w.reads.list('c', w.load('c2')))).toBe('c');
  });

  it('passes a failed read to every reader waiting on it and keeps nothing', async () => {
    const w = world();
    await expect(w.reads.page('id1', async () => Promise.reject(new Error('not found')))).rejects.toThrow('not found');
    expect(String(await w.reads.page('id1', w.load('now there')))).toBe('now there');
  });
});
