import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import { compiledOnce, type Store } from '../store/index.js';
import { type Evidence, presentEvidenceRow } from './evidence.js';
import {
  type Case,
  type HistoryEntry,
  presentCase,
  presentExtension,
  presentHistory,
  type StoredExtension,
} from './repository.js';
import { type CasesTable, casesDb } from './tables.js';

/**
 * A case with the rows its page shows: its history, extensions and evidence, read in one statement
 * (a case page is the API's most frequent read, and each round trip to the database counts).
 * Correlated subqueries aggregate each list as JSON (json_agg on PostgreSQL, json_group_array on
 * SQLite), in the order the lists have on their own: history and extensions by id, evidence by
 * upload time and id. A change composes the page after it from the page it read and what it wrote
 * (service.ts) rather than reading it again.
 */
export interface CasePage {
  /** The stored row, with the public code's hash: what a change starts from, never presented. */
  row: CasesTable;
  case: Case;
  history: HistoryEntry[];
  extensions: StoredExtension[];
  evidence: Evidence[];
}

/** The page's statement, built and compiled once per database (see `compiledOnce`). */
const pageQuery = compiledOnce((store, caseId: string) => {
  const jsonArrayFrom = store.engine === 'postgres' ? pgJsonArrayFrom : sqliteJsonArrayFrom;
  return casesDb(store)
    .selectFrom('cases')
    .selectAll('cases')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('case_history as h')
          .select([
            'h.at',
            'h.on_date',
            'h.from_state',
            'h.to_state',
            'h.action',
            'h.actor_kind',
            'h.actor',
            'h.note',
          ])
          .whereRef('h.case_id', '=', 'cases.id')
          .orderBy('h.id'),
      ).as('history'),
      jsonArrayFrom(
        eb
          .selectFrom('case_extensions as x')
          .select(['x.limit_id', 'x.days', 'x.reason', 'x.granted_by', 'x.granted_at'])
          .whereRef('x.case_id', '=', 'cases.id')
          .orderBy('x.id'),
      ).as('extensions'),
      jsonArrayFrom(
        eb
          .selectFrom('evidence as e')
          .select([
            'e.id',
            'e.case_id',
            'e.file_name',
            'e.media_type',
            'e.size',
            'e.sha256',
            'e.uploaded_by',
            'e.uploaded_at',
          ])
          .whereRef('e.case_id', '=', 'cases.id')
          .orderBy('e.uploaded_at')
          .orderBy('e.id'),
      ).as('evidence'),
    ])
    .where('cases.id', '=', caseId);
});

export async function readCasePage(
  store: Pick<Store, 'db' | 'engine'>,
  caseId: string,
): Promise<CasePage | null> {
  const [found] = await pageQuery(store, caseId);
  if (!found) return null;
  const { history, extensions, evidence, ...row } = found;
  return {
    row,
    case: presentCase(row),
    history: parsed(history).map(presentHistory),
    extensions: parsed(extensions).map(presentExtension),
    evidence: parsed(evidence).map(presentEvidenceRow),
  };
}

/** PostgreSQL's driver hands json back parsed; SQLite hands it back as text. */
function parsed<T>(list: T[]): T[] {
  const value: unknown = list;
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : list;
}
