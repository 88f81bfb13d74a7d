import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../store/index.js';
import { problem, sendProblem } from './problem.js';

/** `/healthz`: the process runs. `/readyz`: it can answer from the database. */
export const healthRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'readiness: the database answers',
        response: { 200: z.object({ status: z.literal('ready'), dataVersion: z.string() }) },
      },
    },
    async (request, reply) => {
      try {
        const row = await store.db
          .selectFrom('meta')
          .select('value')
          .where('key', '=', 'data_version')
          .executeTakeFirst();
        return { status: 'ready' as const, dataVersion: row?.value ?? '0' };
      } catch (e) {
        request.log.warn({ err: e }, 'not ready');
        return sendProblem(reply, problem(503, 'not_ready', 'the database does not answer', request.url));
      }
    },
  );
};
