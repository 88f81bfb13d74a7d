import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { holderTypesParam, isoDateParam, kindsParam } from '../core/index.js';
import { regionsParam } from '../reference/index.js';
import type { Store } from '../store/index.js';
import type { StatsEngine } from './engine.js';

export interface StatsRouteOptions {
  store: Store;
  engine: StatsEngine;
}

/** The filters every figure takes (shared with the drill-down, so a figure drills to its own rights). */
export const figureFilters = {
  knownOn: isoDateParam.optional().describe('as known on this date: only events recorded by then'),
  region: regionsParam.optional(),
  kind: kindsParam.optional(),
  holderType: holderTypesParam.optional(),
  industry: z
    .string()
    .regex(/^(\*|[\w.:-]{1,100})$/, 'is not an industry id')
    .optional()
    .describe('count only rights of this industry (GET /api/industries); `*` with groupBy=industry'),
};

/** The answer to a request whose If-None-Match names the current ETag. */
export const notModified = z.null().describe('not modified: the data has not changed since the ETag');

/** Answers already given, per data version: a repeated question costs one version lookup. */
const answered = new WeakMap<StatsEngine, { version: string; byUrl: Map<string, unknown> }>();
const MAX_ANSWERS = 5000;

/**
 * Statistics answers change only when the data does: an ETag of the data version and the question,
 * so a client (or a cache in front) asking again gets 304 without any counting, and an answer
 * remembered per data version, so another client asking the same question gets it without counting
 * either. Every process keys on the version stored in the database, so all answer alike.
 */
export async function answer<T>(
  engine: StatsEngine,
  request: FastifyRequest,
  reply: FastifyReply,
  compute: (version: string) => Promise<T>,
): Promise<T | FastifyReply> {
  const version = await engine.version();
  const tag = `W/"${version}-${createHash('sha1').update(request.url).digest('base64url').slice(0, 16)}"`;
  reply.header('etag', tag).header('cache-control', 'public, max-age=60');
  if (request.headers['if-none-match'] === tag) return reply.code(304).send(null);
  let memo = answered.get(engine);
  if (memo?.version !== version) {
    memo = { version, byUrl: new Map() };
    answered.set(engine, memo);
  }
  // The same URL on the same route always computed a T: the map only forgets the type.
  const hit = memo.byUrl.get(request.url) as T | undefined;
  if (hit !== undefined) return hit;
  const value = await compute(version);
  if (memo.byUrl.size >= MAX_ANSWERS) memo.byUrl.clear();
  memo.byUrl.set(request.url, value);
  return value;
}
