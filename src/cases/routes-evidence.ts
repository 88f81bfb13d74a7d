import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../core/index.js';
import { caseErrors } from './errors.js';
import {
  addEvidence,
  DEFAULT_EVIDENCE_DIR,
  EVIDENCE_TYPES,
  MAX_EVIDENCE_BYTES,
  openEvidence,
} from './evidence.js';
import { caseIdParams, evidenceSchema, presentEvidence } from './routes-schemas.js';
import { actorOf, type CaseRouteOptions, visibleCase } from './routes-shared.js';

const ALLOWED = Object.keys(EVIDENCE_TYPES);

/** The media type a file name's extension stands for, among the accepted ones. */
function typeOfName(fileName: string): string | null {
  const ext = extname(fileName).toLowerCase();
  return ALLOWED.find((t) => EVIDENCE_TYPES[t]!.extensions.includes(ext)) ?? null;
}

/** `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187). */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Evidence files. An upload is the file itself as the request body (no multipart): its media type
 * in `content-type` (or `application/octet-stream`, then the type is read from the name's
 * extension) and its name in `?fileName=`. It is streamed to disk while hashed, refused past the
 * size limit (413 payload_too_large) or when its type, extension or first bytes are not an accepted
 * type (415 unsupported_media_type / content_type_mismatch).
 */
export const evidenceRoutes: FastifyPluginAsync<CaseRouteOptions> = async (app, opts) => {
  const { store } = opts;
  const dir = opts.evidenceDir ?? DEFAULT_EVIDENCE_DIR;
  const maxBytes = opts.maxEvidenceBytes ?? MAX_EVIDENCE_BYTES;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // In this plugin only: every body reaches the handler as the raw stream, whatever its type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  r.post(
    '/cases/:id/evidence',
    {
      config: { permission: 'cases:write' },
      bodyLimit: maxBytes,
      schema: {
        tags: ['cases'],
        summary: 'add an evidence file to a case (the file is the body)',
        description: `The body is the file's bytes; \`content-type\` its media type (${ALLOWED.join(', ')}), or application/octet-stream to take it from the name's extension; \`fileName\` its name. At most ${maxBytes} bytes. The answer gives the SHA-256 the file is kept under.`,
        params: caseIdParams,
        querystring: z.object({ fileName: z.string().trim().min(1).max(255).describe('the file’s name') }),
        consumes: ['application/octet-stream', ...ALLOWED],
        body: z.unknown().meta({ type: 'string', format: 'binary', description: 'the file’s bytes' }),
        response: { 201: evidenceSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      try {
        const { user, case: c } = await visibleCase(store, request, request.params.id, true);
        const fileName = request.query.fileName;
        const declared = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const mediaType =
          declared === '' || declared === 'application/octet-stream' ? typeOfName(fileName) : declared;
        if (!mediaType) throw caseErrors.unsupportedMediaType(declared || '(none)', ALLOWED);
        const length = Number(request.headers['content-length'] ?? Number.NaN);
        if (length > maxBytes) throw caseErrors.evidenceTooLarge(length, maxBytes);
        if (!(body instanceof Readable)) throw errors.invalidInput('the body must be the file');
        const upload = { fileName, mediaType, bytes: body };
        const e = await addEvidence(store, c.id, upload, actorOf(request, user), { dir, maxBytes });
        reply.code(201);
        return presentEvidence(e);
      } catch (e) {
        // The rest of a refused body is not read: the connection cannot carry another request.
        if (body instanceof Readable && !body.readableEnded) reply.header('connection', 'close');
        throw e;
      }
    },
  );

  r.get(
    '/cases/:id/evidence/:evidenceId',
    {
      schema: {
        tags: ['cases'],
        summary: 'download an evidence file (whoever may see the case)',
        params: z.object({ id: caseIdParams.shape.id, evidenceId: z.string().min(1).max(100) }),
        response: {
          200: {
            description: 'the file, as an attachment',
            content: {
              'application/octet-stream': {
                schema: z
                  .unknown()
                  .meta({ type: 'string', format: 'binary', description: 'the file’s bytes' }),
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { case: c } = await visibleCase(store, request, request.params.id);
      const { evidence, stream } = await openEvidence(store, request.params.evidenceId, { dir });
      if (evidence.caseId !== c.id) {
        stream.destroy();
        throw errors.notFound('evidence', request.params.evidenceId);
      }
      return reply
        .header('content-type', evidence.mediaType)
        .header('content-length', String(evidence.size))
        .header('content-disposition', attachment(evidence.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('x-sha256', evidence.sha256)
        .send(stream);
    },
  );
};
