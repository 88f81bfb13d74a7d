import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../core/index.js';
import { ipcClasses, ipcEntry, ipcSections, ipcSubclasses } from './ipc.js';
import { allNiceClasses } from './nice.js';
import { populationOf, populationYearFor } from './population.js';
import { ancestors, children, getRegion, provinces, type Region, resolveRegionSelector } from './regions.js';

interface RegionNode {
  code: string;
  name: string;
  nameEn: string | null;
  level: Region['level'];
  children?: RegionNode[];
}

function node(r: Region, depth: number): RegionNode {
  const n: RegionNode = { code: r.code, name: r.nameZh, nameEn: r.nameEn, level: r.level };
  if (depth > 0) n.children = children(r.code).map((c) => node(c, depth - 1));
  return n;
}

const regionNode: z.ZodType<RegionNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    level: z.enum(['province', 'city', 'district']),
    children: z.array(regionNode).optional(),
  }),
);

const ipcSchema = z.object({
  code: z.string(),
  level: z.string(),
  parent: z.string().nullable(),
  title: z.string(),
});

/** Reference data: the region tree, IPC, Nice classes. */
export const referenceRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/reference/regions',
    {
      config: { public: 'statistics', permission: 'stats:read' },
      schema: {
        tags: ['reference'],
        summary: 'the region tree (GB/T 2260), from all provinces or from a root',
        querystring: z.object({
          root: z
            .string()
            .max(100)
            .optional()
            .describe('a code, name or named region (central); default: all provinces'),
          depth: z.coerce.number().int().min(0).max(2).default(1).describe('levels below the roots (0–2)'),
        }),
        response: { 200: z.array(regionNode) },
      },
    },
    async (request) => {
      const { root, depth } = request.query;
      const roots = root ? resolveRegionSelector(root).map((c) => getRegion(c)!) : provinces();
      return roots.map((x) => node(x, depth));
    },
  );

  r.get(
    '/reference/regions/:code',
    {
      config: { public: 'statistics', permission: 'stats:read' },
      schema: {
        tags: ['reference'],
        summary: 'one region with its ancestors, children and population',
        params: z.object({
          code: z.string().regex(/^\d{2}(\d{4})?$/, 'is not a GB/T 2260 code (2 or 6 digits)'),
        }),
        querystring: z.object({ year: z.coerce.number().int().min(1949).max(2100).optional() }),
        response: {
          200: z.object({
            code: z.string(),
            name: z.string(),
            nameEn: z.string().nullable(),
            level: z.string(),
            ancestors: z.array(
              z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
            ),
            children: z.array(
              z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
            ),
            population: z
              .object({ year: z.number(), value: z.number(), quality: z.string(), source: z.string() })
              .nullable(),
          }),
        },
      },
    },
    async (request) => {
      const region = getRegion(request.params.code);
      if (!region) throw errors.notFound('region', request.params.code);
      const year = request.query.year ?? populationYearFor(new Date().toISOString().slice(0, 10));
      const pop = populationOf(region.code, year);
      const brief = (x: Region) => ({ code: x.code, name: x.nameZh, nameEn: x.nameEn });
      return {
        code: region.code,
        name: region.nameZh,
        nameEn: region.nameEn,
        level: region.level,
        ancestors: ancestors(region.code)
          .filter((a) => a.code !== region.code)
          .map(brief),
        children: children(region.code).map(brief),
        population: pop
          ? { year: pop.year, value: pop.value, quality: pop.quality, source: pop.source }
          : null,
      };
    },
  );

  r.get(
    '/reference/ipc',
    {
      config: { public: 'statistics', permission: 'stats:read' },
      schema: {
        tags: ['reference'],
        summary:
          'IPC 2023.01 down to subclasses: sections, the classes of a section, the subclasses of a class',
        querystring: z.object({
          prefix: z
            .string()
            .regex(/^[A-Ha-h](\d{1,2}[A-Za-z]?)?$/, 'is not an IPC section, class or subclass (H, H01, H01M)')
            .optional(),
        }),
        response: { 200: z.array(ipcSchema) },
      },
    },
    async (request) => {
      const p = request.query.prefix?.toUpperCase();
      const list = !p
        ? ipcSections()
        : p.length === 1
          ? ipcClasses(p)
          : p.length === 3
            ? ipcSubclasses(p)
            : [];
      const entries = p && p.length === 4 ? [ipcEntry(p)].filter((e) => e !== null) : list;
      if (p && entries.length === 0) throw errors.notFound('IPC entry', p);
      return entries.map((e) => ({ code: e.code, level: e.level, parent: e.parent, title: e.title }));
    },
  );

  r.get(
    '/reference/nice',
    {
      config: { public: 'statistics', permission: 'stats:read' },
      schema: {
        tags: ['reference'],
        summary: 'the 45 Nice classes (NCL 13), headings in English and Chinese',
        response: {
          200: z.array(
            z.object({
              number: z.number(),
              kind: z.string(),
              headingEn: z.string(),
              headingZh: z.string(),
              shortZh: z.string(),
            }),
          ),
        },
      },
    },
    async () =>
      allNiceClasses().map((c) => ({
        number: c.number,
        kind: c.kind,
        headingEn: c.headingEn,
        headingZh: c.headingZh,
        shortZh: c.shortZh,
      })),
  );
};
