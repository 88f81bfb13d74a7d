import { z } from 'zod';

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
