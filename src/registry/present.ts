import type { Selectable } from 'kysely';
import type {
  EventType,
  Holder,
  HolderType,
  LegalEvent,
  RegionSource,
  RightKind,
  RightRecord,
  St27Category,
} from '../core/index.js';
import type { HoldersTable, LegalEventsTable, RightHoldersTable, RightsTable } from '../store/index.js';

/** The rows a stored right is read from, whichever driver read them: the tables' own row types. */
export type RightRow = Omit<Selectable<RightsTable>, 'key' | 'content_hash' | 'created_at' | 'updated_at'>;

export type HolderRow = Pick<RightHoldersTable, 'event_id'> &
  Omit<Selectable<HoldersTable>, 'id' | 'holder_key'>;

export type EventRow = Omit<Selectable<LegalEventsTable>, 'right_id' | 'event_key'>;

export interface StoredRight extends RightRecord {
  id: number;
  stub: boolean;
}

/** Joins a right's rows into the domain shape: first holders, events in order with their new holders. */
export function presentRight(
  row: RightRow,
  holderRows: readonly HolderRow[],
  eventRows: readonly EventRow[],
): StoredRight {
  const byEvent = new Map<number, Holder[]>();
  for (const h of holderRows) {
    const list = byEvent.get(h.event_id) ?? [];
    list.push({
      name: h.name,
      type: h.type as HolderType,
      country: h.country,
      regionCode: h.region_code,
      regionConfidence: h.region_confidence,
      regionSource: h.region_source as RegionSource,
      address: h.address,
    });
    byEvent.set(h.event_id, list);
  }
  const events: LegalEvent[] = eventRows.map((e) => {
    const newHolders = byEvent.get(e.id);
    return {
      type: e.type as EventType,
      category: e.category as St27Category | null,
      code: e.code,
      office: e.office,
      effectiveDate: e.effective_date,
      recordedDate: e.recorded_date,
      description: e.description,
      ...(newHolders ? { newHolders } : {}),
    };
  });
  return {
    id: row.id,
    stub: row.stub === 1,
    office: row.office,
    kind: row.kind as RightKind,
    applicationNumber: row.application_number,
    publicationNumber: row.publication_number,
    grantNumber: row.grant_number,
    filingDate: row.filing_date,
    publicationDate: row.publication_date,
    grantDate: row.grant_date,
    title: row.title,
    abstract: row.abstract,
    ipc: JSON.parse(row.ipc) as string[],
    locarno: JSON.parse(row.locarno) as string[],
    nice: JSON.parse(row.nice) as number[],
    holders: byEvent.get(0) ?? [],
    events,
  };
}
