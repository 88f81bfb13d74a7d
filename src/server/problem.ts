import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { IpregionError } from '../core/index.js';

/** An RFC 9457 problem detail, with ipregion's stable `code` and, for bad input, each issue. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  errors?: Array<{ path: string; message: string }>;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Fastify's own error codes that reach users, under ipregion's stable names. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_VALIDATION: 'invalid_input',
};

export function problem(status: number, code: string, detail: string, instance: string): Problem {
  return {
    type: `https://ipregion.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    instance,
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json; charset=utf-8').send(p);
}

/** The one error handler: any error becomes problem+json; unexpected ones are logged, not revealed. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const instance = request.url;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => {
      const path = [error.validationContext ?? 'request', ...v.instancePath.split('/').filter(Boolean)].join(
        '.',
      );
      return { path, message: v.message ?? 'is not valid' };
    });
    const p = problem(
      400,
      'invalid_input',
      issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      instance,
    );
    return sendProblem(reply, { ...p, errors: issues });
  }
  if (error instanceof IpregionError) {
    const p = problem(error.status, error.code, error.message, instance);
    if (error.status >= 500) request.log.error({ err: error }, error.message);
    return sendProblem(reply, error.detail.problems ? { ...p, errors: [] } : p);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response does not match its schema');
    return sendProblem(reply, problem(500, 'internal', 'the server could not answer this request', instance));
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, problem(500, 'internal', 'the server could not answer this request', instance));
  }
  const code = FASTIFY_CODES[error.code] ?? (status === 404 ? 'not_found' : 'bad_request');
  return sendProblem(reply, problem(status, code, error.message, instance));
}
