import type { Migration } from 'kysely';
import * as m001 from './001-registry.js';
import * as m002 from './002-stats.js';
import * as m003 from './003-custom-industries.js';
import * as m004 from './004-search.js';
import * as m005 from './005-auth.js';
import * as m006 from './006-cases.js';
import * as m007 from './007-case-status-lookups.js';
import * as m008 from './008-stat-journal.js';
import * as m009 from './009-audit-head-prev-hash.js';
import * as m010 from './010-notification-data.js';
import * as m011 from './011-auth-notify.js';

/** Numbered, forward-only migrations; the same files serve SQLite and PostgreSQL. Append, never edit. */
export const migrations: Record<string, Migration> = {
  '001-registry': m001,
  '002-stats': m002,
  '003-custom-industries': m003,
  '004-search': m004,
  '005-auth': m005,
  '006-cases': m006,
  '007-case-status-lookups': m007,
  '008-stat-journal': m008,
  '009-audit-head-prev-hash': m009,
  '010-notification-data': m010,
  '011-auth-notify': m011,
};
