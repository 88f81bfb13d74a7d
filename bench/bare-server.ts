import Fastify from 'fastify';

/** The ceiling for the API load bench: a bare Fastify route on the same machine, in its own process. */
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'ok' }));
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
