import type { Kysely } from 'kysely';
import { errors } from '../core/index.js';
import type { Database } from '../store/index.js';
import { compileMatcher } from './matcher.js';
import { allSchemes, industryById } from './schemes.js';
import type { Industry, IndustryScheme, Matcher } from './types.js';
import { validateIndustryDefinition } from './validate.js';

/**
 * Industries administrators define, stored in `custom_industries` and classified beside the
 * shipped schemes. Rights loaded before a definition was added are classified into it by
 * `ipregion stats rebuild`.
 */
export async function customIndustries(db: Kysely<Database>): Promise<Industry[]> {
  const rows = await db.selectFrom('custom_industries').select('definition').orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.definition) as Industry);
}

/** Validates and stores a definition; every problem is reported at once, with where it is. */
export async function addCustomIndustry(db: Kysely<Database>, input: unknown): Promise<Industry> {
  const existing = await customIndustries(db);
  const result = validateIndustryDefinition(input, { takenIds: existing.map((i) => i.id) });
  if (!result.ok) {
    throw errors.invalidInput(
      `the industry definition has problems:\n${result.problems.map((p) => `- ${p.path || '(definition)'}: ${p.message}`).join('\n')}`,
      { problems: result.problems },
    );
  }
  await db
    .insertInto('custom_industries')
    .values({
      id: result.value.id,
      definition: JSON.stringify(result.value),
      created_at: new Date().toISOString(),
    })
    .execute();
  return result.value;
}

export async function removeCustomIndustry(db: Kysely<Database>, id: string): Promise<void> {
  const all = await customIndustries(db);
  if (!all.some((i) => i.id === id)) throw errors.notFound('administrator-defined industry', id);
  const child = all.find((i) => i.parent === id);
  if (child) throw errors.invalidInput(`${child.id} has ${id} as its parent: remove it first`);
  await db.deleteFrom('custom_industries').where('id', '=', id).execute();
}

/** The custom industries as schemes (grouped by the scheme part of their ids). */
export function customSchemes(industries: readonly Industry[]): IndustryScheme[] {
  const byScheme = new Map<string, Industry[]>();
  for (const i of industries) {
    const scheme = i.id.slice(0, i.id.indexOf(':'));
    byScheme.set(scheme, [...(byScheme.get(scheme) ?? []), i]);
  }
  return [...byScheme].map(([id, list]) => ({
    id,
    name: { zh: id, en: id },
    source: 'defined by an administrator of this ipregion installation',
    industries: list,
  }));
}

/** A matcher over the shipped schemes and these custom industries, and a lookup of every industry. */
export function matcherWith(custom: readonly Industry[]): {
  matcher: Matcher;
  byId: (id: string) => Industry | null;
} {
  const extra = new Map(custom.map((i) => [i.id, i]));
  return {
    matcher: compileMatcher([...allSchemes(), ...customSchemes(custom)]),
    byId: (id) => industryById(id) ?? extra.get(id) ?? null,
  };
}
