import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../store/index.js';
import { customIndustries, customSchemes } from './custom.js';
import { allSchemes } from './schemes.js';

const name = z.object({ zh: z.string(), en: z.string() });

/** The industry schemes (shipped and administrator-defined) and their industries. */
export const industryRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/industries',
    {
      config: { public: 'statistics', permission: 'stats:read' },
      schema: {
        tags: ['reference'],
        summary: 'industry schemes and their industries (ids for the `industry` filter of statistics)',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              name,
              source: z.string(),
              industries: z.array(
                z.object({ id: z.string(), parent: z.string().nullable(), name, rules: z.number().int() }),
              ),
            }),
          ),
        },
      },
    },
    async () => {
      const schemes = [...allSchemes(), ...customSchemes(await customIndustries(store.db))];
      return schemes.map((s) => ({
        id: s.id,
        name: s.name,
        source: s.source,
        industries: s.industries.map((i) => ({
          id: i.id,
          parent: i.parent,
          name: i.name,
          rules: i.rules.length,
        })),
      }));
    },
  );
};
