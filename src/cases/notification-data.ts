import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { IsoDate } from '../core/index.js';
import type { NotificationsTable } from './tables.js';

/**
 * What a notification says, as data, beside its English `message` (migration 010): the web app
 * words it in the reader's language. The schema is the API's contract; the type is derived from it.
 */
export const notificationData = z.discriminatedUnion('event', [
  z.object({ event: z.literal('created'), number: z.string(), type: z.string(), organisation: z.string() }),
  z.object({
    event: z.literal('action'),
    number: z.string(),
    action: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  z.object({
    event: z.literal('extension'),
    number: z.string(),
    limit: z.string(),
    days: z.number(),
    reason: z.string(),
  }),
  z.object({
    event: z.literal('deadline'),
    number: z.string(),
    deadlines: z.array(
      z.object({
        limit: z.string(),
        due: z.string().nullable(),
        left: z.number().nullable(),
        unit: z.string(),
        status: z.string(),
      }),
    ),
  }),
]);

export type NotificationData = z.infer<typeof notificationData>;

/** A new notification's row: unread, not e-mailed, its data stored as JSON. */
export function notificationRow(n: {
  recipient: string;
  caseId: string;
  kind: string;
  message: string;
  data: NotificationData;
  onDate: IsoDate;
  createdAt: string;
  /** Makes a second insert of the same notice a no-op (the deadline pass's notices). */
  dedupeKey?: string | null;
  /** The address to send it to, when it goes by e-mail too. */
  email?: string | null;
}): Insertable<NotificationsTable> {
  return {
    recipient: n.recipient,
    case_id: n.caseId,
    kind: n.kind,
    message: n.message,
    data: JSON.stringify(n.data),
    on_date: n.onDate,
    dedupe_key: n.dedupeKey ?? null,
    email: n.email ?? null,
    created_at: n.createdAt,
    read_at: null,
    emailed_at: null,
  };
}
