import { z } from 'zod';
import { errors } from '../core/index.js';
import { getRegion, isKnownSubclass, regionContains } from '../reference/index.js';
import type { Store } from '../store/index.js';
import { type ActorRef, actorLabel, parseList } from './actors.js';
import { appendAudit } from './audit.js';
import { caseErrors } from './errors.js';
import { type CentersTable, casesDb } from './tables.js';
import { CASE_TYPES, type CaseType } from './types.js';

/**
 * Protection centers. A center sits in a city and serves an area: the city itself, or — for a
 * provincial center such as 中国（湖北）知识产权保护中心 — its whole province. It serves industries,
 * each a list of IPC subclasses (patents) and Locarno classes (designs), and takes some case types.
 */
export const CENTER_KINDS = ['protection_center', 'rapid_protection_center'] as const;
export type CenterKind = (typeof CENTER_KINDS)[number];

const ipcSubclass = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => /^[A-H]\d{2}[A-Z]$/.test(s) && isKnownSubclass(s), {
    error: (i) => `"${String(i.input)}" is not an IPC subclass (e.g. H01L)`,
  });
const locarnoClass = z
  .string()
  .trim()
  .refine((s) => /^(0[1-9]|[12]\d|3[0-2]|99)$/.test(s), {
    error: (i) => `"${String(i.input)}" is not a Locarno class (01–32, 99)`,
  });

export const industrySchema = z.object({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
  ipc: z.array(ipcSubclass).max(200).default([]),
  locarno: z.array(locarnoClass).max(40).default([]),
  /** True when the industry is the demo's guess, not a published fact. */
  demo: z.boolean().optional(),
});
export type Industry = z.infer<typeof industrySchema>;

const regionCode = (level: 'city' | 'area') =>
  z
    .string()
    .trim()
    .refine(
      (c) => {
        const r = getRegion(c);
        return r !== null && (level === 'area' ? r.level !== 'district' : r.level === 'city');
      },
      {
        error: (i) =>
          `"${String(i.input)}" is not a GB/T 2260 ${level === 'city' ? 'city' : 'city or province'} code`,
      },
    );

export const centerInputSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'an id of lower-case letters, digits and hyphens'),
    kind: z.enum(CENTER_KINDS),
    nameZh: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    city: regionCode('city'),
    /** Default: the city. */
    area: regionCode('area').optional(),
    industries: z.array(industrySchema).max(20),
    services: z.array(z.enum(CASE_TYPES)).min(1),
    demo: z.boolean().default(false),
  })
  .refine((c) => regionContains(c.area ?? c.city, c.city), {
    error: 'the area a center serves must contain its city',
    path: ['area'],
  });
export type CenterInput = z.input<typeof centerInputSchema>;

export interface Center {
  id: string;
  kind: CenterKind;
  nameZh: string;
  nameEn: string;
  city: string;
  area: string;
  industries: Industry[];
  services: CaseType[];
  demo: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function presentCenter(r: CentersTable): Center {
  return {
    id: r.id,
    kind: r.kind as CenterKind,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    city: r.city,
    area: r.area,
    industries: parseList<Industry>(r.industries),
    services: parseList<CaseType>(r.services),
    demo: r.demo === 1,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function parseCenter(input: unknown) {
  const parsed = centerInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(center)'}: ${i.message}`);
  throw errors.invalidInput(`the center is invalid: ${problems.join('; ')}`, { problems });
}

function columns(c: ReturnType<typeof parseCenter>) {
  return {
    kind: c.kind,
    name_zh: c.nameZh,
    name_en: c.nameEn,
    city: c.city,
    area: c.area ?? c.city,
    industries: JSON.stringify(c.industries),
    services: JSON.stringify(c.services),
    demo: c.demo ? 1 : 0,
  };
}

export async function listCenters(store: Store): Promise<Center[]> {
  const rows = await casesDb(store).selectFrom('centers').selectAll().orderBy('kind').orderBy('id').execute();
  return rows.map(presentCenter);
}

export async function getCenter(store: Store, id: string): Promise<Center | null> {
  const row = await casesDb(store).selectFrom('centers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? presentCenter(row) : null;
}

export async function requireCenter(store: Store, id: string): Promise<Center> {
  const c = await getCenter(store, id);
  if (!c) throw errors.notFound('center', id);
  return c;
}

/** Creates centers (all or none); an id already taken is refused. */
export async function createCenters(
  store: Store,
  inputs: readonly unknown[],
  actor: ActorRef,
): Promise<Center[]> {
  const parsed = inputs.map(parseCenter);
  const now = new Date().toISOString();
  const rows: CentersTable[] = parsed.map((c) => ({
    id: c.id,
    ...columns(c),
    created_at: now,
    updated_at: now,
    version: 1,
  }));
  await casesDb(store)
    .transaction()
    .execute(async (trx) => {
      const taken = await trx
        .selectFrom('centers')
        .select('id')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .executeTakeFirst();
      if (taken) throw caseErrors.alreadyExists('center', taken.id);
      if (rows.length > 0) await trx.insertInto('centers').values(rows).execute();
      await appendAudit(
        trx,
        rows.map((r) => ({
          actor: actorLabel(actor),
          ip: actor.ip ?? null,
          entity: 'center',
          entityId: r.id,
          action: 'create',
          after: r,
        })),
      );
    });
  return rows.map(presentCenter);
}

export async function createCenter(store: Store, input: unknown, actor: ActorRef): Promise<Center> {
  const [c] = await createCenters(store, [input], actor);
  return c!;
}

/** Replaces a center's description; `expectedVersion` guards against a concurrent edit. */
export async function updateCenter(
  store: Store,
  id: string,
  input: unknown,
  actor: ActorRef,
  expectedVersion: number,
): Promise<Center> {
  const c = parseCenter({ ...(input as object), id });
  return casesDb(store)
    .transaction()
    .execute(async (trx) => {
      const before = await trx.selectFrom('centers').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw errors.notFound('center', id);
      const now = new Date().toISOString();
      const after = { ...before, ...columns(c), updated_at: now, version: before.version + 1 };
      const res = await trx
        .updateTable('centers')
        .set({ ...columns(c), updated_at: now, version: after.version })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0)
        throw caseErrors.conflict('center', id, before.version, expectedVersion);
      await appendAudit(trx, [
        {
          actor: actorLabel(actor),
          ip: actor.ip ?? null,
          entity: 'center',
          entityId: id,
          action: 'update',
          before,
          after,
        },
      ]);
      return presentCenter(after);
    });
}

/** Whether an enterprise's field overlaps a center's industries: a shared IPC subclass or Locarno class. */
export function fieldOverlaps(
  center: Pick<Center, 'industries'>,
  ipc: readonly string[],
  locarno: readonly string[],
) {
  return center.industries.some(
    (ind) => ind.locarno.some((l) => locarno.includes(l)) || ind.ipc.some((s) => ipc.includes(s)),
  );
}

/** Whether a region (a district, city or province code) lies in the area a center serves. */
export function inCenterArea(center: Pick<Center, 'area'>, regionCode: string): boolean {
  return regionContains(center.area, regionCode);
}
