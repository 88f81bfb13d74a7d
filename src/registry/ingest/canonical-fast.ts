import type { Holder, HolderType, RightKind, RightRecord } from '../../core/index.js';
import { toRightRecord } from './canonical-schema.js';

/**
 * The fast path of the canonical reader: a line whose fields all have the expected JSON types is
 * shaped by hand (a schema library costs more than the rest of ingest per record); `null` sends the
 * line to the schema path, which gives the precise messages. Field values are checked afterwards by
 * `recordProblems`, like every reader's output.
 */
type Json = Record<string, unknown>;

const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown): v is string | null | undefined =>
  v === undefined || v === null || typeof v === 'string';
const strArray = (v: unknown): v is string[] | undefined =>
  v === undefined || (Array.isArray(v) && v.every(isStr));

function holder(v: unknown): Holder | null {
  if (typeof v !== 'object' || v === null) return null;
  const h = v as Json;
  if (!isStr(h.name) || !optStr(h.type) || !optStr(h.country) || !optStr(h.regionCode) || !optStr(h.address))
    return null;
  if (h.regionConfidence !== undefined && typeof h.regionConfidence !== 'number') return null;
  const regionCode = (h.regionCode as string | null | undefined) ?? null;
  const name = h.name.trim();
  if (!name) return null;
  return {
    name,
    type: ((h.type as string | null | undefined) ?? 'unknown') as HolderType,
    country: (h.country as string | null | undefined) ?? null,
    regionCode,
    regionConfidence: (h.regionConfidence as number | undefined) ?? (regionCode ? 1 : 0),
    regionSource: regionCode ? 'record' : 'unknown',
    address: (h.address as string | null | undefined) ?? null,
  };
}

function holders(v: unknown): Holder[] | null {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return null;
  const out: Holder[] = [];
  for (const x of v) {
    const h = holder(x);
    if (!h) return null;
    out.push(h);
  }
  return out;
}

function isEventShape(e: unknown): e is Json {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Json;
  return (
    isStr(o.effectiveDate) &&
    optStr(o.recordedDate) &&
    optStr(o.type) &&
    optStr(o.category) &&
    optStr(o.code) &&
    optStr(o.office) &&
    optStr(o.description)
  );
}

/** A right from a parsed JSON line, or null when a field's JSON type is off (the schema path explains). */
export function fastRight(v: Json): RightRecord | string | null {
  if (!isStr(v.office) || !isStr(v.kind) || !isStr(v.applicationNumber) || !v.applicationNumber.trim())
    return null;
  for (const f of [
    'publicationNumber',
    'grantNumber',
    'filingDate',
    'publicationDate',
    'grantDate',
    'title',
    'abstract',
  ]) {
    if (!optStr(v[f])) return null;
  }
  if (!strArray(v.ipc) || !strArray(v.locarno)) return null;
  if (v.nice !== undefined && !(Array.isArray(v.nice) && v.nice.every((n) => typeof n === 'number')))
    return null;
  const hs = holders(v.holders);
  if (!hs) return null;
  const rawEvents = v.events ?? [];
  if (!Array.isArray(rawEvents) || !rawEvents.every(isEventShape)) return null;
  const events = [];
  for (const e of rawEvents) {
    let newHolders: Holder[] | undefined;
    if (e.newHolders !== undefined) {
      const nh = holders(e.newHolders);
      if (!nh) return null;
      newHolders = nh;
    }
    events.push({
      type: e.type as never,
      category: (e.category as never) ?? undefined,
      code: ((e.code as string | null | undefined) ?? null)?.trim() || null,
      office: (e.office as string | null | undefined) ?? null,
      effectiveDate: e.effectiveDate as string,
      recordedDate: (e.recordedDate as string | null | undefined) ?? undefined,
      description: (e.description as string | null | undefined) ?? null,
      ...(newHolders ? { newHolders } : {}),
    });
  }
  const s = (k: string) => (v[k] as string | null | undefined) ?? null;
  return toRightRecord({
    office: v.office,
    kind: v.kind as RightKind,
    applicationNumber: v.applicationNumber.trim(),
    publicationNumber: s('publicationNumber'),
    grantNumber: s('grantNumber'),
    filingDate: s('filingDate'),
    publicationDate: s('publicationDate'),
    grantDate: s('grantDate'),
    title: s('title'),
    abstract: s('abstract'),
    ipc: (v.ipc as string[] | undefined) ?? [],
    locarno: (v.locarno as string[] | undefined) ?? [],
    nice: (v.nice as number[] | undefined) ?? [],
    holders: hs,
    events,
  });
}
