import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addYears, errors, isoDateParam } from '../core/index.js';
import { populationOfRegions, populationYearFor } from '../reference/index.js';
import { DIMENSIONS, type Dimension } from './engine.js';
import { type Figure, figures } from './figures.js';
import { FLOW_TYPES, flows } from './flows.js';
import { answer, figureFilters, notModified, type StatsRouteOptions } from './route-shared.js';
import { drillRoutes } from './routes-drill.js';

const groupByParam = z
  .string()
  .transform((s, ctx) => {
    const dims = s.split(',').filter((d) => d.trim());
    const wrong = dims.filter((d) => !DIMENSIONS.includes(d as Dimension));
    if (wrong.length) {
      ctx.addIssue({
        code: 'custom',
        message: `"${wrong.join(', ')}" is not one of ${DIMENSIONS.join(', ')}`,
      });
      return z.NEVER;
    }
    return dims as Dimension[];
  })
  .describe(`break down by, comma-separated: ${DIMENSIONS.join(', ')}`);

const groupSchema = z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.string().optional()])));

const figureSchema = z.object({
  group: groupSchema,
  value: z.number().int(),
  previousYear: z.number().int(),
  yoy: z.number().nullable(),
  compareTo: z.object({ date: z.string(), value: z.number(), change: z.number().nullable() }).optional(),
  population: z
    .number()
    .optional()
    .describe('people in the group’s region, in 10,000 persons (year-end before the date)'),
  perTenThousand: z.number().nullable().optional(),
});

function regionOfGroup(f: Figure, regions: readonly string[] | undefined): readonly string[] | null {
  const code = f.group.district ?? f.group.city ?? f.group.province;
  if (code) return [code];
  return regions && regions.length > 0 ? regions : null;
}

export const statsRoutes: FastifyPluginAsync<StatsRouteOptions> = async (app, { store, engine }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/stats/figures',
    {
      config: { public: 'statistics', permission: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: 'rights in force on a date, with year-on-year change, by any breakdown',
        querystring: z.object({
          date: isoDateParam.describe('the date the rights are in force on'),
          ...figureFilters,
          groupBy: groupByParam.optional(),
          vs: isoDateParam.optional().describe('also compare with this date'),
          density: z.enum(['true', 'false']).optional().describe('add population and per 10,000 people'),
        }),
        response: {
          304: notModified,
          200: z.object({
            question: z.record(z.string(), z.unknown()),
            dataVersion: z.string(),
            counts: z.string(),
            figures: z.array(figureSchema),
          }),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      return answer(engine, request, reply, async (version) => {
        const groupBy = q.groupBy ?? [];
        const industry = groupBy.includes('industry') ? (q.industry ?? '*') : (q.industry ?? null);
        const rows = await figures(engine, {
          date: q.date,
          knownOn: q.knownOn ?? null,
          vs: q.vs ?? null,
          ...(q.region ? { regions: q.region } : {}),
          ...(q.kind ? { kinds: q.kind } : {}),
          ...(q.holderType ? { holderTypes: q.holderType } : {}),
          industry,
          groupBy,
        });
        const year = populationYearFor(q.date);
        const out = rows.map((f) => {
          if (q.density !== 'true') return f;
          const codes = regionOfGroup(f, q.region);
          const pop = codes ? populationOfRegions(codes, year) : null;
          if (!pop) return { ...f, perTenThousand: null };
          return {
            ...f,
            population: pop.value,
            perTenThousand: pop.value > 0 ? Math.round((f.value / pop.value) * 100) / 100 : null,
          };
        });
        return {
          question: { ...q, industry },
          dataVersion: version,
          counts: 'rights in force on the date whose first holder on that date is located in the region',
          figures: out,
        };
      });
    },
  );

  r.get(
    '/stats/trend',
    {
      config: { public: 'statistics', permission: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: 'the same figure on several dates (e.g. year ends)',
        querystring: z.object({
          dates: z
            .string()
            .transform((s, ctx) => {
              const list = s.split(',').map((d) => d.trim());
              const bad = list.filter((d) => !isoDateParam.safeParse(d).success);
              if (bad.length || list.length > 40) {
                ctx.addIssue({
                  code: 'custom',
                  message: bad.length ? `"${bad.join(', ')}" is not a date (YYYY-MM-DD)` : 'at most 40 dates',
                });
                return z.NEVER;
              }
              return list;
            })
            .describe('dates, comma-separated, at most 40'),
          ...figureFilters,
        }),
        response: {
          304: notModified,
          200: z.object({
            dataVersion: z.string(),
            points: z.array(
              z.object({ date: z.string(), value: z.number().int(), yoy: z.number().nullable() }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      return answer(engine, request, reply, async (version) => {
        const base = {
          knownOn: q.knownOn ?? null,
          ...(q.region ? { regions: q.region } : {}),
          ...(q.kind ? { kinds: q.kind } : {}),
          ...(q.holderType ? { holderTypes: q.holderType } : {}),
          industry: q.industry ?? null,
        };
        const value = async (date: string) => (await engine.count({ ...base, date }))[0]?.value ?? 0;
        const points = await Promise.all(
          q.dates.map(async (date) => {
            const [now, before] = await Promise.all([value(date), value(addYears(date, -1))]);
            return { date, value: now, yoy: before === 0 ? null : (now - before) / before };
          }),
        );
        return { dataVersion: version, points };
      });
    },
  );

  r.get(
    '/stats/flows',
    {
      config: { public: 'statistics', permission: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: 'grants, lapses, expiries, invalidations, renewals, transfers in and out over a period',
        querystring: z.object({
          from: isoDateParam.describe('first day of the period'),
          to: isoDateParam.describe('last day of the period'),
          knownOn: figureFilters.knownOn,
          region: figureFilters.region,
          kind: figureFilters.kind,
        }),
        response: {
          304: notModified,
          200: z.object({
            dataVersion: z.string(),
            flows: z.object(Object.fromEntries(FLOW_TYPES.map((t) => [t, z.number().int()]))),
          }),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if (q.from > q.to) throw errors.invalidInput(`query.from: ${q.from} is after query.to ${q.to}`);
      return answer(engine, request, reply, async (version) => {
        const result = await flows(store, {
          from: q.from,
          to: q.to,
          knownOn: q.knownOn ?? null,
          ...(q.region ? { regions: q.region } : {}),
          ...(q.kind ? { kinds: q.kind } : {}),
        });
        return { dataVersion: version, flows: result };
      });
    },
  );

  await app.register(drillRoutes, { store, engine });
};
