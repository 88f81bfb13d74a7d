import type { Holder, LegalEvent, RightRecord } from '../core/index.js';

/**
 * A fast 64-bit FNV-1a–style hash (two 32-bit lanes) of a string, as 13 base-36 characters. Hashes
 * are only ever compared with the same right's stored hash or within one right's events, so a
 * non-cryptographic hash is enough and keeps ingest fast.
 */
export function fastHash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(36).padStart(7, '0') + (b >>> 0).toString(36).padStart(7, '0');
}

function holderText(h: Holder): string {
  return `${h.name}\u0001${h.type}\u0001${h.country ?? ''}\u0001${h.regionCode ?? ''}\u0001${h.address ?? ''}`;
}

/** Identity of a holder: the same name, type and place is the same holder across rights. */
export function holderKey(h: Holder): string {
  return fastHash(holderText(h));
}

/** Identity of an event within its right: loading it again adds nothing. */
export function eventKey(e: LegalEvent): string {
  const holders = e.newHolders?.map(holderText).join('\u0002') ?? '';
  return fastHash(
    `${e.type}\u0001${e.office ?? ''}\u0001${e.code ?? ''}\u0001${e.effectiveDate}\u0001${e.recordedDate}\u0001${e.description ?? ''}\u0001${holders}`,
  );
}

/** Hash of a right's bibliographic data and first holders: equal hashes mean an unchanged record. */
export function contentHash(r: RightRecord): string {
  return fastHash(
    [
      r.office,
      r.kind,
      r.applicationNumber,
      r.publicationNumber,
      r.grantNumber,
      r.filingDate,
      r.publicationDate,
      r.grantDate,
      r.title,
      r.abstract,
      r.ipc.join(' '),
      r.locarno.join(' '),
      r.nice.join(' '),
      r.holders.map(holderText).join('\u0003'),
    ].join('\u0004'),
  );
}
