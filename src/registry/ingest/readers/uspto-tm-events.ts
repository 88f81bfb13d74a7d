import type { EventType, LegalEvent, St27Category } from '../../../core/index.js';

/**
 * USPTO trademark prosecution events (`case-file-event-statement`) mapped to ipregion's event types
 * and ST.27 categories. The USPTO code is kept as the event's `code`; the mapping reads the code for
 * the few codes whose meaning is certain, and otherwise the event's description text, which the USPTO
 * writes consistently ("REGISTERED-PRINCIPAL REGISTER", "CANCELLED SEC. 8 (6-YR)" …).
 */
export interface TmEventClass {
  type: EventType;
  category: St27Category | null;
}

const BY_CODE: Record<string, TmEventClass> = {
  'R.PR': { type: 'grant', category: 'F' }, // registered, principal register
  'R.SR': { type: 'grant', category: 'F' }, // registered, supplemental register
  PUBO: { type: 'publication', category: 'Q' }, // published for opposition
  NWAP: { type: 'filing', category: 'A' }, // new application entered
};

/** Rules on the description, tried in order; the first match decides. */
const BY_DESCRIPTION: Array<{ pattern: RegExp; type: EventType; category: St27Category | null }> = [
  // Correspondence, filings and requests record that something was sent or asked, not that the
  // right changed: a "SEC. 8 & 9 FILED" is not a renewal, an "ABANDONMENT NOTICE MAILED" follows one.
  {
    pattern:
      /E-?MAILED|\bMAILED\b|NOTIFICATION|NOTICE OF|RECEIVED|CONFIRMATION|\bTEAS\b|\bFILED\b|PETITION|REQUEST/,
    type: 'other',
    category: null,
  },
  { pattern: /^REGISTERED\s*-?\s*(PRINCIPAL|SUPPLEMENTAL) REGISTER/, type: 'grant', category: 'F' },
  { pattern: /RENEW|SEC(TION|\.)\s*9\b.*(GRANTED|ACCEPTED)/, type: 'renewal', category: 'M' },
  { pattern: /SURRENDER/, type: 'surrender', category: 'H' },
  // A cancelled notice of allowance or extension is not a cancelled registration.
  { pattern: /^(?!.*(ALLOWANCE|EXTENSION|\bNOA\b)).*CANCELL?ED/, type: 'cessation', category: 'H' },
  { pattern: /EXPIRED/, type: 'expiry', category: 'H' },
  { pattern: /REVIVED|REINSTATED/, type: 'restoration', category: 'C' },
  { pattern: /ABANDON/, type: 'withdrawal', category: 'B' },
  { pattern: /ASSIGNMENT OF OWNERSHIP|CHANGE OF OWNERSHIP/, type: 'transfer', category: 'R' },
  { pattern: /^PUBLISHED FOR OPPOSITION/, type: 'publication', category: 'Q' },
  { pattern: /SEC(TION|\.)\s*(8|15|71)\b.*(ACCEPTED|ACK)/, type: 'other', category: 'M' },
  { pattern: /EXAMIN|APPROVED FOR PUB|ACTION|REFUSAL|AMENDMENT/, type: 'examination', category: 'D' },
];

/** ipregion's type and ST.27 category for a USPTO trademark event. */
export function classifyTmEvent(code: string, description: string): TmEventClass {
  const known = BY_CODE[code];
  if (known) return known;
  const text = description.toUpperCase();
  for (const rule of BY_DESCRIPTION) {
    if (rule.pattern.test(text)) return { type: rule.type, category: rule.category };
  }
  return { type: 'other', category: null };
}

/**
 * Case-file statuses (`status-code`) that mean the mark is dead, with the event that says so. The
 * status is the office's own summary: when the events lack the matching one (older case files often
 * do), the reader adds it, dated by `status-date`, so that validity sees what the office says.
 */
const DEAD_STATUSES: Array<{ codes: RegExp; type: EventType; category: St27Category; description: string }> =
  [
    {
      codes: /^(710|711|712|713|714|716|626)$/,
      type: 'cessation',
      category: 'H',
      description: 'registration cancelled',
    },
    { codes: /^900$/, type: 'expiry', category: 'H', description: 'registration expired' },
    { codes: /^(60[0-9]|614|618)$/, type: 'withdrawal', category: 'B', description: 'application abandoned' },
  ];

/** Event types that already say what each kind of dead status says. */
const IMPLIED_BY: Partial<Record<EventType, readonly EventType[]>> = {
  cessation: ['cessation', 'surrender', 'invalidation', 'expiry', 'lapse'],
  expiry: ['cessation', 'surrender', 'invalidation', 'expiry', 'lapse'],
  withdrawal: ['withdrawal', 'refusal'],
};

/**
 * The event a dead status implies, or null when the status is not a dead one or the events already
 * say it. Nothing is invented: the event carries code `STATUS-<code>` so it is visibly the status.
 */
export function statusEvent(
  statusCode: string,
  statusDate: string | null,
  events: LegalEvent[],
): LegalEvent | 'undated' | null {
  const dead = DEAD_STATUSES.find((d) => d.codes.test(statusCode));
  if (!dead) return null;
  const implied = IMPLIED_BY[dead.type] ?? [dead.type];
  if (events.some((e) => implied.includes(e.type))) return null;
  if (!statusDate) return 'undated';
  return {
    type: dead.type,
    category: dead.category,
    code: `STATUS-${statusCode}`,
    office: 'US',
    effectiveDate: statusDate,
    recordedDate: statusDate,
    description: `case file status ${statusCode}: ${dead.description}`,
  };
}
