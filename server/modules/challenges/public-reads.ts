import type { ClientConfig } from 'pg';
import { createChangeFeed } from '../../infra/change-feed';

/**
 * What anonymous readers get from the public list, search and a challenge's page, kept as the
 * response bytes: every anonymous reader gets the same, and at 100,000 challenges reading and
 * serialising them again for each visitor cost far more than serving bytes (tests/bench).
 * Signed-in readers are never served from here: they may see more (their drafts, directed
 * challenges, restricted descriptions).
 *
 * Kept exact by the database's notifications (db/migrations/0015_public_read_notifications.sql):
 * a change to a public challenge's row ("c:<id>") drops every list and that challenge's page;
 * a change to what only its page shows, questions, documents, joint publishers ("d:<id>"),
 * drops the page; a change to an organisation's name or a batch ("*") drops everything. Each
 * read first waits for a fence of the change feed (server/infra/change-feed.ts), so a change
 * committed before a request arrived is never hidden by an older entry, in this process or any
 * other. An entry also expires after `ttlMs`, a safety net should a write ever bypass the
 * triggers. Nothing here depends on the clock: anonymous responses hold no "now" (whether a
 * challenge is open for questions is false for anonymous readers whatever the time; closing at
 * the deadline is a write, and notifies).
 */
export interface PublicReadsOptions {
  /** Resolves true when every change committed before the call has been passed to `changed`. */
  fence(): Promise<boolean>;
  ttlMs?: number;
  maxLists?: number;
  maxPages?: number;
  /** Milliseconds, monotonic: entry ages, not business time. */
  now?: () => number;
}

interface Entry {
  body: Buffer;
  expires: number;
}

interface Flight {
  body: Promise<Buffer>;
  /** An invalidation arrived while it read: its result may predate the change. */
  stale: boolean;
}

class Shelf {
  readonly entries = new Map<string, Entry>();
  readonly flights = new Map<string, Flight>();
  constructor(private readonly max: number) {}

  put(key: string, entry: Entry) {
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Oldest first in a Map's order: drop from the front past the limit.
    for (const k of this.entries.keys()) {
      if (this.entries.size <= this.max) break;
      this.entries.delete(k);
    }
  }

  drop(key: string) {
    this.entries.delete(key);
    const f = this.flights.get(key);
    if (f) f.stale = true;
  }

  dropAll() {
    this.entries.clear();
    for (const f of this.flights.values()) f.stale = true;
  }
}

export function createPublicReads(o: PublicReadsOptions) {
  const ttlMs = o.ttlMs ?? 30_000;
  const now = o.now ?? (() => performance.now());
  const lists = new Shelf(o.maxLists ?? 2000);
  const pages = new Shelf(o.maxPages ?? 5000);

  async function read(shelf: Shelf, key: string, load: () => Promise<Buffer>): Promise<Buffer> {
    if (!(await o.fence())) return load();
    const hit = shelf.entries.get(key);
    if (hit && hit.expires > now()) return hit.body;
    // A read already under way may be joined: nothing it shows changed since it began (the
    // fence above delivered every change committed before this request).
    const running = shelf.flights.get(key);
    if (running && !running.stale) return running.body;
    const flight: Flight = { stale: false, body: load() };
    shelf.flights.set(key, flight);
    try {
      const body = await flight.body;
      if (!flight.stale) shelf.put(key, { body, expires: now() + ttlMs });
      return body;
    } finally {
      if (shelf.flights.get(key) === flight) shelf.flights.delete(key);
    }
  }

  return {
    /** A page of the public list or search, by a key naming the whole query. */
    list: (key: string, load: () => Promise<Buffer>) => read(lists, key, load),
    /** A challenge's page. */
    page: (id: string, load: () => Promise<Buffer>) => read(pages, id, load),
    /** A notification's payload: `c:<id>`, `d:<id>` or `*`. */
    changed(payload: string) {
      const [kind, id = ''] = payload.split(':', 2);
      if (kind === 'd') return pages.drop(id);
      if (kind === 'c') {
        lists.dropAll();
        return pages.drop(id);
      }
      lists.dropAll();
      pages.dropAll();
    },
    /** Everything is stale: the feed reconnected, and notifications may have been missed. */
    reset() {
      lists.dropAll();
      pages.dropAll();
    },
    get size() {
      return { lists: lists.entries.size, pages: pages.entries.size };
    },
  };
}
export type PublicReads = ReturnType<typeof createPublicReads>;

/** The channel db/migrations/0015_public_read_notifications.sql notifies on. */
export const publicReadsChannel = 'public_reads';

/** Public reads kept exact by the database's notifications, on a connection of their own (opened on first use). */
export function databasePublicReads(connection: ClientConfig, o: Omit<PublicReadsOptions, 'fence'> = {}): PublicReads & { close(): Promise<void> } {
  const feed = createChangeFeed({ connection: { ...connection, application_name: 'jiebang public reads' }, channel: publicReadsChannel, onChange: (p) => reads.changed(p), onReset: () => reads.reset() });
  const reads = createPublicReads({ ...o, fence: feed.fence });
  return Object.assign(reads, { close: feed.close });
}

/** Reads that always go to the database: a fence that never vouches for anything. */
export function uncachedPublicReads(): PublicReads & { close(): Promise<void> } {
  return Object.assign(createPublicReads({ fence: async () => false }), { close: async () => {} });
}
