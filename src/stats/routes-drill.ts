import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorParam, errors, HOLDER_TYPES, isoDateParam, RIGHT_KINDS } from '../core/index.js';
import { industryById } from '../industries/index.js';
import { getRegion } from '../reference/index.js';
import { type DrillQuery, type DrillRow, drillDown } from './brute.js';
import { buildReport } from './report.js';
import { reportHtml, reportMarkdown } from './report-render.js';
import { answer, figureFilters, notModified, type StatsRouteOptions } from './route-shared.js';

const drillItem = z.object({
  id: z.number().int(),
  kind: z.enum(RIGHT_KINDS),
  number: z.string(),
  title: z.string().nullable(),
  holder: z.string().nullable(),
  holderType: z.enum(HOLDER_TYPES),
  region: z.string(),
  regionName: z.object({ zh: z.string(), en: z.string().nullable() }).nullable(),
});

function named(row: DrillRow) {
  const r = row.region ? getRegion(row.region) : null;
  return { ...row, regionName: r ? { zh: r.nameZh, en: r.nameEn } : null };
}

function parseCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const n = Number(cursor);
  if (!/^\d{1,15}$/.test(cursor) || !Number.isSafeInteger(n)) {
    throw errors.invalidInput(`query.cursor: "${cursor}" is not a cursor this list gave`);
  }
  return n;
}

const CSV_COLUMNS = [
  'id',
  'kind',
  'number',
  'title',
  'holder',
  'holderType',
  'region',
  'regionName',
] as const;

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Every right behind a figure as CSV, read a page at a time so memory stays flat however many. */
async function* csvLines(store: StatsRouteOptions['store'], q: Omit<DrillQuery, 'limit' | 'after'>) {
  yield `${CSV_COLUMNS.join(',')}\n`;
  let after = 0;
  for (;;) {
    const page = await drillDown(store, { ...q, after, limit: 5000 });
    if (page.length === 0) return;
    let chunk = '';
    for (const row of page) {
      const r = named(row);
      chunk += `${[r.id, r.kind, r.number, r.title, r.holder, r.holderType, r.region, r.regionName?.zh]
        .map(csvField)
        .join(',')}\n`;
    }
    yield chunk;
    after = page[page.length - 1]!.id;
  }
}

const drillQuery = z.object({
  date: isoDateParam.describe('the date of the figure'),
  ...figureFilters,
});

/** The figure's question as a drill-down query: the same filters select the same rights. */
function drillBase(q: z.output<typeof drillQuery>): Omit<DrillQuery, 'limit' | 'after'> {
  if (q.industry === '*') throw errors.invalidInput('query.industry: drill into one industry, not "*"');
  return {
    date: q.date,
    knownOn: q.knownOn ?? null,
    ...(q.region ? { regions: q.region } : {}),
    ...(q.kind ? { kinds: q.kind } : {}),
    ...(q.holderType ? { holderTypes: q.holderType } : {}),
    industry: q.industry ?? null,
  };
}

/** The rights behind a figure, and the regional report. */
export const drillRoutes: FastifyPluginAsync<StatsRouteOptions> = async (app, { store, engine }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/stats/drill',
    {
      config: { public: 'statistics', permission: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: 'the rights behind a figure, a page at a time',
        querystring: drillQuery.extend({
          cursor: cursorParam.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          304: notModified,
          200: z.object({ items: z.array(drillItem), nextCursor: z.string().nullable() }),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const base = drillBase(q);
      return answer(engine, request, reply, async () => {
        const rows = await drillDown(store, { ...base, after: parseCursor(q.cursor), limit: q.limit + 1 });
        const page = rows.slice(0, q.limit);
        const last = page[page.length - 1];
        return {
          items: page.map(named),
          nextCursor: rows.length > q.limit && last ? String(last.id) : null,
        };
      });
    },
  );

  r.get(
    '/stats/drill.csv',
    {
      config: { public: 'statistics', permission: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: 'every right behind a figure, as CSV (UTF-8, one header line)',
        querystring: drillQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const q = request.query;
      const base = drillBase(q);
      const name = `rights-${q.date}${q.region ? `-${q.region.join('_')}` : ''}${q.kind ? `-${q.kind.join('_')}` : ''}.csv`;
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`);
      return reply.send(Readable.from(csvLines(store, base)));
    },
  );

  r.get(
    '/stats/report',
    {
      config: { public: 'statistics', permission: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary:
          'the regional report: headline figures, provinces, cities, pilot zones, holder types, industries',
        querystring: z.object({
          region: z.string().min(1).max(200).default('central').describe('a code, a name or a named region'),
          date: isoDateParam.describe('the date of the figures'),
          knownOn: figureFilters.knownOn,
          format: z.enum(['json', 'html', 'md']).default('json'),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const industryName = (id: string) => industryById(id)?.name ?? null;
      const text = await answer(engine, request, reply, async () => {
        const report = await buildReport(engine, {
          region: q.region,
          asOf: q.date,
          knownOn: q.knownOn ?? null,
        });
        if (q.format === 'html') return reportHtml(report, industryName);
        if (q.format === 'md') return `${reportMarkdown(report, industryName)}\n`;
        return JSON.stringify(report);
      });
      if (typeof text !== 'string') return text;
      const type = { html: 'text/html', md: 'text/markdown', json: 'application/json' }[q.format];
      return reply.type(`${type}; charset=utf-8`).send(text);
    },
  );
};
