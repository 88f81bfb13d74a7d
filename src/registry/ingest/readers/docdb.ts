import type { IsoDate } from '../../../core/index.js';
import { dateOf } from './reader-kit.js';
import { childrenNamed, textAt, type XmlNode } from './xml-tree.js';

/**
 * The EPO's document identifiers (DOCDB exchange format, as in OPS responses). A reference such as
 * `publication-reference` lists the same document in several forms (`docdb`, `epodoc`, `original`);
 * ipregion keeps the DOCDB form: country, number and kind as separate fields, the number without the
 * country (`CN 201380062258 A`, not EPODOC's `CN20138062258`, nor CNIPA's `2013800622588`).
 */
export interface DocId {
  country: string | null;
  number: string | null;
  kind: string | null;
  /** The first date any form of the reference gives (DOCDB application ids often carry none). */
  date: IsoDate | null;
}

/** The DOCDB form of a `publication-reference` or `application-reference` (or `null` if absent). */
export function docdbId(reference: XmlNode | null, field: string): DocId | null {
  if (!reference) return null;
  const ids = childrenNamed(reference, 'document-id');
  const docdb = ids.find((d) => d.attrs['document-id-type'] === 'docdb') ?? null;
  const dated = [docdb, ...ids].find((d) => d && textAt(d, 'date'));
  return {
    country: textAt(docdb, 'country'),
    number: textAt(docdb, 'doc-number'),
    kind: textAt(docdb, 'kind'),
    date: dateOf(textAt(dated, 'date'), `${field} date`),
  };
}

/** `CN104968889A`: DOCDB country, number and kind run together, the form used for every publication. */
export function publicationNumber(country: string, number: string, kind: string): string {
  return `${country}${number}${kind}`;
}
