import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { IpregionError, type IsoDate } from '../core/index.js';
import type { Store } from '../store/index.js';
import { chinaToday } from './actors.js';
import { loadCalendar } from './calendar-store.js';
import { caseDeadlines } from './deadlines.js';
import { stateEntries } from './repository.js';
import { casesDb } from './tables.js';
import type { CaseMatter, LimitId } from './time-limits.js';
import type { CaseType } from './types.js';

/**
 * The public status lookup: anyone holding a case number and the applicant's code (given once,
 * when the case is filed) learns the case's state and dates — nothing else: no names, parties,
 * rights or history. The code is stored only as SHA-256 of number and code; an unknown number and
 * a wrong code get the same answer, in about the same time.
 */

// No 0/O, 1/I/L: codes are read out over the phone and typed from paper.
const CODE_CHARS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

export function newPublicCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_CHARS[randomInt(CODE_CHARS.length)];
  return code;
}

/** Case-insensitive, and spaces or hyphens as people write them are ignored. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function publicCodeHash(number: string, code: string): string {
  return createHash('sha256')
    .update(`${number}\n${normalizeCode(code)}`)
    .digest('hex');
}

export interface PublicStatus {
  number: string;
  type: CaseType;
  state: string;
  submittedAt: IsoDate;
  closedAt: IsoDate | null;
  /** The nearest running due date (the center's or the applicant's), or null. */
  due: IsoDate | null;
}

const notFound = () =>
  new IpregionError('not_found', 404, 'no case has this number and code: check both and try again');

const DUMMY = publicCodeHash('', '');

export async function publicStatus(
  store: Store,
  caseNumber: string,
  applicantCode: string,
  asOf: IsoDate = chinaToday(),
): Promise<PublicStatus> {
  const number = String(caseNumber).trim().toUpperCase().slice(0, 40);
  const db = casesDb(store);
  const row = await db
    .selectFrom('cases')
    .select(['id', 'number', 'type', 'state', 'matter', 'submitted_on', 'closed_on', 'public_code_hash'])
    .where('number', '=', number)
    .executeTakeFirst();
  const given = Buffer.from(publicCodeHash(number, String(applicantCode).slice(0, 100)), 'hex');
  const stored = Buffer.from(row?.public_code_hash ?? DUMMY, 'hex');
  const matches = stored.length === given.length && timingSafeEqual(stored, given);
  if (!row || !matches) throw notFound();

  const history = await db
    .selectFrom('case_history')
    .select(['to_state', 'on_date'])
    .where('case_id', '=', row.id)
    .orderBy('id')
    .execute();
  const extensions = await db
    .selectFrom('case_extensions')
    .select(['limit_id', 'days', 'reason'])
    .where('case_id', '=', row.id)
    .execute();
  const deadlines = caseDeadlines(
    {
      type: row.type as CaseType,
      ...(row.matter ? { matter: row.matter as CaseMatter } : {}),
      history: stateEntries(history.map((h) => ({ to: h.to_state, onDate: h.on_date }))),
      extensions: extensions.map((e) => ({ limit: e.limit_id as LimitId, days: e.days, reason: e.reason })),
      calendar: await loadCalendar(store),
    },
    // Not before the case began: the later of the two ISO dates.
    [asOf, row.submitted_on].sort()[1]!,
  );
  const due =
    deadlines
      .filter((d) => d.clock === 'running' && d.due !== null)
      .map((d) => d.due!)
      .sort()[0] ?? null;
  return {
    number: row.number,
    type: row.type as CaseType,
    state: row.state,
    submittedAt: row.submitted_on,
    closedAt: row.closed_on,
    due,
  };
}
