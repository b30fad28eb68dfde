import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisDurabilityWarnings } from '../../jobs/queue-backend';
import { startPrivateRedis, type PrivateRedis } from '../reliability/fault-helpers';

/**
 * The worker warns at start-up when Redis is configured to lose jobs (jobs/runtime.ts logs
 * these sentences): no append-only file, or an eviction policy. Private redis-servers, so the
 * configuration is the test's own whatever the machine's Redis runs with.
 */
const servers: PrivateRedis[] = [];
const clients: Redis[] = [];
afterAll(async () => {
  for (const c of clients) c.disconnect();
  for (const s of servers) await s.close();
});

async function client(o: { appendonly: boolean }) {
  const server = await startPrivateRedis(o);
  servers.push(server);
  const c = new Redis(server.url, { maxRetriesPerRequest: 1 });
  clients.push(c);
  return c;
}

describe('Redis durability warnings', () => {
  it('says nothing for Redis run as docker-compose.yml runs it', async () => {
    expect(await redisDurabilityWarnings(await client({ appendonly: true }))).toEqual([]);
  });

  it('warns that delayed jobs are lost on restart without an append-only file', async () => {
    const warnings = await redisDurabilityWarnings(await client({ appendonly: false }));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/appendonly no.*--appendonly yes/);
  });

  it('warns about an eviction policy', async () => {
    const c = await client({ appendonly: true });
    await c.config('SET', 'maxmemory-policy', 'allkeys-lru');
    expect(await redisDurabilityWarnings(c)).toEqual([expect.stringContaining('maxmemory-policy allkeys-lru')]);
  });

  it('says it cannot tell when INFO is refused', async () => {
    const c = await client({ appendonly: true });
    await c.call('ACL', 'SETUSER', 'default', '-info');
    const [warning] = await redisDurabilityWarnings(c);
    expect(warning).toMatch(/could not read Redis INFO/);
  });
});
