import type { Generated } from 'kysely';

/** Database row types. API and domain shapes are separate (src/core/types.ts), joined by presenters. */
export interface RightsTable {
  id: Generated<number>;
  /** office/kind/applicationNumber: the right's identity (see core `rightKey`). */
  key: string;
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
  /** JSON arrays as text: portable between SQLite and PostgreSQL. */
  ipc: Generated<string>;
  locarno: Generated<string>;
  nice: Generated<string>;
  /** Hash of the bibliographic data and first holders, to tell an unchanged record on re-ingest. */
  content_hash: string;
  /** 1 when only events have named this right so far (no bibliographic record loaded yet). */
  stub: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RightNumbersTable {
  number: string;
  office: string;
  right_id: number;
}

export interface HoldersTable {
  id: Generated<number>;
  holder_key: string;
  name: string;
  type: string;
  country: string | null;
  region_code: string | null;
  region_confidence: number;
  region_source: string;
  address: string | null;
}

/** Holder sets of a right: event_id 0 for the first holders, else the transfer that brought them. */
export interface RightHoldersTable {
  right_id: number;
  event_id: number;
  position: number;
  holder_id: number;
}

export interface LegalEventsTable {
  id: Generated<number>;
  right_id: number;
  event_key: string;
  type: string;
  category: string | null;
  office: string | null;
  code: string | null;
  effective_date: string;
  recorded_date: string;
  description: string | null;
}

export interface IngestRunsTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string | null;
  status: string;
  files: string;
  accepted: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
}

export interface IngestRejectsTable {
  id: Generated<number>;
  run_id: number;
  file: string;
  line: number | null;
  byte_offset: number | null;
  reason: string;
  excerpt: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface StatCellsTable {
  id: Generated<number>;
  region_code: string;
  kind: string;
  holder_type: string;
  industry: string;
}

export interface StatDeltasTable {
  cell_id: number;
  day: number;
  known_from: number;
  delta: number;
}

/** Deltas not yet folded into `stat_deltas` (see migration 008): the same columns, no key. */
export type StatJournalTable = StatDeltasTable;

export interface RightIndustriesTable {
  right_id: number;
  industry: string;
}

export interface CustomIndustriesTable {
  id: string;
  definition: string;
  created_at: string;
}

export interface Database {
  rights: RightsTable;
  right_numbers: RightNumbersTable;
  holders: HoldersTable;
  right_holders: RightHoldersTable;
  legal_events: LegalEventsTable;
  ingest_runs: IngestRunsTable;
  ingest_rejects: IngestRejectsTable;
  meta: MetaTable;
  stat_cells: StatCellsTable;
  stat_deltas: StatDeltasTable;
  stat_journal: StatJournalTable;
  right_industries: RightIndustriesTable;
  custom_industries: CustomIndustriesTable;
}
