import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centerOfficers, userOf } from '../auth/index.js';
import { errors } from '../core/index.js';
import { chinaToday } from './actors.js';
import { CENTER_KINDS, createCenter, getCenter, listCenters, updateCenter } from './centers.js';
import { applyRegistration, decideRegistration } from './registration-flow.js';
import { getRegistration, listRegistrations, REGISTRATION_STATUSES } from './registrations.js';
import {
  centerSchema,
  presentCenter,
  presentRegistration,
  registrationSchema,
  versionField,
} from './routes-schemas.js';
import { actorOf, type CaseRouteOptions, requireRole } from './routes-shared.js';
import { CASE_TYPES } from './types.js';

const centerFields = {
  kind: z.enum(CENTER_KINDS),
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  city: z.string().trim().min(1).max(12).describe('GB/T 2260 city code'),
  area: z.string().trim().min(1).max(12).optional().describe('a city or province code; default the city'),
  industries: z
    .array(
      z.object({
        label: z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(200) }),
        ipc: z.array(z.string().max(10)).max(200).default([]).describe('IPC subclasses, e.g. H01L'),
        locarno: z.array(z.string().max(2)).max(40).default([]).describe('Locarno classes, 01–32'),
        demo: z.boolean().optional(),
      }),
    )
    .max(20),
  services: z.array(z.enum(CASE_TYPES)).min(1),
  demo: z.boolean().default(false),
};

type CenterBody = z.infer<z.ZodObject<typeof centerFields>>;

/** The contract's center onto the cases module's input (`label` → `zh`, `en`). */
function centerInput(id: string, b: CenterBody) {
  return {
    id,
    kind: b.kind,
    nameZh: b.nameZh,
    nameEn: b.nameEn,
    city: b.city,
    ...(b.area ? { area: b.area } : {}),
    industries: b.industries.map((i) => ({
      zh: i.label.zh,
      en: i.label.en,
      ipc: i.ipc,
      locarno: i.locarno,
      ...(i.demo ? { demo: true } : {}),
    })),
    services: b.services,
    demo: b.demo,
  };
}

const centerParams = z.object({ id: z.string().min(1).max(64) });
const registrationParams = z.object({ id: z.string().min(1).max(100) });

