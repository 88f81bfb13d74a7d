export { compiledOnce } from './compiled.js';
export {
  DEFAULT_DB,
  type Engine,
  engineOf,
  type ListenHandlers,
  migrate,
  type NotificationListener,
  type OpenOptions,
  openStore,
  printableLocation,
  type Store,
} from './db.js';
export type { Database, HoldersTable, LegalEventsTable, RightHoldersTable, RightsTable } from './schema.js';
export { bumpDataVersion, chunks } from './version.js';
