import type { Kysely } from 'kysely';
import type { Database, Store } from '../store/index.js';

/** Row types of the search index (migration 004-search); only this module reads or writes them. */
export interface SearchDocsTable {
  right_id: number;
  kind: string;
  office: string;
  number: string;
  title: string | null;
  filing_date: string | null;
  grant_date: string | null;
  holder: string | null;
  holder_type: string;
  region: string;
  holder_names: string;
  content_hash: string;
}

export interface SearchStateTable {
  id: number;
  data_version: string;
  rights_seen: string;
  events_seen: number;
}

// A type alias, not an interface: Kysely's `withTables` wants a record type.
export type SearchTables = {
  search_docs: SearchDocsTable;
  search_ipc: { code: string; right_id: number };
  search_pending: { right_id: number };
  search_state: SearchStateTable;
};

/** The store's database seen with the search tables too. */
export function searchDb(store: Store): Kysely<Database & SearchTables> {
  return store.db.withTables<SearchTables>();
}
