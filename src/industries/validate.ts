import { z } from 'zod';
import { ruleIntervals } from './matcher.js';
import { formatIpcPattern, parseIpcPattern } from './pattern.js';
import { allSchemes } from './schemes.js';
import type { DefinitionProblem, Industry, Rule, ValidationResult } from './types.js';

/**
 * Checks an industry an administrator defines (through a later API or CLI) and returns it in
 * canonical form, or every problem at once with where it is. Storage is not here: the caller keeps
 * the returned definition (plain JSON) and passes the ids it already holds as `takenIds`.
 *
 * Administrator ids are `<scheme>:<slug>` with a scheme of their own: the shipped schemes are
 * reference data and cannot be added to, but an administrator's industry may name a shipped one
 * as its parent (a sub-branch of `ipregion-default:rare-earth`, say).
 */
const SLUG = '[a-z0-9]+(?:[-.][a-z0-9]+)*';
const ID = new RegExp(`^[a-z][a-z0-9-]*:${SLUG}$`);
const MAX_PATTERNS = 2000;
const MAX_KEYWORDS = 500;

const text = z.string().trim().min(1, 'must not be empty').max(200);
const inputSchema = z.object({
  id: z.string().regex(ID, 'must look like scheme:slug (lower-case letters, digits, - and .)'),
  parent: z.string().nullable().default(null),
  name: z.object({ zh: text, en: text }),
  rules: z
    .array(
      z.object({
        include: z.array(z.string()).max(MAX_PATTERNS),
        exclude: z.array(z.string()).max(MAX_PATTERNS).default([]),
        keywords: z.array(text).max(MAX_KEYWORDS).default([]),
        excludeKeywords: z.array(text).max(MAX_KEYWORDS).default([]),
        note: z.string().max(2000).optional(),
      }),
    )
    .min(1, 'an industry needs at least one rule')
    .max(1000),
  note: z.string().max(4000).optional(),
});

export type IndustryDefinitionInput = z.input<typeof inputSchema>;

export interface ValidationContext {
  /** Ids already defined by administrators; shipped ids are always taken. */
  takenIds?: Iterable<string>;
}

function pathOf(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`))
    .join('');
}

function patterns(list: readonly string[], at: string, problems: DefinitionProblem[]): string[] {
  const out: string[] = [];
  list.forEach((p, i) => {
    const r = parseIpcPattern(p);
    if (!r.ok) problems.push({ path: `${at}[${i}]`, message: `"${p}": ${r.error}` });
    else out.push(formatIpcPattern(r.pattern));
  });
  const seen = new Set<string>();
  out.forEach((p) => {
    if (seen.has(p)) problems.push({ path: at, message: `${p} is listed twice` });
    seen.add(p);
  });
  return [...seen];
}

export function validateIndustryDefinition(
  input: unknown,
  context: ValidationContext = {},
): ValidationResult<Industry> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })),
    };
  }
  const d = parsed.data;
  const problems: DefinitionProblem[] = [];
  const shipped = allSchemes();
  const taken = new Set([
    ...shipped.flatMap((s) => s.industries.map((i) => i.id)),
    ...(context.takenIds ?? []),
  ]);
  const scheme = d.id.slice(0, d.id.indexOf(':'));
  if (shipped.some((s) => s.id === scheme)) {
    problems.push({
      path: 'id',
      message: `scheme ${scheme} is shipped with ipregion and cannot be extended`,
    });
  } else if (taken.has(d.id)) {
    problems.push({ path: 'id', message: `duplicate id: ${d.id} is already defined` });
  }
  if (d.parent !== null && !taken.has(d.parent)) {
    problems.push({ path: 'parent', message: `no industry ${d.parent} is defined` });
  }
  if (d.parent === d.id) problems.push({ path: 'parent', message: 'an industry cannot be its own parent' });
  const rules = d.rules.map((r, i): Rule => {
    const at = `rules[${i}]`;
    if (r.include.length === 0)
      problems.push({ path: `${at}.include`, message: 'empty rule: no IPC pattern' });
    const rule: Rule = {
      include: patterns(r.include, `${at}.include`, problems),
      exclude: patterns(r.exclude, `${at}.exclude`, problems),
      keywords: [...new Set(r.keywords)],
      excludeKeywords: [...new Set(r.excludeKeywords)],
      ...(r.note ? { note: r.note } : {}),
    };
    if (rule.include.length > 0 && ruleIntervals(rule).length === 0) {
      problems.push({ path: `${at}.exclude`, message: 'the exclusions cover every included code' });
    }
    return rule;
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { id: d.id, parent: d.parent, name: d.name, rules, ...(d.note ? { note: d.note } : {}) },
  };
}
