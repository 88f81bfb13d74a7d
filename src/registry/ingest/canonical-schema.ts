import { z } from 'zod';
import {
  CATEGORY_OF_TYPE,
  EVENT_TYPES,
  type EventType,
  HOLDER_TYPES,
  type Holder,
  isIsoDate,
  type LegalEvent,
  RIGHT_KINDS,
  type RightRecord,
  ST27_CATEGORIES,
  type St27Category,
} from '../../core/index.js';
import { lookupEventCode, lookupTrademarkEventCode } from '../../reference/event-codes.js';
import type { EventsForRight } from './types.js';

/** ipregion's canonical format, documented in docs/formats.md. Optional fields default to null or []. */
const isoDate = z.string().refine(isIsoDate, { message: 'not a date (YYYY-MM-DD)' });
const st3 = z.string().regex(/^[A-Z]{2}$/, 'not a two-letter ST.3 country code');

export const holderSchema = z
  .object({
    name: z.string().trim().min(1).max(500),
    type: z.enum(HOLDER_TYPES).default('unknown'),
    country: st3.nullable().default(null),
    regionCode: z
      .string()
      .regex(/^\d{2}(\d{4})?$/, 'not a GB/T 2260 code')
      .nullable()
      .default(null),
    regionConfidence: z.number().min(0).max(1).optional(),
    address: z.string().max(1000).nullable().default(null),
  })
  .transform(
    (h): Holder => ({
      ...h,
      regionConfidence: h.regionConfidence ?? (h.regionCode ? 1 : 0),
      regionSource: h.regionCode ? 'record' : 'unknown',
    }),
  );

const eventFields = {
  type: z.enum(EVENT_TYPES).optional(),
  category: z
    .string()
    .refine((c) => Object.hasOwn(ST27_CATEGORIES, c), 'not an ST.27 category letter')
    .nullable()
    .optional(),
  code: z.string().trim().min(1).max(20).nullable().default(null),
  office: st3.nullable().default(null),
  effectiveDate: isoDate,
  recordedDate: isoDate.optional(),
  description: z.string().max(2000).nullable().default(null),
  newHolders: z.array(holderSchema).max(50).optional(),
};

export const eventSchema = z.object(eventFields);
type EventInput = z.infer<typeof eventSchema>;

export const rightSchema = z.object({
  record: z.literal('right').optional(),
  office: st3,
  kind: z.enum(RIGHT_KINDS),
  applicationNumber: z.string().trim().min(1).max(50),
  publicationNumber: z.string().trim().min(1).max(50).nullable().default(null),
  grantNumber: z.string().trim().min(1).max(50).nullable().default(null),
  filingDate: isoDate.nullable().default(null),
  publicationDate: isoDate.nullable().default(null),
  grantDate: isoDate.nullable().default(null),
  title: z.string().max(2000).nullable().default(null),
  abstract: z.string().max(20000).nullable().default(null),
  ipc: z.array(z.string().max(30)).max(200).default([]),
  locarno: z.array(z.string().max(10)).max(50).default([]),
  nice: z.array(z.number().int().min(1).max(45)).max(45).default([]),
  holders: z.array(holderSchema).max(50).default([]),
  events: z.array(eventSchema).max(2000).default([]),
});

export const eventLineSchema = z.object({
  record: z.literal('event'),
  /** Office of the right (defaults to the event's office). */
  rightOffice: st3.optional(),
  /** Any number of the right. */
  number: z.string().trim().min(1).max(50),
  ...eventFields,
});

/** Resolves an event's type and category from its office code where the line leaves them out. */
export function toLegalEvent(e: EventInput, defaultOffice: string | null): LegalEvent | string {
  const office = e.office ?? defaultOffice;
  const known =
    e.code && office ? (lookupEventCode(office, e.code) ?? lookupTrademarkEventCode(e.code)) : null;
  const type: EventType | undefined = e.type ?? known?.type;
  if (!type) return `event ${e.code ?? ''}: give a "type", or a "code" the ${office ?? ''} code table knows`;
  const category = (e.category ?? known?.category ?? CATEGORY_OF_TYPE[type]) as St27Category;
  return {
    type,
    category,
    code: e.code,
    office,
    effectiveDate: e.effectiveDate,
    recordedDate: e.recordedDate ?? e.effectiveDate,
    description: e.description ?? known?.description ?? null,
    ...(e.newHolders ? { newHolders: e.newHolders } : {}),
  };
}

export function toRightRecord(input: z.infer<typeof rightSchema>): RightRecord | string {
  const events: LegalEvent[] = [];
  for (const [i, e] of input.events.entries()) {
    const ev = toLegalEvent(e, input.office);
    if (typeof ev === 'string') return `events[${i}]: ${ev}`;
    events.push(ev);
  }
  const { record: _record, ...rest } = input;
  return { ...rest, events };
}

export function toEventsForRight(input: z.infer<typeof eventLineSchema>): EventsForRight | string {
  const { record: _r, rightOffice, number, ...event } = input;
  const office = rightOffice ?? event.office;
  if (!office) return 'give "rightOffice" or the event\'s "office": the office of the right the event is for';
  const ev = toLegalEvent(event, office);
  if (typeof ev === 'string') return ev;
  return { office, number, events: [ev] };
}

/** One line per zod issue: `path: message`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(record)'}: ${i.message}`)
    .join('; ');
}
