import { type IsoDate, parseDate, type RightRecord } from '../../../core/index.js';
import type { EventsForRight, ReaderItem } from '../types.js';
import { readXml, type XmlReadOptions } from './xml.js';
import { describe, type XmlNode } from './xml-tree.js';

/**
 * Why one record cannot be loaded (a required field is missing, a date is not a date). The mapping
 * functions throw it; `readRecords` turns it into a reject and goes on with the next record.
 * Anything else thrown is a bug and is not caught.
 */
export class RecordProblem extends Error {}

/** The value, or a RecordProblem naming the missing field. */
export function need<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined || value === '') throw new RecordProblem(`missing ${field}`);
  return value;
}

/** An office date (`YYYYMMDD` or `YYYY-MM-DD`); null when absent, a RecordProblem when not a date. */
export function dateOf(text: string | null | undefined, field: string): IsoDate | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  let date = knownDates.get(text);
  if (date === undefined) {
    date = parseDate(text);
    // Bulk files repeat the same few thousand dates: remember them, within a bound.
    if (knownDates.size >= 50_000) knownDates.clear();
    knownDates.set(text, date);
  }
  if (!date) throw new RecordProblem(`${field} "${text.trim()}" is not a date`);
  return date;
}

const knownDates = new Map<string, IsoDate | null>();

/** What a mapping function makes of one record element. */
export type Mapped = { type: 'right'; record: RightRecord } | { type: 'events'; events: EventsForRight };

/**
 * The body of every XML reader: stream the record elements, map each, and turn malformed documents
 * and RecordProblems into rejects with the record's position, so one bad record never stops a file.
 */
export async function* readRecords(
  file: string,
  options: XmlReadOptions,
  map: (node: XmlNode) => Mapped,
): AsyncGenerator<ReaderItem> {
  for await (const item of readXml(file, options)) {
    if (item.type === 'malformed') {
      yield { type: 'reject', reason: item.reason, position: item.position, excerpt: item.excerpt };
      continue;
    }
    let mapped: Mapped;
    try {
      mapped = map(item.node);
    } catch (e) {
      if (!(e instanceof RecordProblem)) throw e;
      yield { type: 'reject', reason: e.message, position: item.position, excerpt: describe(item.node) };
      continue;
    }
    yield mapped.type === 'right'
      ? { type: 'right', record: mapped.record, position: item.position }
      : { type: 'events', events: mapped.events, position: item.position };
  }
}
