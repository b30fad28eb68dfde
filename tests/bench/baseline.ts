/**
 * The ceiling the API is measured against (issue 9): a bare Fastify with one pg.Pool, no
 * plugins, no session, no schema, serving one challenge row by its primary key. Whatever an
 * endpoint does beyond that (sessions, validation, several queries, serialising a larger body)
 * shows as the gap between its throughput and this one's on the same machine at the same
 * connections. Run as its own process by tests/bench/run.ts, like the API.
 *
 * Env: DATABASE_URL, PORT, DATABASE_POOL_MAX (default 10, the API's default).
 */
import Fastify from 'fastify';
import pg from 'pg';

export const baselinePath = (id: string) => `/challenges/${id}`;

async function main() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/challenges/:id', async (req, reply) => {
    const r = await pool.query('select id, title, status, published_at from challenges where id = $1', [req.params.id]);
    if (!r.rows[0]) return reply.code(404).send({ message: 'not found' });
    return r.rows[0];
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
