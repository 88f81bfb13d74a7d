import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { HOLDER_TYPES, RIGHT_KINDS } from './types.js';

/**
 * Query-parameter schemas the HTTP routes of several modules share: ISO dates, comma-separated
 * lists of known values, and the page size of cursor pagination.
 */
export const isoDateParam = z
  .string()
  .refine((s) => isIsoDate(s), { error: (issue) => `"${String(issue.input)}" is not a date (YYYY-MM-DD)` })
  .describe('a date, YYYY-MM-DD');

/** A comma-separated list of values from `allowed`, e.g. `kind=invention,design`. */
export function csvParam<const T extends string>(allowed: readonly T[], what: string) {
  return z
    .string()
    .transform((s, ctx) => {
      const values = s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      const wrong = values.filter((v) => !allowed.includes(v as T));
      if (wrong.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `"${wrong.join(', ')}" is not one of ${allowed.join(', ')}`,
        });
        return z.NEVER;
      }
      return values as T[];
    })
    .describe(`${what}, comma-separated: ${allowed.join(', ')}`);
}

export const kindsParam = csvParam(RIGHT_KINDS, 'kinds of right');
export const holderTypesParam = csvParam(HOLDER_TYPES, 'holder types');

export const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(50)
  .describe('items per page, 1–200 (default 50)');

/** An opaque cursor from the previous page's `nextCursor`. */
export const cursorParam = z.string().max(200).describe("the previous page's nextCursor");

/** A page of a cursor-paginated list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last page'),
  });
}
