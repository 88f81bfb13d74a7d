import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { adminRoutes, authRoutes, installAuth, SESSION_COOKIE } from '../auth/index.js';
import { caseRoutes } from '../cases/index.js';
import type { LogLevel } from '../config.js';
import { industryRoutes } from '../industries/index.js';
import { referenceRoutes } from '../reference/index.js';
import { registryRoutes } from '../registry/index.js';
import { searchRoutes } from '../search/index.js';
import { StatsEngine, statsRoutes } from '../stats/index.js';
import type { Store } from '../store/index.js';
import { healthRoutes } from './health.js';
import { RequestLog } from './logging.js';
import { errorHandler, problem, sendProblem } from './problem.js';

export interface AppOptions {
  store: Store;
  /** pino log level; 'silent' (or absent) logs nothing. */
  logLevel?: LogLevel;
  /** The built web app (index.html and assets); null: serve the API only. */
  webRoot?: string | null;
  /** Where case evidence files are kept (default the cases module's `data/evidence`). */
  evidenceDir?: string;
}

/** Where `npm run build` puts the web app, from src/server or dist/server alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

const VERSION = '0.1.0';

/** The Fastify app: API routes of every module, OpenAPI at /openapi.json, Swagger UI at /docs, the web app. */
export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const level = o.logLevel ?? 'silent';
  const app = Fastify({
    logger: level === 'silent' ? false : { level },
    logController: new RequestLog(),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Before any route (and before the OpenAPI plugin's own route hook), so that every route is guarded
  // and documented with its security.
  installAuth(app, { store: o.store });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ipregion API',
        description:
          "A region's intellectual-property registry and statistics. Errors are RFC 9457 problem+json with a stable `code`.",
        version: VERSION,
      },
      components: {
        securitySchemes: {
          cookieAuth: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description:
              'The session cookie set by POST /api/auth/login. Writes (POST, PUT, PATCH, DELETE) also need the x-csrf-token header.',
          },
        },
      },
      // Deny by default: every operation needs a session unless it says otherwise. `security: []`
      // marks those public on purpose; `[{}, { cookieAuth: [] }]` those public while an
      // administrator has public statistics on.
      security: [{ cookieAuth: [] }],
      tags: [
        { name: 'health', description: 'liveness and readiness' },
        {
          name: 'stats',
          description: 'figures as of any date, trends, flows, drill-down, the regional report',
        },
        { name: 'registry', description: 'search rights and read one with its timeline and validity' },
        { name: 'reference', description: 'regions, IPC, Nice classes, industries' },
        { name: 'auth', description: 'sign in and out, users, roles, the public-statistics setting' },
        {
          name: 'cases',
          description:
            'protection centers: centers, enterprise registration, cases and their deadlines, evidence, notifications, the calendar, center reports, the audit trail',
        },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const engine = new StatsEngine(o.store);
  await app.register(healthRoutes, { store: o.store });
  await app.register(authRoutes, { prefix: '/api', store: o.store });
  await app.register(adminRoutes, { prefix: '/api', store: o.store });
  await app.register(statsRoutes, { prefix: '/api', store: o.store, engine });
  await app.register(registryRoutes, { prefix: '/api', store: o.store });
  await app.register(searchRoutes, { prefix: '/api', store: o.store });
  await app.register(referenceRoutes, { prefix: '/api' });
  await app.register(industryRoutes, { prefix: '/api', store: o.store });
  await app.register(caseRoutes, {
    prefix: '/api',
    store: o.store,
    ...(o.evidenceDir ? { evidenceDir: o.evidenceDir } : {}),
  });

  const webRoot = o.webRoot === undefined ? DEFAULT_WEB_ROOT : o.webRoot;
  const hasWeb = webRoot !== null && existsSync(`${webRoot}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api') || path === '/openapi.json' || request.method !== 'GET';
    if (isApi || !hasWeb) {
      const detail = isApi
        ? `no route ${request.method} ${path}`
        : 'the web app is not built: run `npm run build`, then start again';
      return sendProblem(reply, problem(404, 'route_not_found', detail, request.url));
    }
    // The web app routes on the client: every other page is its index.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
