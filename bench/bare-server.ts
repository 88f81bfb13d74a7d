import Fastify from 'fastify';
import pg from 'pg';

/**
 * The ceilings of the load benches: bare Fastify routes on the same machine, in their own process.
 * `/bare` answers a constant (the API bench). With `IPREGION_BENCH_BARE_PG` (a PostgreSQL URL whose
 * search path holds `bench_rows`), `GET /rows/:id` reads a row's version and `POST /rows/:id`
 * updates it on the version read (409 if it changed): one prepared statement per request over a
 * pool of 4, no session, no validation, no log — the least any server can do for a read and a
 * version-guarded write over HTTP (the cases bench).
 */
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'ok' }));

const pgUrl = process.env.IPREGION_BENCH_BARE_PG;
const pool = pgUrl ? new pg.Pool({ connectionString: pgUrl, max: 4 }) : null;
if (pool) {
  app.get<{ Params: { id: string } }>('/rows/:id', async (req, reply) => {
    const r = await pool.query<{ version: number }>({
      name: 'bare-read',
      text: 'select version from bench_rows where id = $1',
      values: [Number(req.params.id)],
    });
    if (r.rows.length === 0) return reply.code(404).send({ code: 'not_found' });
    return { version: r.rows[0]!.version };
  });
  app.post<{ Params: { id: string }; Body: { version: number } }>('/rows/:id', async (req, reply) => {
    const r = await pool.query<{ version: number }>({
      name: 'bare-write',
      text: 'update bench_rows set version = version + 1 where id = $1 and version = $2 returning version',
      values: [Number(req.params.id), req.body.version],
    });
    if (r.rows.length === 0) return reply.code(409).send({ code: 'conflict' });
    return { version: r.rows[0]!.version };
  });
}

const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.on('SIGTERM', () => {
  app
    .close()
    .then(() => pool?.end())
    .then(() => process.exit(0));
});
