import type { RightRecord } from '../core/index.js';
import { contentHash, eventKey, holderKey } from './hashing.js';
import type { EventsForRight } from './ingest/types.js';
import { baseNumbers } from './numbers.js';

export type WriteItem =
  | {
      type: 'right';
      record: RightRecord;
      /**
       * The record's statistics contribution to the cells of all industries (`baseContributions`),
       * when the reading thread computed it: the writer then only spreads it to the industries.
       */
      contributions?: string;
      /** The record's hashes and numbers, when the reading thread computed them (see `rightKeys`). */
      keys?: RightKeys;
    }
  | { type: 'events'; events: EventsForRight };

/**
 * What the writer derives from a record before it writes: computed in the reading thread during a
 * parallel ingest, so that the writing thread (the busier one) only writes.
 */
export interface RightKeys {
  /** `contentHash` of the record. */
  hash: string;
  /** `rightNumbers` of the record. */
  numbers: string[];
  /** `holderKey` of each of the record's holders, in order. */
  holders: string[];
  /** `eventKey` of each of the record's events, in order. */
  events: string[];
}

export function rightKeys(r: RightRecord): RightKeys {
  return {
    hash: contentHash(r),
    numbers: rightNumbers(r),
    holders: r.holders.map(holderKey),
    events: r.events.map(eventKey),
  };
}
export type WriteOutcome = 'accepted' | 'unchanged' | { reject: string };

/** The base forms under which a right is found (see numbers.ts). */
export function rightNumbers(r: RightRecord): string[] {
  return baseNumbers([r.applicationNumber, r.publicationNumber, r.grantNumber]);
}

/** A minimal right for events that arrive before their right's bibliographic record. */
export function stubRecord(stub: NonNullable<EventsForRight['stub']>): RightRecord {
  return {
    publicationNumber: null,
    grantNumber: null,
    filingDate: null,
    publicationDate: null,
    grantDate: null,
    title: null,
    abstract: null,
    ipc: [],
    locarno: [],
    nice: [],
    holders: [],
    events: [],
    ...stub,
  };
}

/** Holder ids remembered across batches: enough for the demo region's whole holder pool. */
const HOLDER_CACHE = 1_000_000;

/**
 * Keeps a cache of ids within its bound by forgetting the oldest half (a Map iterates in insertion
 * order), rather than everything at once: the region's big holders stay remembered.
 */
export function trimCache(cache: Map<string, number>): void {
  if (cache.size <= HOLDER_CACHE) return;
  let drop = cache.size - HOLDER_CACHE / 2;
  for (const k of cache.keys()) {
    if (drop-- <= 0) break;
    cache.delete(k);
  }
}
