import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type User, userOf } from '../auth/index.js';
import { errors, IpregionError, isoDateParam } from '../core/index.js';
import {
  listCalendarOverrides,
  loadCalendar,
  removeCalendarOverride,
  setCalendarOverride,
} from './calendar-store.js';
import { notificationData } from './notification-data.js';
import {
  markAllNotificationsRead,
  notificationsFor,
  readNotification,
  unreadNotificationCount,
} from './notify.js';
import { actorOf, type CaseRouteOptions } from './routes-shared.js';
import { limitedPublicStatus, STATUS_LOOKUP_LIMITS } from './status-limits.js';
import { CASE_TYPES } from './types.js';

/** A page's end: the last notification's createdAt and id (`2026-11-25T08:00:00.000Z~42`). */
const CURSOR = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z~\d{1,10}$/;

function parseCursor(cursor: string): { createdAt: string; id: number } {
  const at = cursor.lastIndexOf('~');
  return { createdAt: cursor.slice(0, at), id: Number(cursor.slice(at + 1)) };
}

/** Whose notifications a user reads: their own, their center's unassigned cases', their enterprise's. */
function recipientsOf(user: User): string[] {
  const out = [`user:${user.id}`];
  if (user.role === 'officer' && user.centerId) out.push(`center:${user.centerId}`);
  if (user.role === 'enterprise' && user.creditCode) out.push(`enterprise:${user.creditCode}`);
  return out;
}

const overrideSchema = z.object({
  date: z.string(),
  working: z.boolean(),
  reason: z.string(),
  setBy: z.string(),
  setAt: z.string(),
});
/** The public status lookup, the caller's notifications and the working-day calendar. */
export const publicRoutes: FastifyPluginAsync<CaseRouteOptions> = async (app, { store }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/case-status',
    {
      config: { public: true },
      schema: {
        tags: ['cases'],
        summary: "a case's status by its number and the applicant's code (no session needed)",
        description: `Reveals only the state and dates. A wrong number and a wrong code get the same 404. ${STATUS_LOOKUP_LIMITS.maxFailuresPerIp} failed lookups from one address within ${STATUS_LOOKUP_LIMITS.windowMs / 60_000} minutes: further ones are refused (429 rate_limited, retry-after).`,
        querystring: z.object({
          number: z.string().trim().min(1).max(40).describe('the case number'),
          code: z
            .string()
            .trim()
            .min(1)
            .max(100)
            .describe("the applicant's code, given when the case was filed"),
        }),
        response: {
          200: z.object({
            number: z.string(),
            type: z.enum(CASE_TYPES),
            state: z.string(),
            submittedAt: z.string(),
            closedAt: z.string().nullable(),
            due: z.string().nullable(),
          }),
        },
      },
    },
    async (request, reply) => {
      try {
        return await limitedPublicStatus(store, {
          number: request.query.number,
          code: request.query.code,
          ip: request.ip,
        });
      } catch (e) {
        if (e instanceof IpregionError && typeof e.detail.retryAfter === 'number') {
          reply.header('retry-after', String(e.detail.retryAfter));
        }
        throw e;
      }
    },
  );

  r.get(
    '/notifications',
    {
      schema: {
        tags: ['cases'],
        summary: "the caller's in-app notifications, newest first",
        querystring: z.object({
          unread: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: z
            .string()
            .regex(CURSOR, 'a nextCursor of an earlier answer')
            .optional()
            .describe('the nextCursor of the previous page'),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(),
                caseId: z.string().nullable(),
                kind: z.string(),
                message: z.string().describe('in English (deadline notices with Chinese too)'),
                data: notificationData
                  .nullable()
                  .describe('what the message says, as data, for wording it in the reader’s language'),
                onDate: z.string(),
                createdAt: z.string(),
                readAt: z.string().nullable(),
              }),
            ),
            nextCursor: z.string().nullable().describe('null on the last page'),
          }),
        },
      },
    },
    async (request) => {
      const { user } = userOf(request);
      const { limit, cursor } = request.query;
      const items = await notificationsFor(store, recipientsOf(user), {
        unreadOnly: request.query.unread === 'true',
        limit,
        ...(cursor ? { before: parseCursor(cursor) } : {}),
      });
      const last = items.at(-1);
      return {
        nextCursor: items.length === limit && last ? `${last.createdAt}~${last.id}` : null,
        items: items.map((n) => ({
          id: n.id,
          caseId: n.caseId,
          kind: n.kind,
          message: n.message,
          data: n.data,
          onDate: n.onDate,
          createdAt: n.createdAt,
          readAt: n.readAt,
        })),
      };
    },
  );

  r.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['cases'],
        summary: "how many of the caller's notifications are unread",
        response: { 200: z.object({ count: z.number().int() }) },
      },
    },
    async (request) => ({ count: await unreadNotificationCount(store, recipientsOf(userOf(request).user)) }),
  );

  r.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['cases'],
        summary: "mark every unread notification of the caller's read",
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (request) => ({
      marked: await markAllNotificationsRead(store, recipientsOf(userOf(request).user)),
    }),
  );

  r.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['cases'],
        summary: 'mark one of the caller’s notifications read',
        params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
        response: { 200: z.object({ id: z.number().int(), readAt: z.string() }) },
      },
    },
    async (request) => {
      const { user } = userOf(request);
      return readNotification(store, recipientsOf(user), request.params.id);
    },
  );

  r.get(
    '/calendar/add-working-days',
    {
      schema: {
        tags: ['cases'],
        summary: 'the date N official working days after a date (counting starts the day after)',
        querystring: z.object({
          date: isoDateParam,
          days: z.coerce.number().int().min(0).max(10_000),
        }),
        response: {
          200: z.object({
            date: z.string(),
            provisional: z.boolean().describe('counted into a year whose official schedule is not loaded'),
          }),
        },
      },
    },
    async (request) => {
      const cal = await loadCalendar(store);
      return cal.addWorkingDays(request.query.date, request.query.days);
    },
  );

  r.get(
    '/calendar/overrides',
    {
      schema: {
        tags: ['cases'],
        summary: "the administrator's overrides of the official working-day calendar",
        response: { 200: z.array(overrideSchema) },
      },
    },
    async () => listCalendarOverrides(store),
  );

  const dateParams = z.object({ date: isoDateParam });

  r.put(
    '/calendar/overrides/:date',
    {
      config: { permission: 'calendar:manage' },
      schema: {
        tags: ['cases'],
        summary: 'make a day a working day or a day off (administrators)',
        params: dateParams,
        body: z.object({ working: z.boolean(), reason: z.string().trim().min(1).max(500) }),
        response: { 200: overrideSchema },
      },
    },
    async (request) => {
      const { user } = userOf(request);
      return setCalendarOverride(
        store,
        { date: request.params.date, working: request.body.working, reason: request.body.reason },
        actorOf(request, user),
      );
    },
  );

  r.delete(
    '/calendar/overrides/:date',
    {
      config: { permission: 'calendar:manage' },
      schema: {
        tags: ['cases'],
        summary: "remove a day's override (administrators)",
        params: dateParams,
        response: { 200: z.object({ date: z.string(), removed: z.literal(true) }) },
      },
    },
    async (request) => {
      const { user } = userOf(request);
      const removed = await removeCalendarOverride(store, request.params.date, actorOf(request, user));
      if (!removed) throw errors.notFound('calendar override', request.params.date);
      return { date: request.params.date, removed: true as const };
    },
  );
};
