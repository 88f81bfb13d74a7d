import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type User, userOf } from '../auth/index.js';
import { errors } from '../core/index.js';
import type { Store } from '../store/index.js';
import { canSeeCase } from './access.js';
import type { ActorRef } from './actors.js';
import { type CasePage, readCasePage } from './case-page.js';
import { type Case, getCase } from './repository.js';
import { rightTitles } from './rights.js';
import { type caseViewSchema, presentCase, presentEvidence, presentHistory } from './routes-schemas.js';
import type { Actor } from './types.js';
import { caseView } from './view.js';

/**
 * What the case routes share: who may see and do what (officers their center's cases, enterprise
 * users their enterprise's, administrators all, analysts read all), and the case page.
 */
export interface CaseRouteOptions {
  store: Store;
  /** Where evidence files are kept (default `DEFAULT_EVIDENCE_DIR`). */
  evidenceDir?: string;
  /** Default `MAX_EVIDENCE_BYTES` (20 MB). */
  maxEvidenceBytes?: number;
}

// ---- who may see and do what

/** The part the caller plays in a case's workflow: officers and administrators act as the center, enterprises as the applicant. */
export function actorKindOf(user: User): Actor | null {
  if (user.role === 'enterprise') return 'applicant';
  if (user.role === 'officer' || user.role === 'admin') return 'officer';
  return null;
}

export function actorOf(request: FastifyRequest, user: User): ActorRef {
  return { kind: actorKindOf(user) ?? 'system', userId: user.id, ip: request.ip };
}

/** Read: whoever may see the case (canSeeCase), and analysts every case (read-only). */
export function mayRead(user: User, c: Case): boolean {
  return user.role === 'analyst' || canSeeCase(user, c);
}

/** Act on a case: officers of its center, its enterprise, administrators. */
export function mayWrite(user: User, c: Case): boolean {
  return actorKindOf(user) !== null && canSeeCase(user, c);
}

/** The case, when the caller may see it; otherwise the same 404 as for a case that does not exist. */
export async function visibleCase(
  store: Store,
  request: FastifyRequest,
  id: string,
  write = false,
): Promise<{ user: User; case: Case }> {
  const { user } = userOf(request);
  const c = await getCase(store, id);
  if (!c || !(write ? mayWrite(user, c) : mayRead(user, c))) throw errors.notFound('case', id);
  return { user, case: c };
}

/** The case page (case-page.ts, one read), when the caller may see the case; otherwise `visibleCase`'s 404. */
export async function visiblePage(
  store: Store,
  request: FastifyRequest,
  id: string,
  write = false,
): Promise<{ user: User; page: CasePage }> {
  const { user } = userOf(request);
  const page = await readCasePage(store, id);
  if (!page || !(write ? mayWrite(user, page.case) : mayRead(user, page.case))) {
    throw errors.notFound('case', id);
  }
  return { user, page };
}

export function requireRole(user: User, roles: readonly User['role'][], what: string): void {
  if (!roles.includes(user.role)) throw errors.forbidden(`${what} is for ${roles.join(' and ')} users`);
}

/**
 * The case page as the API shows it: the case, its timeline, deadlines today, extensions, evidence,
 * the caller's actions and its rights. Made from a page read or composed after a change: only the
 * calendar (kept a few seconds) and the rights' titles (when the case names rights) are read.
 */
export async function caseViewFor(
  store: Store,
  user: User,
  page: Pick<CasePage, 'case' | 'history' | 'extensions' | 'evidence'>,
): Promise<z.infer<typeof caseViewSchema>> {
  const c = page.case;
  const kind = mayWrite(user, c) ? actorKindOf(user) : null;
  const [view, rights] = await Promise.all([
    caseView(store, c.id, {
      case: c,
      lists: { history: page.history, extensions: page.extensions },
      ...(kind ? { actor: kind } : {}),
    }),
    rightTitles(store, c.rightIds),
  ]);
  return {
    case: presentCase(view.case),
    history: view.history.map(presentHistory),
    deadlines: view.deadlines,
    deadlineStatus: view.status,
    extensions: view.extensions.map((e) => ({
      limit: e.limit,
      days: e.days,
      reason: e.reason,
      grantedBy: e.grantedBy,
      grantedAt: e.grantedAt,
    })),
    evidence: page.evidence.map(presentEvidence),
    actions: kind ? view.actions.map((a) => ({ action: a.action, to: a.to, actor: kind })) : [],
    rights,
  };
}
