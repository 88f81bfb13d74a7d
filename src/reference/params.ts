import { z } from 'zod';
import { IpregionError } from '../core/index.js';
import { resolveRegionSelector } from './regions.js';

/**
 * A region query parameter: comma-separated GB/T 2260 codes, named regions (`central`) or province
 * and city names, resolved to codes; an unknown or ambiguous one is an `invalid_input` issue.
 */
export const regionsParam = z
  .string()
  .transform((s, ctx) => {
    const codes: string[] = [];
    for (const part of s.split(',').filter((p) => p.trim())) {
      try {
        codes.push(...resolveRegionSelector(part));
      } catch (e) {
        if (!(e instanceof IpregionError)) throw e;
        ctx.addIssue({ code: 'custom', message: e.message });
        return z.NEVER;
      }
    }
    return [...new Set(codes)];
  })
  .describe(
    'regions, comma-separated: GB/T 2260 codes (34, 340100), a named region (central) or names (合肥)',
  );
