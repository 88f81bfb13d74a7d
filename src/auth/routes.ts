import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IpregionError } from '../core/index.js';
import type { Store } from '../store/index.js';
import { logIn } from './login.js';
import { permissionsOf } from './permissions.js';
import { setSessionCookie, userOf } from './plugin.js';
import { presentUser, sessionAnswer } from './schemas.js';
import { revokeAllSessions, revokeSession, type SessionInfo } from './sessions.js';
import type { User } from './users.js';

function answer(user: User, session: SessionInfo) {
  return {
    user: presentUser(user),
    permissions: permissionsOf(user.role),
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    idleExpiresAt: session.idleExpiresAt,
  };
}

const revoked = z.object({ revoked: z.number().int().describe('sessions ended') });

/** Sign in and out, and who am I. */
export const authRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'sign in: sets the ipr_session cookie and returns the CSRF token for writes',
        description:
          'Unknown logins and wrong passwords get the same 401 invalid_credentials. 5 failures for a login within 15 minutes lock it for 15 minutes (429 locked); 30 attempts from one address within 15 minutes are refused (429 rate_limited); both with retry-after.',
        body: z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(1000) }),
        response: { 200: sessionAnswer },
      },
    },
    async (request, reply) => {
      try {
        const { user, token, session } = await logIn(store, {
          login: request.body.login,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        const lifetime = Date.parse(session.expiresAt) - Date.parse(session.createdAt);
        setSessionCookie(request, reply, token, lifetime / 1000);
        return answer(user, session);
      } catch (e) {
        if (e instanceof IpregionError && typeof e.detail.retryAfter === 'number') {
          reply.header('retry-after', String(e.detail.retryAfter));
        }
        throw e;
      }
    },
  );

  r.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'sign out: ends this session', response: { 200: revoked } },
    },
    async (request, reply) => {
      const { session } = userOf(request);
      const n = await revokeSession(store, session.id);
      setSessionCookie(request, reply, null);
      return { revoked: n };
    },
  );

  r.post(
    '/auth/logout-all',
    {
      schema: {
        tags: ['auth'],
        summary: "sign out everywhere: ends every one of the user's sessions, this one too",
        response: { 200: revoked },
      },
    },
    async (request, reply) => {
      const { user } = userOf(request);
      const n = await revokeAllSessions(store, user.id);
      setSessionCookie(request, reply, null);
      return { revoked: n };
    },
  );

  r.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'the signed-in user, their permissions and the CSRF token of the session',
        response: { 200: sessionAnswer },
      },
    },
    async (request) => {
      const { user, session } = userOf(request);
      return answer(user, session);
    },
  );
};
