import type { LegalEvent, RightKind, RightRecord } from '../../core/index.js';

/** The formats ipregion reads. */
export const FORMATS = [
  'canonical-jsonl',
  'canonical-csv',
  'ops-biblio',
  'ops-legal',
  'uspto-grant',
  'uspto-trademark',
] as const;
export type FormatName = (typeof FORMATS)[number];

/** Where in the input file a record starts: a 1-based line, or a 0-based byte offset, or both. */
export interface Position {
  line?: number;
  offset?: number;
}

/**
 * Events for a right that is identified only by one of its numbers (an INPADOC legal-event
 * response, an events line of the canonical format). When the right is not in the registry yet,
 * `stub` (if given) creates a minimal right the events can hang on; without it the item is rejected.
 */
export interface EventsForRight {
  office: string;
  /** Any of the right's numbers: application, publication or grant/registration. */
  number: string;
  events: LegalEvent[];
  stub?: Pick<RightRecord, 'office' | 'kind' | 'applicationNumber'> &
    Partial<RightRecord> & { kind: RightKind };
}

export type ReaderItem =
  | { type: 'right'; record: RightRecord; position: Position }
  | { type: 'events'; events: EventsForRight; position: Position }
  | { type: 'reject'; reason: string; position: Position; excerpt?: string };

/** A streaming reader of one format. It never throws for a bad record: it yields a reject and goes on. */
export interface FormatReader {
  format: FormatName;
  /** True when the first bytes of a file (up to 64 KiB, decoded as UTF-8) are of this format. */
  detect(head: string, fileName: string): boolean;
  /** Reads the file as a stream; memory must stay bounded whatever the file size. */
  read(file: string): AsyncIterable<ReaderItem>;
}
