import type SQLite from 'better-sqlite3';
import type {
  EventType,
  Holder,
  HolderType,
  LegalEvent,
  RegionSource,
  RightKind,
  St27Category,
} from '../core/index.js';
import type { StoredRight } from './read.js';

interface RightRow {
  id: number;
  office: string;
  kind: string;
  application_number: string;
  publication_number: string | null;
  grant_number: string | null;
  filing_date: string | null;
  publication_date: string | null;
  grant_date: string | null;
  title: string | null;
  abstract: string | null;
  ipc: string;
  locarno: string;
  nice: string;
  stub: number;
}

interface HolderRow {
  event_id: number;
  name: string;
  type: string;
  country: string | null;
  region_code: string | null;
  region_confidence: number;
  region_source: string;
  address: string | null;
}

interface EventRow {
  id: number;
  type: string;
  category: string | null;
  code: string | null;
  office: string | null;
  effective_date: string;
  recorded_date: string;
  description: string | null;
}

/**
 * The synchronous twin of `loadRight` for SQLite, used inside the writer's transaction (where an
 * async query cannot run) to see a right as stored before and after a change.
 */
export class SqliteRightLoader {
  private readonly right: SQLite.Statement<[number], RightRow>;
  private readonly holders: SQLite.Statement<[number], HolderRow>;
  private readonly events: SQLite.Statement<[number], EventRow>;

  constructor(db: SQLite.Database) {
    this.right = db.prepare('select * from rights where id = ?');
    this.holders = db.prepare(
      'select rh.event_id, h.name, h.type, h.country, h.region_code, h.region_confidence, h.region_source, h.address from right_holders rh join holders h on h.id = rh.holder_id where rh.right_id = ? order by rh.event_id, rh.position',
    );
    this.events = db.prepare(
      'select id, type, category, code, office, effective_date, recorded_date, description from legal_events where right_id = ? order by effective_date, recorded_date, id',
    );
  }

  load(id: number): StoredRight | null {
    const row = this.right.get(id);
    if (!row) return null;
    const byEvent = new Map<number, Holder[]>();
    for (const h of this.holders.all(id)) {
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
    const events: LegalEvent[] = this.events.all(id).map((e) => {
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
}
