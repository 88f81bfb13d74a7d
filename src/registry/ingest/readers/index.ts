import type { FormatReader } from '../types.js';
import { opsBiblioReader } from './ops-biblio.js';
import { opsLegalReader } from './ops-legal.js';
import { usptoGrantReader } from './uspto-grant.js';
import { usptoTrademarkReader } from './uspto-trademark.js';

export { opsBiblioReader } from './ops-biblio.js';
export { opsLegalReader } from './ops-legal.js';
export { usptoGrantReader } from './uspto-grant.js';
export { usptoTrademarkReader } from './uspto-trademark.js';
export { readXml, type XmlReadOptions } from './xml.js';
export type { XmlNode } from './xml-tree.js';

/** The readers of the offices' XML formats, for format detection. */
export const xmlReaders: readonly FormatReader[] = [
  opsBiblioReader,
  opsLegalReader,
  usptoGrantReader,
  usptoTrademarkReader,
];
