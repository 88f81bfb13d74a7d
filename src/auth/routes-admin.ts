import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorParam, errors, limitParam, pageOf } from '../core/index.js';
import type { Store } from '../store/index.js';
import { ROLES } from './permissions.js';
import { presentUser, userSchema } from './schemas.js';
import { publicStatistics, setPublicStatistics } from './settings.js';
import { createUser, disableUser, listUsers, newUserIssues, resetPassword } from './users.js';

const optionalText = z.string().max(200).nullable().optional();

const newUserBody = z
  .object({
    login: z.string().min(1).max(63),
    role: z.enum(ROLES),
    password: z.string().min(1).max(1000).describe('≥ 10 characters, letters and digits, not the login'),
    displayName: optionalText,
    centerId: optionalText.describe('officer: required'),
    organisation: optionalText.describe('enterprise user: required, the enterprise name'),
    creditCode: optionalText.describe('enterprise user: required, unified social credit code'),
    enterpriseId: optionalText,
    institution: optionalText.describe('institution user: required'),
  })
  .superRefine((u, ctx) => {
    for (const issue of newUserIssues(u))
      ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  });

const idParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});
const publicStatisticsSchema = z.object({
  enabled: z.boolean().describe('statistics, reference and registry reads open without a session'),
});

function parseCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,10}$/.test(cursor))
    throw errors.invalidInput(`query.cursor: "${cursor}" is not a cursor this list gave`);
  return Number(cursor);
}

/** Administration: users and the public-statistics setting. */
export const adminRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const users = { permission: 'users:manage' } as const;
  const settings = { permission: 'settings:manage' } as const;

  r.get(
    '/users',
    {
      config: users,
      schema: {
        tags: ['auth'],
        summary: 'users, by id, a page at a time',
        querystring: z.object({ cursor: cursorParam.optional(), limit: limitParam }),
        response: { 200: pageOf(userSchema) },
      },
    },
    async (request) => {
      const page = await listUsers(store, {
        after: parseCursor(request.query.cursor),
        limit: request.query.limit,
      });
      return {
        items: page.items.map(presentUser),
        nextCursor: page.nextAfter === null ? null : String(page.nextAfter),
      };
    },
  );

  r.post(
    '/users',
    {
      config: users,
      schema: {
        tags: ['auth'],
        summary: 'create a user: an officer names a center, an enterprise user its enterprise',
        body: newUserBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const user = await createUser(store, request.body);
      return reply.code(201).send(presentUser(user));
    },
  );

  r.post(
    '/users/:id/disable',
    {
      config: users,
      schema: {
        tags: ['auth'],
        summary: 'disable a user: they cannot sign in and their sessions end',
        params: idParams,
        response: { 200: userSchema },
      },
    },
    async (request) => presentUser(await disableUser(store, request.params.id)),
  );

  r.post(
    '/users/:id/reset-password',
    {
      config: users,
      schema: {
        tags: ['auth'],
        summary: "set a user's password: their sessions end and a lockout is lifted",
        params: idParams,
        body: z.object({ password: z.string().min(1).max(1000) }),
        response: { 200: userSchema },
      },
    },
    async (request) => presentUser(await resetPassword(store, request.params.id, request.body.password)),
  );

  r.get(
    '/settings/public-statistics',
    {
      config: settings,
      schema: {
        tags: ['auth'],
        summary: 'whether statistics are open to the public',
        response: { 200: publicStatisticsSchema },
      },
    },
    async () => ({ enabled: await publicStatistics(store) }),
  );

  r.put(
    '/settings/public-statistics',
    {
      config: settings,
      schema: {
        tags: ['auth'],
        summary: 'open statistics to the public, or close them (every API process follows within 5 s)',
        body: publicStatisticsSchema,
        response: { 200: publicStatisticsSchema },
      },
    },
    async (request) => {
      await setPublicStatistics(store, request.body.enabled);
      return { enabled: request.body.enabled };
    },
  );
};
