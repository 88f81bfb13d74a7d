import type { Holder, LegalEvent, RightRecord } from '../core/index.js';
import { classifyHolderType, resolveHolderRegion } from '../reference/index.js';

const HAN = /\p{Script=Han}/u;

/**
 * Fills what a record leaves open about its holders: the type from the name, and for a Chinese
 * holder without a region code, the region from its address or name (with the confidence the
 * resolver gives; "unknown" rather than a guess).
 */
export function enrichHolder(h: Holder): Holder {
  let out = h;
  if (h.type === 'unknown') {
    const type = classifyHolderType(h.name);
    if (type !== 'unknown') out = { ...out, type };
  }
  const chinese = h.country === 'CN' || (h.country === null && HAN.test(h.name));
  if (chinese && h.regionCode === null) {
    const r = resolveHolderRegion({ name: h.name, address: h.address, country: h.country });
    out = {
      ...out,
      country: out.country ?? (r.regionCode ? 'CN' : null),
      regionCode: r.regionCode,
      regionConfidence: r.confidence,
      regionSource: r.source,
    };
  }
  return out;
}

export function enrichEvent(e: LegalEvent): LegalEvent {
  return e.newHolders ? { ...e, newHolders: e.newHolders.map(enrichHolder) } : e;
}

export function enrichRecord(r: RightRecord): RightRecord {
  return { ...r, holders: r.holders.map(enrichHolder), events: r.events.map(enrichEvent) };
}
