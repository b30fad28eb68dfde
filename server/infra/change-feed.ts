import pg from 'pg';

/**
 * One PostgreSQL connection that LISTENs on a channel the database's triggers NOTIFY on, so a
 * process learns of every committed change to what it caches, whichever process wrote it.
 *
 * `fence()` is what makes a cache built on it exact rather than nearly right. A notification
 * reaches listeners after the writer's commit, so a reader could otherwise look in its cache
 * between a commit it already knows of and the notification. A fence is a round trip on the
 * listening connection: PostgreSQL signals listeners before it acknowledges the commit, and
 * the listening backend delivers pending notifications before it answers the next command
 * (it processes the notify interrupt as it reads the command), so when a fence sent after a
 * request arrived is answered, every change committed before that request has been handed to
 * `onChange`. Requests share fences: one is in flight at a time, and those arriving meanwhile
 * wait for the next.
 *
 * While the connection is down `fence()` answers false (the caller must not trust its cache)
 * and `onReset` is called: notifications sent meanwhile are lost. It reconnects by itself.
 * Nothing connects until the first fence, so a process that never reads (the worker) never
 * opens the connection.
 */
export interface ChangeFeed {
  /** True once every change committed before the call has reached `onChange`; false when that cannot be known. */
  fence(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ChangeFeedOptions {
  /** How to connect: the same settings as the pool's. */
  connection: pg.ClientConfig;
  /** A channel name: lower-case letters, digits and underscores. */
  channel: string;
  onChange(payload: string): void;
  /** The connection was (re)established or lost: whatever was derived from earlier notifications is stale. */
  onReset(): void;
  /** Wait before reconnecting after a failure. */
  retryMs?: number;
  /** A fence not answered within this long counts as a lost connection. */
  fenceTimeoutMs?: number;
  /** How long a fence waits for a connection being made before answering false. */
  connectWaitMs?: number;
}

export function createChangeFeed(o: ChangeFeedOptions): ChangeFeed {
  if (!/^[a-z_][a-z0-9_]*$/.test(o.channel)) throw new Error(`channel name ${o.channel} is not a plain identifier`);
  const retryMs = o.retryMs ?? 1000;
  const connectWaitMs = o.connectWaitMs ?? 500;
  let state: 'idle' | 'connecting' | 'live' | 'waiting' | 'closed' = 'idle';
  let connecting: Promise<void> | null = null;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let current: Promise<boolean> | null = null;
  let next: Promise<boolean> | null = null;

  function drop(c: pg.Client) {
    if (client !== c) return;
    client = null;
    current = null;
    next = null;
    c.removeAllListeners('notification');
    c.end().catch(() => {});
    if (state === 'closed') return;
    o.onReset();
    state = 'waiting';
    retry = setTimeout(() => {
      retry = null;
      if (state === 'waiting') connecting = connect();
    }, retryMs);
    retry.unref();
  }

  async function connect() {
    state = 'connecting';
    const c = new pg.Client({ ...o.connection, keepAlive: true, query_timeout: o.fenceTimeoutMs ?? 5000 });
    client = c;
    c.on('notification', (n) => {
      if (n.channel === o.channel) o.onChange(n.payload ?? '');
    });
    c.on('error', () => drop(c));
    c.on('end', () => drop(c));
    try {
      await c.connect();
      await c.query(`listen ${o.channel}`);
      if (client !== c || state !== 'connecting') return;
      o.onReset();
      state = 'live';
    } catch {
      drop(c);
    }
  }

  function send(c: pg.Client): Promise<boolean> {
    const p = c.query('select').then(
      () => client === c && state === 'live',
      () => {
        drop(c);
        return false;
      },
    );
    current = p;
    void p.then(() => {
      if (current === p) current = null;
    });
    return p;
  }

  /** A caller waits a little for a connection being made (a few milliseconds when the database is up). */
  async function fenceOnceConnected(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([connecting, new Promise((resolve) => (timer = setTimeout(resolve, connectWaitMs)))]);
    clearTimeout(timer);
    return state === 'live' ? fence() : false;
  }

  function fence(): Promise<boolean> {
    if (state === 'idle') connecting = connect();
    // Not for the pause before the next attempt after a failure: then it answers false at once.
    if (state === 'connecting') return fenceOnceConnected();
    if (state !== 'live' || !client) return Promise.resolve(false);
    const c = client;
    if (!current) return send(c);
    // The fence in flight was sent before this request arrived: it proves nothing about
    // commits between its sending and now. Wait for the next one.
    next ??= current.then(() => {
      next = null;
      return client === c && state === 'live' ? send(c) : false;
    });
    return next;
  }

  return {
    fence,
    async close() {
      state = 'closed';
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      current = null;
      next = null;
      await c?.end().catch(() => {});
    },
  };
}
