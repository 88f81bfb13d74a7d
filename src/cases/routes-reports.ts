import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userOf } from '../auth/index.js';
import { errors, isoDateParam } from '../core/index.js';
import { verifyAudit } from './audit.js';
import { caseReport, REPORT_PERIODS, reportCsv, reportXlsx } from './reports.js';
import type { CaseRouteOptions } from './routes-shared.js';
import { CASE_TYPES } from './types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const figures = {
  received: z.number().int(),
  handled: z.number().int().describe('concluded by the center in the period (see docs/cases-api.md)'),
  medianDays: z.number().nullable().describe('working days, submission to conclusion'),
  p90Days: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  passRate: z.number().nullable().describe('pre-examination: passed / (passed + failed)'),
};

const reportSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(REPORT_PERIODS),
  rows: z.array(
    z.object({
      period: z.string(),
      centerId: z.string(),
      centerName: z.string(),
      centerKind: z.string(),
      type: z.enum(CASE_TYPES),
      ...figures,
    }),
  ),
  totals: z.object({ ...figures, centers: z.number().int() }),
  byCenter: z.array(z.object({ centerId: z.string(), centerName: z.string(), ...figures })),
  byType: z.array(z.object({ type: z.enum(CASE_TYPES), ...figures })),
  handledTotal: z.number().int(),
});
/** The center reports and the audit trail's check. */
export const reportRoutes: FastifyPluginAsync<CaseRouteOptions> = async (app, { store }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/case-reports',
    {
      config: { permission: 'cases:report' },
      schema: {
        tags: ['cases'],
        summary:
          'cases received and handled per center, type and period; processing time; on-time and pass rates',
        description:
          'Officers: their own center only. `format=csv` or `xlsx` gives the same report as a file.',
        querystring: z.object({
          from: isoDateParam,
          to: isoDateParam,
          center: z.string().min(1).max(64).optional(),
          by: z.enum(REPORT_PERIODS).default('total'),
          format: z.enum(['json', 'csv', 'xlsx']).default('json'),
        }),
        response: {
          200: {
            description: 'the report; as a file with format=csv or xlsx',
            content: {
              'application/json': { schema: reportSchema },
              'text/csv': { schema: z.string() },
              [XLSX]: { schema: z.unknown().meta({ type: 'string', format: 'binary' }) },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { user } = userOf(request);
      const q = request.query;
      if (user.role === 'officer' && q.center && q.center !== user.centerId) {
        throw errors.forbidden(`officers report on their own center (${user.centerId})`);
      }
      const centerId = user.role === 'officer' ? (user.centerId ?? '') : q.center;
      const report = await caseReport(store, {
        from: q.from,
        to: q.to,
        by: q.by,
        ...(centerId ? { centerId } : {}),
      });
      const name = `case-report-${q.from}-${q.to}${centerId ? `-${centerId}` : ''}`;
      if (q.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(reportCsv(report));
      }
      if (q.format === 'xlsx') {
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(Buffer.from(reportXlsx(report)));
      }
      return { ...report, handledTotal: report.totals.handled };
    },
  );

  r.get(
    '/audit/verify',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags: ['cases'],
        summary: 'walk the hash-chained audit trail (administrators)',
        description:
          'ok, the number of entries, the head to record elsewhere, and the first entry that does not hold.',
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number().int(),
            head: z.object({ seq: z.number().int(), hash: z.string() }),
            firstBad: z
              .object({
                seq: z.number().int(),
                reason: z.enum(['edited', 'deleted', 'reordered', 'appended']),
              })
              .optional(),
          }),
        },
      },
    },
    async () => verifyAudit(store),
  );
};
