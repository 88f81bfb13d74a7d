import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../core/index.js';
import type { Store } from '../store/index.js';
import { can, type Permission } from './permissions.js';
import { resolveSession, type SessionInfo } from './sessions.js';
import { publicStatistics } from './settings.js';
import type { User } from './users.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call the route without a session. `true`: anyone (health, login, the public case
     * status). `'statistics'`: anyone while an administrator has public statistics on. Absent: a
     * session is needed (deny by default).
     */
    public?: true | 'statistics';
    /** What the session's role must be allowed (see `can`); absent: any signed-in user. */
    permission?: Permission;
  }
  interface FastifyRequest {
    /** The signed-in user, from the session cookie; null without a valid session. */
    user: User | null;
    session: SessionInfo | null;
  }
}

export const SESSION_COOKIE = 'ipr_session';

export type AccessKind = 'outside' | 'public' | 'statistics' | 'session';

/**
 * How a route is guarded. Everything under /api needs a session unless its config says otherwise;
 * outside /api live only the web app's files, /docs, /openapi.json and the health probes.
 */
export function routeAccess(
  url: string,
  config: { public?: true | 'statistics'; permission?: Permission } | undefined,
): { kind: AccessKind; permission: Permission | null } {
  const permission = config?.permission ?? null;
  if (config?.public === true) return { kind: 'public', permission };
  if (config?.public === 'statistics') return { kind: 'statistics', permission };
  if (url !== '/api' && !url.startsWith('/api/')) return { kind: 'outside', permission };
  return { kind: 'session', permission };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const STATISTICS_DESCRIPTION =
  'Public (no session needed) while an administrator has turned public statistics on; otherwise it needs a session.';

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** https directly, or behind a proxy that says so: then the cookie is marked Secure. */
function isHttps(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return request.protocol === 'https' || first === 'https';
}

/** Sets the session cookie (httpOnly, SameSite=Lax, Path=/, Secure on https); null clears it. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string | null,
  maxAgeSeconds = 0,
): void {
  const parts = [
    `${SESSION_COOKIE}=${token ?? ''}`,
    'HttpOnly',
    'SameSite=Lax',
    'Path=/',
    `Max-Age=${token ? Math.max(0, Math.floor(maxAgeSeconds)) : 0}`,
  ];
  if (isHttps(request)) parts.push('Secure');
  reply.header('set-cookie', parts.join('; '));
}

/** The signed-in user of a route that needs a session (the hook has already refused those without). */
export function userOf(request: FastifyRequest): { user: User; session: SessionInfo } {
  if (!request.user || !request.session) throw errors.unauthenticated();
  return { user: request.user, session: request.session };
}

/**
 * Installs authentication and deny-by-default authorization on the app: call it before any route
 * is registered. It resolves the session cookie to `request.user`, refuses every /api route that
 * its config does not open (401 without a session, 403 without the permission or, on a write, the
 * CSRF token), and marks each operation's security in the OpenAPI document.
 */
export function installAuth(app: FastifyInstance, o: { store: Store }): void {
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    const access = routeAccess(route.url, route.config);
    if (access.kind === 'public') route.schema = { ...route.schema, security: [] };
    if (access.kind === 'statistics') {
      const description = route.schema?.description;
      route.schema = {
        ...route.schema,
        security: [{}, { cookieAuth: [] }],
        description: description ? `${description}\n\n${STATISTICS_DESCRIPTION}` : STATISTICS_DESCRIPTION,
      };
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return;
    const access = routeAccess(request.routeOptions.url ?? '', request.routeOptions.config);
    if (access.kind === 'outside') return;
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token) {
      const found = await resolveSession(o.store, token);
      if (found) {
        request.user = found.user;
        request.session = found.session;
      } else {
        // A cookie of an ended session is of no more use: the browser may as well forget it.
        setSessionCookie(request, reply, null);
      }
    }
    if (access.kind === 'public') return;
    if (access.kind === 'statistics' && (await publicStatistics(o.store))) return;
    if (!request.user || !request.session) throw errors.unauthenticated();
    if (UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, request.session.csrfToken)) throw errors.csrf();
    }
    if (access.permission && !can(request.user, access.permission)) {
      throw errors.forbidden(
        `this needs the ${access.permission} permission, which the ${request.user.role} role does not have`,
      );
    }
  });
}
