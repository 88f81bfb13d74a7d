import { randomUUID } from 'node:crypto';
import { errors, type IsoDate, isIsoDate } from '../core/index.js';
import type { Actor } from './types.js';

/**
 * Who does something to a case, a registration or a center: their part in the workflow (officer,
 * applicant, or ipregion itself), their user id (the auth module's `users.id`) when they have one,
 * and the address the request came from, for the audit trail.
 */
export interface ActorRef {
  kind: Actor;
  userId?: number | null;
  /** How the audit trail names an actor without a user id (`system:notify`, `demo:officer`). */
  name?: string;
  ip?: string | null;
}

/** The actor as the audit trail and the history name it: `user:12`, or its name, or its kind. */
export function actorLabel(a: ActorRef): string {
  if (a.userId !== undefined && a.userId !== null) return `user:${a.userId}`;
  return a.name ?? a.kind;
}

export const SYSTEM: ActorRef = { kind: 'system', name: 'system' };

/** Today in China (UTC+8): the day deadlines count from. */
export function chinaToday(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function requireDate(value: string, what: string): IsoDate {
  if (!isIsoDate(value))
    throw errors.invalidInput(`${what}: "${value}" is not a date (YYYY-MM-DD)`, { [what]: value });
  return value;
}

export function newId(): string {
  return randomUUID();
}

/** JSON list columns. */
export function parseList<T = string>(text: string): T[] {
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? (v as T[]) : [];
}
