import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EVENT_TYPES, errors, HOLDER_TYPES, isoDateParam, RIGHT_KINDS, todayIso } from '../core/index.js';
import { getRegion } from '../reference/index.js';
import type { Store } from '../store/index.js';
import { explainStatus } from './explain.js';
import { registryMeta } from './meta.js';
import { loadRight } from './read.js';
import { firstHolderOn, validity } from './validity.js';

const regionName = z.object({ zh: z.string(), en: z.string().nullable() }).nullable();

function nameOf(code: string | null) {
  const r = code ? getRegion(code) : null;
  return r ? { zh: r.nameZh, en: r.nameEn } : null;
}

const holderSchema = z.object({
  name: z.string(),
  type: z.enum(HOLDER_TYPES),
  country: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName,
  regionConfidence: z.number(),
  regionSource: z.string(),
  address: z.string().nullable(),
});

const rightSchema = z.object({
  id: z.number().int(),
  stub: z.boolean(),
  office: z.string(),
  kind: z.enum(RIGHT_KINDS),
  applicationNumber: z.string(),
  publicationNumber: z.string().nullable(),
  grantNumber: z.string().nullable(),
  filingDate: z.string().nullable(),
  publicationDate: z.string().nullable(),
  grantDate: z.string().nullable(),
  title: z.string().nullable(),
  abstract: z.string().nullable(),
  ipc: z.array(z.string()),
  locarno: z.array(z.string()),
  nice: z.array(z.number()),
  holders: z.array(holderSchema),
  events: z.array(
    z.object({
      type: z.enum(EVENT_TYPES),
      category: z.string().nullable(),
      code: z.string().nullable(),
      office: z.string().nullable(),
      effectiveDate: z.string(),
      recordedDate: z.string(),
      description: z.string().nullable(),
      newHolders: z.array(holderSchema).optional(),
    }),
  ),
  asOf: z.string(),
  knownOn: z.string().nullable(),
  status: z.object({ inForce: z.boolean(), reason: z.string() }),
  validity: z.object({
    intervals: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
    termEnd: z.string().nullable(),
  }),
  firstHolderOnDate: holderSchema.nullable(),
});

/** Registry reads: what the database holds, and one right with its holders, timeline and validity. */
export const registryRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/meta',
    {
      config: { public: 'statistics', permission: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary: 'what the database holds: data version, rights, the default date of the dashboard',
        response: {
          200: z.object({
            dataVersion: z.string(),
            engine: z.enum(['sqlite', 'postgres']),
            rights: z.number().int(),
            rightsByKind: z.record(z.string(), z.number()),
            latestGrantDate: z.string().nullable(),
            defaultDate: z.string(),
            defaultRegion: z.string(),
          }),
        },
      },
    },
    async () => registryMeta(store),
  );

  r.get(
    '/rights/:id',
    {
      config: { public: 'statistics', permission: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary: 'a right: numbers, dates, classifications, holders, legal-status timeline and validity',
        params: z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
        querystring: z.object({
          asOf: isoDateParam.optional().describe('the date of the status and first holder (default today)'),
          knownOn: isoDateParam.optional().describe('as known on this date'),
        }),
        response: { 200: rightSchema },
      },
    },
    async (request) => {
      const right = await loadRight(store, request.params.id);
      if (!right) throw errors.notFound('right', String(request.params.id));
      const asOf = request.query.asOf ?? todayIso();
      const knownOn = request.query.knownOn ?? null;
      const v = validity(right, knownOn);
      const withName = <H extends { regionCode: string | null }>(h: H) => ({
        ...h,
        regionName: nameOf(h.regionCode),
      });
      const first = firstHolderOn(right, asOf, knownOn);
      return {
        ...right,
        holders: right.holders.map(withName),
        events: right.events.map(({ newHolders, ...e }) => ({
          ...e,
          ...(newHolders ? { newHolders: newHolders.map(withName) } : {}),
        })),
        asOf,
        knownOn,
        status: explainStatus(right, asOf, knownOn),
        validity: { intervals: v.intervals, termEnd: v.termEnd },
        firstHolderOnDate: first ? withName(first) : null,
      };
    },
  );
};
