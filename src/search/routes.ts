import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cursorParam,
  HOLDER_TYPES,
  isoDateParam,
  kindsParam,
  limitParam,
  pageOf,
  RIGHT_KINDS,
} from '../core/index.js';
import { getRegion, regionsParam } from '../reference/index.js';
import type { Store } from '../store/index.js';
import { searchRights } from './search.js';

const hit = z.object({
  id: z.number().int(),
  kind: z.enum(RIGHT_KINDS),
  office: z.string(),
  number: z.string(),
  title: z.string().nullable(),
  filingDate: z.string().nullable(),
  grantDate: z.string().nullable(),
  holder: z.string().nullable(),
  holderType: z.enum(HOLDER_TYPES),
  region: z.string(),
  regionName: z.object({ zh: z.string(), en: z.string().nullable() }).nullable(),
});

/** `GET /api/rights`: registry search with filters and cursor pagination. */
export const searchRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/rights',
    {
      config: { public: 'statistics', permission: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary: 'search rights by number, title words, holder, IPC, region, kind and in-force date',
        description:
          'Every filter given must match. Newest first (by id). Title words match as substrings, Chinese or English, case-insensitive.',
        querystring: z.object({
          number: z
            .string()
            .max(60)
            .optional()
            .describe('any form of an application, publication or grant number'),
          q: z.string().max(200).optional().describe('title words; each must occur'),
          holder: z
            .string()
            .max(200)
            .optional()
            .describe('part of the name of any holder the right ever had'),
          ipc: z
            .string()
            .max(40)
            .optional()
            .describe('IPC code or prefix: H01M, H01M 10, H01M 10/0525, H01M10/05*'),
          region: regionsParam.optional(),
          kind: kindsParam.optional(),
          inForceOn: isoDateParam.optional().describe('only rights in force on this date'),
          cursor: cursorParam.optional(),
          limit: limitParam,
        }),
        response: { 200: pageOf(hit) },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await searchRights(store, {
        ...(q.number ? { number: q.number } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.holder ? { holder: q.holder } : {}),
        ...(q.ipc ? { ipc: q.ipc } : {}),
        ...(q.region ? { regions: q.region } : {}),
        ...(q.kind ? { kinds: q.kind } : {}),
        ...(q.inForceOn ? { inForceOn: q.inForceOn } : {}),
        cursor: q.cursor ?? null,
        limit: q.limit,
      });
      return {
        items: page.items.map((h) => {
          const r = h.region ? getRegion(h.region) : null;
          return { ...h, regionName: r ? { zh: r.nameZh, en: r.nameEn } : null };
        }),
        nextCursor: page.nextCursor,
      };
    },
  );
};
