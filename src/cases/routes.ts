import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, type User, userOf } from '../auth/index.js';
import { cursorParam, errors, limitParam, pageOf } from '../core/index.js';
import type { Store } from '../store/index.js';
import { chinaToday } from './actors.js';
import { type Case, type CaseFilter, listCases } from './repository.js';
import { caseWriteRoutes } from './routes-case-writes.js';
import { centerRoutes } from './routes-centers.js';
import { evidenceRoutes } from './routes-evidence.js';
import { publicRoutes } from './routes-public.js';
import { reportRoutes } from './routes-reports.js';
import { caseIdParams, caseSummarySchema, caseViewSchema } from './routes-schemas.js';
import { type CaseRouteOptions, caseViewFor, visiblePage } from './routes-shared.js';
import { CASE_TYPES } from './types.js';
import { withDeadlines } from './view.js';
import { deadlineAlerts } from './watch.js';

export type { CaseRouteOptions } from './routes-shared.js';

const listQuery = z.object({
  center: z.string().min(1).max(100).optional().describe('a center id (officers: their own)'),
  state: z.string().min(1).max(60).optional(),
  type: z.enum(CASE_TYPES).optional(),
  status: z.enum(['overdue', 'due_soon']).optional().describe('open cases past or near a deadline today'),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .describe('officers: the cases given to them; enterprise users: the cases they filed'),
  cursor: cursorParam.optional(),
  limit: limitParam,
});

/** Whether a case passes the list's filter (for lists built from the deadline pass). */
function matches(c: Case, f: CaseFilter): boolean {
  return (
    (!f.centerId || c.centerId === f.centerId) &&
    (!f.creditCode || c.applicant.creditCode === f.creditCode) &&
    (!f.type || c.type === f.type) &&
    (!f.state || c.state === f.state) &&
    (f.officerId === undefined || c.officerId === f.officerId) &&
    (f.applicantUserId === undefined || c.applicant.userId === f.applicantUserId) &&
    (!f.after || c.number > f.after)
  );
}

/** The caller's view of the list: officers their center's cases, enterprise users their own. */
function listFilter(user: User, q: z.infer<typeof listQuery>): CaseFilter {
  if (!can(user, 'cases:read') && !can(user, 'cases:report')) {
    throw errors.forbidden(`the ${user.role} role does not read cases`);
  }
  const f: CaseFilter = {};
  if (user.role === 'officer') {
    if (q.center && q.center !== user.centerId) {
      throw errors.forbidden(`officers read the cases of their own center (${user.centerId})`);
    }
    f.centerId = user.centerId ?? '';
  } else if (q.center) f.centerId = q.center;
  if (user.role === 'enterprise') {
    if (user.creditCode) f.creditCode = user.creditCode;
    else f.applicantUserId = user.id;
  }
  if (q.type) f.type = q.type;
  if (q.state) f.state = q.state;
  if (q.mine === 'true') {
    if (user.role === 'enterprise') f.applicantUserId = user.id;
    else f.officerId = user.id;
  }
  if (q.cursor) f.after = q.cursor;
  return f;
}

async function casePage(
  store: Store,
  f: CaseFilter,
  status: 'overdue' | 'due_soon' | undefined,
  limit: number,
) {
  if (!status) return listCases(store, { ...f, limit: limit + 1 });
  const alerts = await deadlineAlerts(store, chinaToday(), f.centerId ? { centerId: f.centerId } : {});
  return alerts
    .filter((a) => a.status === status && matches(a.case, f))
    .map((a) => a.case)
    .sort((a, b) => a.number.localeCompare(b.number))
    .slice(0, limit + 1);
}
/**
 * The protection centers' API (docs/cases-api.md): the case lists and pages here; filing and
 * changing cases, centers and registrations, evidence, the public lookup, notifications, the
 * calendar, reports and the audit check in routes-*.ts.
 */
export const caseRoutes: FastifyPluginAsync<CaseRouteOptions> = async (app, opts) => {
  const { store } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'cases the caller may see, by number, with where their deadlines stand today',
        description:
          "Officers: their center's cases; enterprise users: their enterprise's; administrators and analysts (read-only): all.",
        querystring: listQuery,
        response: { 200: pageOf(caseSummarySchema) },
      },
    },
    async (request) => {
      const { user } = userOf(request);
      const q = request.query;
      const filter = listFilter(user, q);
      const rows = await casePage(store, filter, q.status, q.limit);
      const page = rows.slice(0, q.limit);
      const withDue = await withDeadlines(store, page);
      return {
        items: withDue.map(({ case: c, due, status }) => ({
          id: c.id,
          number: c.number,
          type: c.type,
          state: c.state,
          centerId: c.centerId,
          organisation: c.applicant.organisation,
          officerId: c.officerId,
          submittedAt: c.submittedOn,
          closedAt: c.closedOn,
          due,
          deadlineStatus: status,
          version: c.version,
        })),
        nextCursor: rows.length > q.limit ? (page.at(-1)?.number ?? null) : null,
      };
    },
  );

  r.get(
    '/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'a case with its history, deadlines, evidence, rights and what the caller may do now',
        description: 'A case the caller may not see answers 404, as one that does not exist.',
        params: caseIdParams,
        response: { 200: caseViewSchema },
      },
    },
    async (request) => {
      const { user, page } = await visiblePage(store, request, request.params.id);
      return caseViewFor(store, user, page);
    },
  );

  // Under this plugin's prefix already: the options without it.
  const sub: CaseRouteOptions = {
    store,
    ...(opts.evidenceDir ? { evidenceDir: opts.evidenceDir } : {}),
    ...(opts.maxEvidenceBytes ? { maxEvidenceBytes: opts.maxEvidenceBytes } : {}),
  };
  await app.register(centerRoutes, sub);
  await app.register(evidenceRoutes, sub);
  await app.register(caseWriteRoutes, sub);
  await app.register(publicRoutes, sub);
  await app.register(reportRoutes, sub);
};
