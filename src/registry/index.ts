export { explainStatus, type Status } from './explain.js';
export { canonicalCsvReader, canonicalJsonlReader, toCanonicalLine } from './ingest/canonical.js';
export { type CheckedItem, checkItem } from './ingest/check.js';
export { READERS, readerFor } from './ingest/detect.js';
export {
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingestFiles,
  ingestSources,
  type Reject,
  type Source,
} from './ingest/ingest.js';
export { FORMATS, type FormatName, type ReaderItem } from './ingest/types.js';
export { baseNumber } from './numbers.js';
export { findRightIds, loadRight, type StoredRight } from './read.js';
export { registryRoutes } from './routes.js';
export {
  firstHolderOn,
  holdersOn,
  type Interval,
  inForceOn,
  knownEvents,
  termEnd,
  type Validity,
  validity,
} from './validity.js';