/** Centers (any session reads them, administrators keep them) and enterprise registration (备案). */
export const centerRoutes: FastifyPluginAsync<CaseRouteOptions> = async (app, { store }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/centers',
    {
      schema: {
        tags: ['cases'],
        summary: 'the protection centers and rapid protection centers',
        response: { 200: z.array(centerSchema) },
      },
    },
    async () => (await listCenters(store)).map(presentCenter),
  );

  r.get(
    '/centers/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'one center',
        params: centerParams,
        response: { 200: centerSchema },
      },
    },
    async (request) => {
      const c = await getCenter(store, request.params.id);
      if (!c) throw errors.notFound('center', request.params.id);
      return presentCenter(c);
    },
  );

  r.get(
    '/centers/:id/officers',
    {
      schema: {
        tags: ['cases'],
        summary: "the center's officers who can sign in, by name: whom its cases may be given to",
        description: 'Officers of the center and administrators (403 for anyone else).',
        params: centerParams,
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.number(), login: z.string(), displayName: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const { user } = userOf(request);
      const center = await getCenter(store, request.params.id);
      if (!center) throw errors.notFound('center', request.params.id);
      if (!(user.role === 'admin' || (user.role === 'officer' && user.centerId === center.id))) {
        throw errors.forbidden("a center's officers are listed to its officers and administrators");
      }
      const officers = await centerOfficers(store, center.id);
      return { items: officers.map((o) => ({ id: o.id, login: o.login, displayName: o.displayName })) };
    },
  );

  r.post(
    '/centers',
    {
      config: { permission: 'centers:manage' },
      schema: {
        tags: ['cases'],
        summary: 'add a center (administrators)',
        body: z.object({
          id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and hyphens'),
          ...centerFields,
        }),
        response: { 201: centerSchema },
      },
    },
    async (request, reply) => {
      const { user } = userOf(request);
      const c = await createCenter(store, centerInput(request.body.id, request.body), actorOf(request, user));
      reply.code(201);
      return presentCenter(c);
    },
  );

  r.put(
    '/centers/:id',
    {
      config: { permission: 'centers:manage' },
      schema: {
        tags: ['cases'],
        summary: "replace a center's description (administrators)",
        params: centerParams,
        body: z.object({ ...centerFields, version: versionField }),
        response: { 200: centerSchema },
      },
    },
    async (request) => {
      const { user } = userOf(request);
      const c = await updateCenter(
        store,
        request.params.id,
        centerInput(request.params.id, request.body),
        actorOf(request, user),
        request.body.version,
      );
      return presentCenter(c);
    },
  );

  r.get(
    '/registrations',
    {
      config: { permission: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'enterprise registrations (备案): officers their center’s, enterprise users their own',
        querystring: z.object({
          center: z.string().min(1).max(64).optional(),
          status: z.enum(REGISTRATION_STATUSES).optional().describe('as stored'),
        }),
        response: { 200: z.array(registrationSchema) },
      },
    },
    async (request) => {
      const { user } = userOf(request);
      const q = request.query;
      if (user.role === 'officer' && q.center && q.center !== user.centerId) {
        throw errors.forbidden(`officers read the registrations of their own center (${user.centerId})`);
      }
      const centerId = user.role === 'officer' ? (user.centerId ?? '') : q.center;
      const creditCode = user.role === 'enterprise' ? (user.creditCode ?? '') : undefined;
      const list = await listRegistrations(store, {
        ...(centerId ? { centerId } : {}),
        ...(creditCode !== undefined ? { creditCode } : {}),
        ...(q.status ? { status: q.status } : {}),
      });
      const today = chinaToday();
      return list.map((x) => presentRegistration(x, today));
    },
  );

  r.post(
    '/registrations',
    {
      config: { permission: 'cases:write' },
      schema: {
        tags: ['cases'],
        summary:
          'apply to register an enterprise with a center (enterprise users for their own, administrators)',
        description:
          'Refused with a reason when the enterprise is outside the center’s area (400 outside_center_area) or its field is not among the center’s industries (400 field_not_served).',
        body: z.object({
          centerId: z.string().min(1).max(64),
          organisation: z.string().trim().min(2).max(200).optional().describe('administrators: required'),
          creditCode: z.string().trim().max(18).optional().describe('administrators: required'),
          regionCode: z.string().trim().min(2).max(12).describe('where the enterprise is (GB/T 2260)'),
          ipc: z.array(z.string().max(10)).max(50).default([]).describe('its field: IPC subclasses'),
          locarno: z.array(z.string().max(2)).max(40).default([]).describe('its field: Locarno classes'),
        }),
        response: { 201: registrationSchema },
      },
    },
    async (request, reply) => {
      const { user } = userOf(request);
      const b = request.body;
      requireRole(user, ['enterprise', 'admin'], 'applying for a registration');
      let enterprise: { organisation: string; creditCode: string; applicantUserId: number | null };
      if (user.role === 'enterprise') {
        if (b.creditCode && b.creditCode.toUpperCase() !== user.creditCode) {
          throw errors.forbidden('an enterprise user registers their own enterprise only');
        }
        enterprise = {
          organisation: user.organisation ?? '',
          creditCode: user.creditCode ?? '',
          applicantUserId: user.id,
        };
      } else {
        if (!b.organisation || !b.creditCode) {
          throw errors.invalidInput(
            'body.organisation and body.creditCode: an administrator names the enterprise',
          );
        }
        enterprise = { organisation: b.organisation, creditCode: b.creditCode, applicantUserId: null };
      }
      const reg = await applyRegistration(
        store,
        {
          centerId: b.centerId,
          ...enterprise,
          regionCode: b.regionCode,
          fieldIpc: b.ipc,
          fieldLocarno: b.locarno,
        },
        actorOf(request, user),
      );
      reply.code(201);
      return presentRegistration(reg, chinaToday());
    },
  );

  r.post(
    '/registrations/:id/decision',
    {
      config: { permission: 'cases:write' },
      schema: {
        tags: ['cases'],
        summary: 'approve or refuse an application (officers of the center, administrators)',
        description: 'A refusal needs a reason. Only an application still `applied` is decided (else 409).',
        params: registrationParams,
        body: z.object({
          decision: z.enum(['approve', 'refuse']),
          reason: z.string().trim().max(1000).optional(),
          version: versionField,
        }),
        response: { 200: registrationSchema },
      },
    },
    async (request) => {
      const { user } = userOf(request);
      requireRole(user, ['officer', 'admin'], 'deciding a registration');
      const reg = await getRegistration(store, request.params.id);
      if (!reg || (user.role === 'officer' && reg.centerId !== user.centerId)) {
        throw errors.notFound('registration', request.params.id);
      }
      const b = request.body;
      const decided = await decideRegistration(store, reg.id, b.decision, actorOf(request, user), {
        expectedVersion: b.version,
        ...(b.reason ? { reason: b.reason } : {}),
      });
      return presentRegistration(decided, chinaToday());
    },
  );
};
