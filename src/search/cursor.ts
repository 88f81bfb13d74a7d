import { createHash } from 'node:crypto';
import { errors } from '../core/index.js';

/**
 * Opaque page cursors: the id of the last hit and a fingerprint of the query it belongs to, so that
 * a cursor handed to a different query is refused rather than silently paging something else.
 */
export function fingerprint(filters: unknown): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 12);
}

export function encodeCursor(lastId: number, print: string): string {
  return Buffer.from(JSON.stringify({ after: lastId, q: print })).toString('base64url');
}

/** The id after which the page starts (hits are in descending id order, so: below which). */
export function decodeCursor(cursor: string, print: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const c = parsed as { after?: unknown; q?: unknown } | null;
  if (!c || typeof c !== 'object' || !Number.isSafeInteger(c.after) || (c.after as number) < 1) {
    throw errors.invalidInput('cursor: not a cursor this search returned', { field: 'cursor' });
  }
  if (c.q !== print) {
    throw errors.invalidInput('cursor: it belongs to a different search (filters changed)', {
      field: 'cursor',
    });
  }
  return c.after as number;
}
