import { baseContributions, distinctEvents } from '../../stats/contributions.js';
import { enrichEvent, enrichRecord } from '../enrich.js';
import { eventProblems, recordProblems } from '../validate.js';
import { rightKeys, type WriteItem } from '../writer-shared.js';
import type { Position, ReaderItem } from './types.js';

/** A reader's item after the checks every record passes: ready to write, or rejected with a reason. */
export type CheckedItem =
  | { item: WriteItem; position: Position }
  | { reject: string; excerpt?: string; position: Position };

/**
 * Validates a reader's item and fills what it leaves open (holder types and regions); for a right,
 * also computes what the writer derives from it (its keys and, with `statistics`, its base
 * statistics contribution), so that writing is only writing. A parallel ingest runs this in
 * whichever thread has time (see DERIVE_FROM_QUEUED).
 */
export function checkItem(item: ReaderItem, statistics = true): CheckedItem {
  const position = item.position;
  if (item.type === 'reject')
    return { reject: item.reason, position, ...(item.excerpt ? { excerpt: item.excerpt } : {}) };
  if (item.type === 'right') {
    const problems = recordProblems(item.record);
    if (problems.length > 0) return { reject: problems.join('; '), position };
    const record = enrichRecord(item.record);
    const keys = rightKeys(record);
    if (!statistics) return { item: { type: 'right', record, keys }, position };
    const contributions = baseContributions({
      ...record,
      events: distinctEvents(record.events, (_, i) => keys.events[i]!),
    });
    return { item: { type: 'right', record, contributions, keys }, position };
  }
  const problems = eventProblems(item.events.events);
  if (problems.length > 0) return { reject: problems.join('; '), position };
  return {
    item: { type: 'events', events: { ...item.events, events: item.events.events.map(enrichEvent) } },
    position,
  };
}

export async function* checkAll(
  items: AsyncIterable<ReaderItem> | Iterable<ReaderItem>,
  statistics = true,
): AsyncGenerator<CheckedItem> {
  for await (const item of items) yield checkItem(item, statistics);
}
