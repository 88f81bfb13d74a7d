import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getUser, userOf } from '../auth/index.js';
import { errors } from '../core/index.js';
import { createCase } from './create-case.js';
import {
  caseIdParams,
  caseRecordSchema,
  caseViewSchema,
  joinSummary,
  matterInput,
  matterOf,
  presentCase,
  splitSummary,
  versionField,
} from './routes-schemas.js';
import { actorOf, type CaseRouteOptions, caseViewFor, requireRole, visiblePage } from './routes-shared.js';
import { actOnPage, editCaseOnPage, grantExtensionOnPage } from './service.js';
import { CASE_TYPES } from './types.js';

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), 'one line');

const newCaseBody = z.object({
  type: z.enum(CASE_TYPES),
  centerId: z.string().min(1).max(100),
  title: oneLine(200),
  description: z.string().trim().max(3700).optional(),
  otherParty: z.string().trim().max(300).nullable().optional(),
  rightIds: z.array(z.number().int().positive()).max(50).default([]).describe('registry right ids'),
  rightNumbers: z
    .array(z.string().trim().min(1).max(60))
    .max(50)
    .default([])
    .describe('right numbers in any form (CN104968889A, ZL201910123456.7)'),
  matter: matterInput.optional(),
  organisation: z
    .string()
    .trim()
    .min(2)
    .max(200)
    .optional()
    .describe('officers and administrators filing on behalf of an enterprise: required'),
  creditCode: z
    .string()
    .trim()
    .max(18)
    .optional()
    .describe('officers and administrators filing on behalf of an enterprise: required'),
  email: z.email().max(254).optional().describe("the applicant's e-mail for deadline notices"),
});

const editBody = z
  .object({
    officerId: z.number().int().positive().nullable().optional().describe('an officer of the case’s center'),
    otherParty: z.string().trim().max(300).nullable().optional(),
    description: z.string().trim().max(3700).nullable().optional(),
    version: versionField,
  })
  .refine((b) => b.officerId !== undefined || b.otherParty !== undefined || b.description !== undefined, {
    error: 'give at least one of officerId, otherParty, description',
  });
/** Filing a case, taking its workflow's actions, correcting it, extending its deadlines. */
export const caseWriteRoutes: FastifyPluginAsync<CaseRouteOptions> = async (app, { store }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const write = { permission: 'cases:write' } as const;

  r.post(
    '/cases',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: 'file a case: an enterprise for itself, an officer or administrator on its behalf',
        description:
          'Fast-track pre-examination needs an approved registration with the center (403 not_registered, registration_pending …). The answer carries the applicant’s code for the public status lookup, given only here.',
        body: newCaseBody,
        response: { 201: z.object({ case: caseRecordSchema, publicCode: z.string() }) },
      },
    },
    async (request, reply) => {
      const { user } = userOf(request);
      const b = request.body;
      let applicant: { organisation: string; creditCode: string; userId: number | null };
      if (user.role === 'enterprise') {
        const own = user.creditCode ?? '';
        if (b.creditCode && b.creditCode.toUpperCase() !== own) {
          throw errors.forbidden('an enterprise user files cases for their own enterprise only');
        }
        applicant = { organisation: user.organisation ?? '', creditCode: own, userId: user.id };
      } else {
        requireRole(user, ['officer', 'admin'], 'filing a case on behalf of an enterprise');
        if (user.role === 'officer' && b.centerId !== user.centerId) {
          throw errors.forbidden(`officers file cases with their own center (${user.centerId})`);
        }
        if (!b.organisation || !b.creditCode) {
          throw errors.invalidInput(
            'body.organisation and body.creditCode: filing on behalf of an enterprise names it',
          );
        }
        applicant = { organisation: b.organisation, creditCode: b.creditCode, userId: null };
      }
      const matter = matterOf(b.matter);
      const created = await createCase(
        store,
        {
          type: b.type,
          centerId: b.centerId,
          applicant: { ...applicant, email: b.email ?? null },
          otherParty: b.otherParty ?? null,
          summary: joinSummary(b.title, b.description),
          rights: [...b.rightIds, ...b.rightNumbers],
          ...(matter ? { matter } : {}),
        },
        actorOf(request, user),
      );
      reply.code(201);
      return { case: presentCase(created.case), publicCode: created.publicCode };
    },
  );

  r.post(
    '/cases/:id/actions',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: "take an action of the case's workflow",
        description:
          '409 conflict when `version` is not the current one (someone saved first: reload); 409 invalid_transition when the action does not apply to the state; 403 transition_not_allowed when it is not the caller’s to take.',
        params: caseIdParams,
        body: z.object({
          action: z.string().min(1).max(60),
          note: z.string().trim().max(2000).optional(),
          version: versionField,
        }),
        response: { 200: caseViewSchema },
      },
    },
    async (request) => {
      // The page read here is the one the change starts from: the version guard of the write, not
      // a second read, catches a change made since.
      const { user, page } = await visiblePage(store, request, request.params.id, true);
      const b = request.body;
      const updated = await actOnPage(store, page, b.action, actorOf(request, user), {
        expectedVersion: b.version,
        ...(b.note ? { note: b.note } : {}),
      });
      return caseViewFor(store, user, updated);
    },
  );

  r.patch(
    '/cases/:id',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: "correct a case's details or give it to an officer (officers and administrators)",
        params: caseIdParams,
        body: editBody,
        response: { 200: caseViewSchema },
      },
    },
    async (request) => {
      const { user, page } = await visiblePage(store, request, request.params.id, true);
      const c = page.case;
      requireRole(user, ['officer', 'admin'], 'editing a case');
      const b = request.body;
      if (b.officerId !== undefined && b.officerId !== null) {
        const officer = await getUser(store, b.officerId);
        if (officer?.role !== 'officer' || officer.centerId !== c.centerId || officer.disabled) {
          throw errors.invalidInput(`body.officerId: user ${b.officerId} is not an officer of ${c.centerId}`);
        }
      }
      const title = splitSummary(c.summary).title ?? '';
      const updated = await editCaseOnPage(
        store,
        page,
        {
          ...(b.officerId !== undefined ? { officerId: b.officerId } : {}),
          ...(b.otherParty !== undefined ? { otherParty: b.otherParty } : {}),
          ...(b.description !== undefined ? { summary: joinSummary(title, b.description) || null } : {}),
        },
        actorOf(request, user),
        { expectedVersion: b.version },
      );
      return caseViewFor(store, user, updated);
    },
  );

  r.post(
    '/cases/:id/extensions',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: 'more time on a limit, with a reason (officers and administrators)',
        params: caseIdParams,
        body: z.object({
          limit: z.enum(['intake', 'handling', 'filing']).optional().describe('default handling'),
          days: z.number().int().min(1).max(366),
          reason: z.string().trim().min(1).max(1000),
          version: versionField,
        }),
        response: { 200: caseViewSchema },
      },
    },
    async (request) => {
      const { user, page } = await visiblePage(store, request, request.params.id, true);
      requireRole(user, ['officer', 'admin'], 'extending a deadline');
      const b = request.body;
      const updated = await grantExtensionOnPage(
        store,
        page,
        { ...(b.limit ? { limit: b.limit } : {}), days: b.days, reason: b.reason },
        actorOf(request, user),
        { expectedVersion: b.version },
      );
      return caseViewFor(store, user, updated);
    },
  );
};
